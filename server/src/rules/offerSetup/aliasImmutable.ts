import { t } from '@core/l10n';
import { quoteValue } from '@core/text/quote';
import type { Rule } from '../rule';
import { reportChangedSincePublished, restorePublishedValue } from './publishedValue';

export const aliasImmutable: Rule = {
  code: 'alias-immutable',
  severity: 'error',
  needsBaseline: true,
  docs: "The offer alias names the offer in Partner Center and is fixed from the moment the offer is created there, so it must stay as the published baseline records it.",
  check(context) {
    reportChangedSincePublished(context, 'alias', (current, published) =>
      t(
        "The alias is fixed from the moment the offer is created in Partner Center, where it is '{0}': put '{0}' back instead of '{1}'.",
        quoteValue(published),
        quoteValue(current),
      ),
    );
  },
  fix(diagnostic, context) {
    return restorePublishedValue(diagnostic, context, (published) => t("Restore the alias '{0}' that Partner Center holds", quoteValue(published)));
  },
};
