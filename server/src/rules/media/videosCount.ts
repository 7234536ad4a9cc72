import { t } from '@core/l10n';
import { items } from '@core/model/nodes';
import type { Rule } from '../rule';
import { listingArray } from './images';
import { requiredCountLimit } from '@core/knowledge/fieldLimits';

export const MAX_VIDEOS = requiredCountLimit(['listing', 'videos']).max;

export const videosCount: Rule = {
  code: 'videos-count',
  severity: 'error',
  docs: 'A listing may show at most 5 videos.',
  check({ root, report }) {
    const videos = listingArray(root, 'videos');
    const count = items(videos).length;
    if (videos && count > MAX_VIDEOS) {
      report(videos, t('The listing has {0} videos; the limit is {1}: remove {2}.', count, MAX_VIDEOS, count - MAX_VIDEOS));
    }
  },
};
