import type { Node } from 'jsonc-parser';
import { t } from '@core/l10n';
import { quoteValue } from '@core/text/quote';
import { str } from '@core/model/nodes';
import { audiencesOf } from '../audience/audiences';
import type { Rule } from '../rule';
import { imageRefsOf } from './images';

/** Every file path of the offer: images and audience CSVs. */
function pathNodesOf(root: Node): Node[] {
  return [
    ...imageRefsOf(root).map((ref) => ref.node),
    ...audiencesOf(root).flatMap((audience) => (audience.csv ? [audience.csv] : [])),
  ];
}

export const pathOutsideWorkspace: Rule = {
  code: 'path-outside-workspace',
  severity: 'error',
  docs: "A path of the offer must stay inside its workspace folder (the editor's workspace folder; for the checker, --root or else the repository that holds the offer): no `..` out of it, no absolute path elsewhere, no link that leads out. Such a file is never read.",
  check({ files, root, report }) {
    if (!files) {
      return;
    }
    for (const node of pathNodesOf(root)) {
      const path = str(node);
      if (path !== undefined && path.trim() !== '' && files.isOutsideWorkspace(path)) {
        report(
          node,
          t(
            "'{0}' leads outside the workspace folder '{1}', so it is not read: move the file into that folder and give its path relative to the offer file.",
            quoteValue(path),
            // A folder's path is longer than an offer's value may be shown, and says more in full.
            quoteValue(files.workspaceRoot, 400),
          ),
        );
      }
    }
  },
};
