import { t } from '@core/l10n';
import { quoteValue } from '@core/text/quote';
import type { Rule } from '../rule';
import { reportChangedSincePublished, restorePublishedValue } from './publishedValue';

export const aliasImmutable: Rule = {
  code: 'alias-immutable',
  severity: 'error',
  needsBaseline: true,
  docs: "The offer alias names the offer in Partner Center and can't change once published, so it must stay as the published baseline has it.",
  check(context) {
    reportChangedSincePublished(context, 'alias', (current, published) =>
      t("The offer alias was '{0}' when the offer was published and can't change: put '{0}' back instead of '{1}'.", quoteValue(published), quoteValue(current)),
    );
  },
  fix(diagnostic, context) {
    return restorePublishedValue(diagnostic, context, 'alias', (published) => t("Restore the published alias '{0}'", quoteValue(published)));
  },
};
