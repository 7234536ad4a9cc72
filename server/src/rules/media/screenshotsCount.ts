import { t } from '@core/l10n';
import { items } from '@core/model/nodes';
import type { Rule } from '../rule';
import { listingArray } from './images';
import { requiredCountLimit } from '@core/knowledge/fieldLimits';

export const MAX_SCREENSHOTS = requiredCountLimit(['listing', 'screenshots']).max;

export const screenshotsCount: Rule = {
  code: 'screenshots-count',
  severity: 'error',
  docs: 'A listing may show at most 5 screenshots.',
  check({ root, report }) {
    const screenshots = listingArray(root, 'screenshots');
    const count = items(screenshots).length;
    if (screenshots && count > MAX_SCREENSHOTS) {
      report(screenshots, t('The listing has {0} screenshots; the limit is {1}: remove {2}.', count, MAX_SCREENSHOTS, count - MAX_SCREENSHOTS));
    }
  },
};
