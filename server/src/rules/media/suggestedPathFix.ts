import { t } from '@core/l10n';
import { quoteValue } from '@core/text/quote';
import type { OfferDiagnostic } from '../diagnostic';
import { dataReplacementFix } from '../../edits/quickFix';
import type { FixContext, QuickFix } from '../rule';

/**
 * The fix of a path that names no file, when the diagnostic found the file it probably meant
 * (`data.path` → `data.suggestion`). Not preferred: it is a guess the user should look at.
 */
export function suggestedPathFix(diagnostic: OfferDiagnostic, context: FixContext): QuickFix[] {
  return dataReplacementFix(diagnostic, context, { title: (suggestion) => t("Change the path to '{0}'", quoteValue(suggestion)), isPreferred: false, reported: 'path' });
}
