/**
 * How the editor's commands write files (exported templates, the published baseline, a new
 * offer): through the shared safe writer of `core/src/files/`, asynchronously, for folders on
 * this computer (`file:` URIs) only. The writer's questions become the editor's: replacing an
 * existing file is confirmed in a modal dialog, and a refusal (a link where a file would go, a
 * folder that leads out of the workspace…) is said in a modal error that names the path.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { FileToWrite, writeBoundary, writeFilesSafely } from '@core/files/safeWriter';

export interface EditorWrite {
  /** The folder the user chose (or the offer's, for the baseline); created when missing. */
  folder: vscode.Uri;
  files: FileToWrite[];
  /** The question asked before replacing `existing` (file names); undefined: never replace. */
  replaceQuestion?: (existing: readonly string[]) => string;
}

/** Whether files may be written into `folder` (a folder on this computer); says why not when not. */
export function isLocalFolder(folder: vscode.Uri): boolean {
  if (folder.scheme === 'file') {
    return true;
  }
  void vscode.window.showErrorMessage(
    vscode.l10n.t('Files are written only to folders on this computer: {0} is not one. Nothing was written.', folder.toString()),
    { modal: true },
  );
  return false;
}

/** Writes the files; the paths written, or undefined when nothing was (the user was told why). */
export async function writeFromEditor(write: EditorWrite): Promise<vscode.Uri[] | undefined> {
  if (!isLocalFolder(write.folder)) {
    return undefined;
  }
  const folder = write.folder.fsPath;
  const workspaceRoot = vscode.workspace.getWorkspaceFolder(write.folder)?.uri;
  const outcome = await writeFilesSafely(
    { folder, boundary: writeBoundary(folder, workspaceRoot?.scheme === 'file' ? workspaceRoot.fsPath : undefined), files: write.files },
    async (existing) => {
      if (!write.replaceQuestion) {
        return false;
      }
      const replace = vscode.l10n.t('Replace');
      const answer = await vscode.window.showWarningMessage(write.replaceQuestion(existing.map((file) => path.basename(file))), { modal: true }, replace);
      return answer === replace;
    },
  );
  if (outcome.ok) {
    return outcome.written.map((file) => vscode.Uri.file(file));
  }
  if (outcome.reason !== 'declined' || !write.replaceQuestion) {
    void vscode.window.showErrorMessage(outcome.message, { modal: true });
  }
  return undefined;
}
