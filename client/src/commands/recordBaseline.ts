/**
 * "Record Published Baseline": writes the offer as it is now to `<name>.published.json` beside
 * it, after a confirmation (and a second one before replacing an earlier baseline). The baseline
 * rules (immutable ids, public-to-private, manifest version) compare against that file.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { baselinePathOf } from '@core/knowledge/publishedBaseline';
import { isOfferDocument, OfferWorkspace } from '../offerWorkspace';
import { exists } from './newOffer';

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
        'Writes {0} beside the offer. From then on, changes that Partner Center refuses after publishing (offer and plan IDs, a public plan made private, a technical configuration without a new version) are reported.{1}',
        baselineName,
        document.isDirty ? ' ' + vscode.l10n.t('The offer has unsaved changes: the baseline records the text as it is in the editor.') : '',
      ),
    },
    record,
  );
  if (first !== record) {
    return;
  }
  if (await exists(baseline)) {
    const replace = vscode.l10n.t('Replace');
    const second = await vscode.window.showWarningMessage(
      vscode.l10n.t('{0} already exists. Replace it with the offer as it is now?', baselineName),
      { modal: true },
      replace,
    );
    if (second !== replace) {
      return;
    }
  }
  await vscode.workspace.fs.writeFile(baseline, new TextEncoder().encode(document.getText()));
  offers.fire(document.uri);
  void vscode.window.showInformationMessage(vscode.l10n.t('Recorded {0}.', vscode.workspace.asRelativePath(baseline)));
}
