import { t } from '@core/l10n';
import { quoteValue } from '@core/text/quote';
import type { Rule } from '../rule';
import { reportChangedSincePublished, restorePublishedValue } from './publishedValue';

export const offerIdImmutable: Rule = {
  code: 'offer-id-immutable',
  severity: 'error',
  needsBaseline: true,
  docs: "The offer ID is part of the offer's marketplace URL and can't change once published, so it must stay as the published baseline has it.",
  check(context) {
    reportChangedSincePublished(context, 'offerId', (current, published) =>
      t("The offer ID was '{0}' when the offer was published and can't change: put '{0}' back instead of '{1}'.", quoteValue(published), quoteValue(current)),
    );
  },
  fix(diagnostic, context) {
    return restorePublishedValue(diagnostic, context, 'offerId', (published) => t("Restore the published offer ID '{0}'", quoteValue(published)));
  },
};
