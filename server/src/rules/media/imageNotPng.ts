import { t } from '@core/l10n';
import { quoteValue } from '@core/text/quote';
import type { Rule } from '../rule';
import { headerOf, imageName, imageRefsOf } from './images';

export const imageNotPng: Rule = {
  code: 'image-not-png',
  severity: 'error',
  docs: "Partner Center accepts only PNG images; the file's content is checked (its signature), not its name.",
  check(context) {
    for (const ref of imageRefsOf(context.root)) {
      const header = headerOf(context, ref);
      if (!header || header.isPng) {
        continue;
      }
      context.report(
        ref.node,
        header.reason === 'truncated'
          ? t("{0} '{1}' starts like a PNG file but its header is cut short or damaged: export the image again as PNG.", imageName(ref), quoteValue(ref.path))
          : t("{0} '{1}' is not a PNG file (its content is in another format, whatever its name): save the image as PNG.", imageName(ref), quoteValue(ref.path)),
      );
    }
  },
};
