import { t } from '@core/l10n';
import type { Rule } from '../rule';
import { imageRefsOf, pngSizeOf, WIDESCREEN } from './images';

export const videoThumbnailSize: Rule = {
  code: 'video-thumbnail-size',
  severity: 'error',
  docs: 'Each listing video needs a thumbnail of exactly 1280×720 pixels.',
  check(context) {
    for (const ref of imageRefsOf(context.root)) {
      if (ref.kind !== 'thumbnail') {
        continue;
      }
      const found = pngSizeOf(context, ref);
      if (found && (found.width !== WIDESCREEN.width || found.height !== WIDESCREEN.height)) {
        context.report(
          ref.node,
          t('The thumbnail of video {0} is {1}×{2} pixels; it must be exactly {3}×{4}.', ref.index + 1, found.width, found.height, WIDESCREEN.width, WIDESCREEN.height),
          { found: [found.width, found.height], expected: [WIDESCREEN.width, WIDESCREEN.height] },
        );
      }
    }
  },
};
