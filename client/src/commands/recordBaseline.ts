/**
 * "Record Published Baseline": writes the offer as it is now to `<name>.published.json` beside
 * it, after a confirmation (and a second one before replacing an earlier baseline). The baseline
 * rules (immutable ids, public-to-private, manifest version) compare against that file. The file
 * is written by the safe writer: a baseline that is a link (to the user's settings, say) is
 * refused, never written through.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { baselinePathOf } from '@core/knowledge/publishedBaseline';
import { isOfferDocument, OfferWorkspace } from '../offerWorkspace';
import { writeFromEditor } from './editorFileWrites';

export function registerRecordBaselineCommand(offers: OfferWorkspace): vscode.Disposable {
  return vscode.commands.registerCommand('marketplaceOffer.recordBaseline', (uri?: vscode.Uri) => recordBaseline(offers, uri));
}

async function recordBaseline(offers: OfferWorkspace, uri: vscode.Uri | undefined): Promise<void> {
  const document = uri ? await vscode.workspace.openTextDocument(uri) : offers.activeOfferDocument();
  if (!isOfferDocument(document) || document.uri.scheme !== 'file') {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a saved offer file to record its published baseline.'));
    return;
  }
  const baseline = vscode.Uri.file(baselinePathOf(document.uri.fsPath));
  const baselineName = path.basename(baseline.fsPath);
  const record = vscode.l10n.t('Record');
  const first = await vscode.window.showWarningMessage(
    vscode.l10n.t('Record this offer as published?'),
    {
      modal: true,
      detail: vscode.l10n.t(
        'Writes {0} beside the offer. From then on, changes that Partner Center refuses are reported: other offer or plan IDs (fixed when the offer or plan is created), a public plan made private, a technical configuration without a new version.{1}',
        baselineName,
        document.isDirty ? ' ' + vscode.l10n.t('The offer has unsaved changes: the baseline records the text as it is in the editor.') : '',
      ),
    },
    record,
  );
  if (first !== record) {
    return;
  }
  const written = await writeFromEditor({
    folder: vscode.Uri.file(path.dirname(baseline.fsPath)),
    files: [{ name: baselineName, contents: document.getText() }],
    replaceQuestion: () => vscode.l10n.t('{0} already exists. Replace it with the offer as it is now?', baselineName),
  });
  if (!written) {
    return;
  }
  offers.fire(document.uri);
  void vscode.window.showInformationMessage(vscode.l10n.t('Recorded {0}.', vscode.workspace.asRelativePath(baseline)));
}
