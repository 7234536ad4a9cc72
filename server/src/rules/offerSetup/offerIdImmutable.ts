import { t } from '@core/l10n';
import { quoteValue } from '@core/text/quote';
import type { Rule } from '../rule';
import { reportChangedSincePublished, restorePublishedValue } from './publishedValue';

export const offerIdImmutable: Rule = {
  code: 'offer-id-immutable',
  severity: 'error',
  needsBaseline: true,
  docs: "The offer ID is part of the offer's marketplace URL and is fixed from the moment the offer is created in Partner Center, so it must stay as the published baseline records it.",
  check(context) {
    reportChangedSincePublished(context, 'offerId', (current, published) =>
      t(
        "The offer ID is fixed from the moment the offer is created in Partner Center, where it is '{0}': put '{0}' back instead of '{1}'.",
        quoteValue(published),
        quoteValue(current),
      ),
    );
  },
  fix(diagnostic, context) {
    return restorePublishedValue(diagnostic, context, (published) => t("Restore the offer ID '{0}' that Partner Center holds", quoteValue(published)));
  },
};
