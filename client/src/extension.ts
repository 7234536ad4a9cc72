/**
 * The extension's entry point: starts the language client and wires the views and commands that
 * live beside the editor (plans tree, listing preview, status bar, offer commands). Each feature
 * is its own module; this file only connects them.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { RoleCatalog } from '@core/catalog/roleCatalog';
import { loadRoleCatalogFile, resolveCatalogPath } from '@core/catalog/roleCatalogFile';
import { setLocale } from '@core/l10n';
import { registerArmCommands } from './commands/armCommands';
import { registerCheckAllOffersCommand } from './commands/checkAllOffers';
import { registerNewOfferCommand } from './commands/newOffer';
import { registerRecordBaselineCommand } from './commands/recordBaseline';
import { startLanguageClient } from './languageClient';
import { OfferWorkspace } from './offerWorkspace';
import { ListingPreview } from './preview/listingPreview';
import { OfferStatusBar } from './status/offerStatusBar';
import { registerPlanCommands } from './tree/planCommands';
import { PLANS_VIEW_ID, PlanTreeProvider } from './tree/planTreeProvider';

let client: LanguageClient | undefined;

/** What the extension hands to other extensions (and to its in-editor tests): the plans tree's data. */
export interface OfferExtensionApi {
  plansTree: PlanTreeProvider;
}

export async function activate(context: vscode.ExtensionContext): Promise<OfferExtensionApi> {
  // The pure modules shared with the server speak through @vscode/l10n: same language as VS Code.
  setLocale(vscode.env.language);
  let catalog = loadRoleCatalog();
  const currentCatalog = () => catalog;
  const offers = new OfferWorkspace();
  const tree = new PlanTreeProvider(offers, currentCatalog);
  const preview = new ListingPreview(offers, context.extensionUri);
  context.subscriptions.push(
    offers,
    tree,
    vscode.window.createTreeView(PLANS_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true }),
    preview,
    new OfferStatusBar(offers),
    ...registerPlanCommands(offers, tree, currentCatalog),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('marketplaceOffer.roleCatalogPath')) {
        catalog = loadRoleCatalog();
        tree.refresh();
      }
    }),
    vscode.commands.registerCommand('marketplaceOffer.openPreview', (uri?: vscode.Uri) =>
      preview.open(uri instanceof vscode.Uri ? uri : undefined),
    ),
    registerNewOfferCommand(),
    registerRecordBaselineCommand(offers),
    registerCheckAllOffersCommand(offers),
    ...registerArmCommands(offers),
    vscode.commands.registerCommand('marketplaceOffer.showLog', () => {
      if (client) {
        client.outputChannel.show(true);
      } else {
        void vscode.window.showWarningMessage(vscode.l10n.t('The offer language server is not running.'));
      }
    }),
  );

  try {
    client = await startLanguageClient(context);
  } catch (error) {
    // The tree and the preview still work without the server; say why checks are missing.
    void vscode.window.showErrorMessage(
      vscode.l10n.t('The offer language server could not start: {0}', error instanceof Error ? error.message : String(error)),
    );
  }
  return { plansTree: tree };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

/**
 * The role catalog for role names in the tree and the role picker: the user's file from
 * `marketplaceOffer.roleCatalogPath` when set (and the workspace is trusted, since a workspace
 * could otherwise point it anywhere), else the shipped one.
 */
function loadRoleCatalog(): RoleCatalog {
  const setting = vscode.workspace.getConfiguration('marketplaceOffer').get<string>('roleCatalogPath', '');
  const folders = (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.fsPath);
  const file = resolveCatalogPath(setting, folders);
  if (!file || !vscode.workspace.isTrusted) {
    return RoleCatalog.builtin();
  }
  try {
    return loadRoleCatalogFile(file);
  } catch (error) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('{0} The plans view uses the built-in roles.', error instanceof Error ? error.message : String(error)),
    );
    return RoleCatalog.builtin();
  }
}
