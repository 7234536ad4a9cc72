import { t } from '@core/l10n';
import type { Rule } from '../rule';
import { LOGO_DIMENSIONS } from '@core/knowledge/logos';
import { imageName, imageRefsOf, pngSizeOf } from './images';

export const imageSize: Rule = {
  code: 'image-size',
  severity: 'error',
  docs: 'Each logo must have exactly the pixel size Partner Center asks for: small 40×40, medium 90×90, large 115×115, wide 255×115.',
  check(context) {
    for (const ref of imageRefsOf(context.root)) {
      if (ref.kind !== 'logo') {
        continue;
      }
      const found = pngSizeOf(context, ref);
      const expected = LOGO_DIMENSIONS[ref.size];
      if (found && (found.width !== expected.width || found.height !== expected.height)) {
        context.report(
          ref.node,
          t('{0} is {1}×{2} pixels; it must be exactly {3}×{4}.', imageName(ref), found.width, found.height, expected.width, expected.height),
          { found: [found.width, found.height], expected: [expected.width, expected.height] },
        );
      }
    }
  },
};
