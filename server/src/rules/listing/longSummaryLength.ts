import { t } from '@core/l10n';
import { at, codePointLength, str } from '@core/model/nodes';
import type { Rule } from '../rule';
import { requiredLengthLimit } from '@core/knowledge/fieldLimits';

const MAX = requiredLengthLimit(['listing', 'longSummary']).max;

export const longSummaryLength: Rule = {
  code: 'long-summary-length',
  severity: 'error',
  docs: 'The long summary is shown on the offer page above the description: at most 256 characters.',
  check({ root, report }) {
    const node = at(root, 'listing', 'longSummary');
    const summary = str(node);
    if (!node || summary === undefined) {
      return;
    }
    const length = codePointLength(summary);
    if (length > MAX) {
      report(node, t('The long summary has {0} characters; the limit is {1}.', length, MAX));
    }
  },
};
