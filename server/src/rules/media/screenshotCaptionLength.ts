import { t } from '@core/l10n';
import { requiredLengthLimit } from '@core/knowledge/fieldLimits';
import { codePointLength, items, prop, str } from '@core/model/nodes';
import type { Rule } from '../rule';
import { listingArray } from './images';

const MAX = requiredLengthLimit(['listing', 'screenshots', 0, 'caption']).max;

/**
 * Partner Center takes a caption of up to 100 characters for each screenshot. The format's table
 * has no code for it: this rule is one of the README's additions to it.
 */
export const screenshotCaptionLength: Rule = {
  code: 'screenshot-caption-length',
  severity: 'error',
  docs: 'Partner Center takes a screenshot caption of at most 100 characters.',
  check({ root, report }) {
    items(listingArray(root, 'screenshots')).forEach((screenshot, index) => {
      const node = prop(screenshot, 'caption');
      const caption = str(node);
      if (!node || caption === undefined) {
        return;
      }
      const length = codePointLength(caption);
      if (length > MAX) {
        report(node, t('The caption of screenshot {0} has {1} characters; the limit is {2}: remove {3}.', index + 1, length, MAX, length - MAX));
      }
    });
  },
};
