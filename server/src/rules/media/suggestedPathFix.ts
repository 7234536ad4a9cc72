import { t } from '@core/l10n';
import { quoteValue } from '@core/text/quote';
import type { OfferDiagnostic } from '../diagnostic';
import { replaceValueFix } from '../plans/valueFix';
import type { FixContext, QuickFix } from '../rule';

/**
 * The fix of a path that names no file, when the diagnostic found the file it probably meant
 * (`data.path` → `data.suggestion`). Not preferred: it is a guess the user should look at.
 */
export function suggestedPathFix(diagnostic: OfferDiagnostic, context: FixContext): QuickFix[] {
  const { path, suggestion } = diagnostic.data ?? {};
  if (typeof path !== 'string' || typeof suggestion !== 'string') {
    return [];
  }
  return replaceValueFix(diagnostic, context, {
    title: t("Change the path to '{0}'", quoteValue(suggestion)),
    reported: path,
    replacement: suggestion,
    isPreferred: false,
  });
}
