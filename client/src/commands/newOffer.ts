/**
 * "New Offer…": asks for the offer id, alias and managing tenant, then writes a complete offer
 * scaffold into a chosen folder — as `offer.json`, or `<offer id>.offer.json` when that name is
 * taken. An existing file is never overwritten, and the file is written by the safe writer (never
 * through a link, only a name made from an offer ID that passes `offer-id-format`).
 */
import * as vscode from 'vscode';
import { fileNameFromId } from '@core/files/fileNames';
import { firstUnusedName } from '@core/files/safeWriter';
import { requiredLengthLimit } from '@core/knowledge/fieldLimits';
import { isLocalFolder, writeFromEditor } from './editorFileWrites';
import { scaffoldOffer, validateAlias, validateOfferId, validateTenantId } from './offerScaffold';

export function registerNewOfferCommand(): vscode.Disposable {
  return vscode.commands.registerCommand('marketplaceOffer.newOffer', newOffer);
}

async function newOffer(): Promise<void> {
  const title = vscode.l10n.t('New Offer');
  const offerId = await vscode.window.showInputBox({
    title: `${title} (1/3)`,
    prompt: vscode.l10n.t('Offer ID: lowercase letters, digits, "-" and "_", at most {0}. It is fixed once the offer is created in Partner Center.', requiredLengthLimit(['offerId']).max),
    placeHolder: 'contoso-sentinel-ops',
    ignoreFocusOut: true,
    validateInput: validateOfferId,
  });
  if (offerId === undefined) {
    return;
  }
  const alias = await vscode.window.showInputBox({
    title: `${title} (2/3)`,
    prompt: vscode.l10n.t('Alias: the offer\'s name in Partner Center (customers do not see it).'),
    placeHolder: 'Contoso Sentinel Operations',
    ignoreFocusOut: true,
    validateInput: validateAlias,
  });
  if (alias === undefined) {
    return;
  }
  const tenantId = await vscode.window.showInputBox({
    title: `${title} (3/3)`,
    prompt: vscode.l10n.t('Managing tenant ID: the GUID of the Microsoft Entra tenant your people sign in to.'),
    placeHolder: '00000000-0000-0000-0000-000000000000',
    ignoreFocusOut: true,
    validateInput: validateTenantId,
  });
  if (tenantId === undefined) {
    return;
  }
  const folders = await vscode.window.showOpenDialog({
    title: vscode.l10n.t('Folder for the new offer'),
    openLabel: vscode.l10n.t('Create Offer Here'),
    canSelectFiles: false,
    canSelectFolders: true,
    canSelectMany: false,
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
  });
  const folder = folders?.[0];
  if (!folder || !isLocalFolder(folder)) {
    return;
  }
  const named = fileNameFromId(offerId, 'offerId', '.offer.json');
  if (!named.ok) {
    void vscode.window.showErrorMessage(named.message);
    return;
  }
  const name = await firstUnusedName(folder.fsPath, ['offer.json', named.name]);
  if (!name) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('{0} already holds offer.json and {1}.offer.json; nothing was written. Choose another folder.', folder.fsPath, offerId),
    );
    return;
  }
  const written = await writeFromEditor({ folder, files: [{ name, contents: scaffoldOffer({ offerId, alias, tenantId }) }] });
  const target = written?.[0];
  if (!target) {
    return;
  }
  await vscode.window.showTextDocument(target);
  void vscode.window.showInformationMessage(
    vscode.l10n.t('Created {0}. The Problems panel lists what is left to fill in.', vscode.workspace.asRelativePath(target)),
  );
}

