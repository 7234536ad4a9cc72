import { t } from '@core/l10n';
import { at, codePointLength, str } from '@core/model/nodes';
import type { Rule } from '../rule';
import { requiredLengthLimit } from '@core/knowledge/fieldLimits';

const MAX = requiredLengthLimit(['listing', 'description']).max;

export const descriptionLength: Rule = {
  code: 'description-length',
  severity: 'error',
  docs: 'Partner Center limits the offer description to 3,000 characters, counted on the HTML as written (tags included).',
  check({ root, report }) {
    const node = at(root, 'listing', 'description');
    const description = str(node);
    if (!node || description === undefined) {
      return;
    }
    // Counted on the markup itself: Partner Center counts what its rich-text editor stores.
    const length = codePointLength(description);
    if (description.trim() === '') {
      report(node, t('The description is empty: write 1 to {0} characters.', MAX));
    } else if (length > MAX) {
      report(node, t('The description has {0} characters (HTML tags included); the limit is {1}.', length, MAX));
    }
  },
};
