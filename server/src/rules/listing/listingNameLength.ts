import { t } from '@core/l10n';
import { at, codePointLength, str } from '@core/model/nodes';
import type { Rule } from '../rule';
import { requiredLengthLimit } from '@core/knowledge/fieldLimits';

const MAX = requiredLengthLimit(['listing', 'name']).max;

export const listingNameLength: Rule = {
  code: 'listing-name-length',
  severity: 'error',
  docs: 'The offer name is the marketplace title of the offer: Partner Center accepts 1 to 50 characters.',
  check({ root, report }) {
    const node = at(root, 'listing', 'name');
    const name = str(node);
    if (!node || name === undefined) {
      return;
    }
    const length = codePointLength(name);
    if (name.trim() === '') {
      report(node, t('The offer name is empty: write 1 to {0} characters.', MAX));
    } else if (length > MAX) {
      report(node, t('The offer name has {0} characters; the limit is {1}.', length, MAX));
    }
  },
};
