import { t } from '@core/l10n';
import type { Rule } from '../rule';
import { imageRefsOf, pngSizeOf, WIDESCREEN } from './images';

export const screenshotSize: Rule = {
  code: 'screenshot-size',
  severity: 'error',
  docs: 'Listing screenshots must be exactly 1280×720 pixels.',
  check(context) {
    for (const ref of imageRefsOf(context.root)) {
      if (ref.kind !== 'screenshot') {
        continue;
      }
      const found = pngSizeOf(context, ref);
      if (found && (found.width !== WIDESCREEN.width || found.height !== WIDESCREEN.height)) {
        context.report(
          ref.node,
          t('Screenshot {0} is {1}×{2} pixels; screenshots must be exactly {3}×{4}.', ref.index + 1, found.width, found.height, WIDESCREEN.width, WIDESCREEN.height),
          { found: [found.width, found.height], expected: [WIDESCREEN.width, WIDESCREEN.height] },
        );
      }
    }
  },
};
