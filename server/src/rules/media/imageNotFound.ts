import { t } from '@core/l10n';
import { quoteValue } from '@core/text/quote';
import type { Rule } from '../rule';
import { imageName, imageRefsOf, isEmptyLogo } from './images';
import { suggestedPathFix } from './suggestedPathFix';

export const imageNotFound: Rule = {
  code: 'image-not-found',
  severity: 'error',
  docs: 'Every image path must name a file that exists, relative to the offer file, or the listing cannot be uploaded.',
  check(context) {
    const { files, root, report } = context;
    if (!files) {
      // An unsaved offer has no folder to resolve paths against.
      return;
    }
    for (const ref of imageRefsOf(root)) {
      if (isEmptyLogo(ref)) {
        continue;
      }
      if (ref.path.trim() === '') {
        report(ref.node, t('{0} has an empty path: give the path of a PNG file, relative to the offer file.', imageName(ref)));
        continue;
      }
      const lookup = files.png(ref.path);
      if (lookup.status === 'not-found') {
        const suggestion = files.suggestPath(ref.path);
        report(
          ref.node,
          suggestion
            ? t("{0} '{1}' does not exist: did you mean '{2}'?", imageName(ref), quoteValue(ref.path), quoteValue(suggestion))
            : t("{0} '{1}' does not exist: add the file or correct the path (it is relative to the offer file's folder).", imageName(ref), quoteValue(ref.path)),
          suggestion ? { path: ref.path, suggestion } : undefined,
        );
      } else if (lookup.status === 'unreadable') {
        report(ref.node, t("{0} '{1}' exists but could not be read: check the file's permissions.", imageName(ref), quoteValue(ref.path)));
      }
    }
  },
  fix: suggestedPathFix,
};
