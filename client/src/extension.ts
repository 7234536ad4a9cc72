/**
 * The extension's entry point: starts the language client and wires the views and commands that
 * live beside the editor (plans tree, listing preview, status bar, offer commands). Each feature
 * is its own module; this file only connects them. Everything they show about an offer comes from
 * the language server (`offerServer.ts`): the extension parses no offer and loads no role catalog.
 *
 * Activation waits for nothing: the server starts in the background and the views ask it when
 * they are shown.
 */
import { markStartup, startupFigures } from './startupTimings';
import * as vscode from 'vscode';
import { setLocale } from '@core/l10n';
import { registerArmCommands } from './commands/armCommands';
import { registerCheckAllOffersCommand } from './commands/checkAllOffers';
import { registerNewOfferCommand } from './commands/newOffer';
import { registerRecordBaselineCommand } from './commands/recordBaseline';
import { registerHandoff } from './handoff/handoffPanel';
import { createLanguageClient } from './languageClient';
import { OfferServer } from './offerServer';
import { hasOfferDiagnostics, isOfferDocument, isOfferUri, OfferWorkspace } from './offerWorkspace';
import { ListingPreview } from './preview/listingPreview';
import { OfferStatusBar } from './status/offerStatusBar';
import { registerPlanCommands } from './tree/planCommands';
import { PLANS_VIEW_ID, PlanTreeProvider } from './tree/planTreeProvider';

let server: OfferServer | undefined;

/** What the extension hands to other extensions (and to its in-editor tests). */
export interface OfferExtensionApi {
  /** The plans tree's data. */
  plansTree: PlanTreeProvider;
  /** When activation ended and the first tree row and diagnostics came (for the e2e run to print). */
  startup: typeof startupFigures;
}

export function activate(context: vscode.ExtensionContext): OfferExtensionApi {
  // The pure helpers (the preview's renderer, the input checks) speak through @vscode/l10n too.
  setLocale(vscode.env.language);
  server = new OfferServer(createLanguageClient(context));
  const offers = new OfferWorkspace();
  const tree = new PlanTreeProvider(offers, server);
  const treeView = vscode.window.createTreeView(PLANS_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  tree.attach(treeView);
  const preview = new ListingPreview(offers, server, context.extensionUri);
  context.subscriptions.push(
    server,
    offers,
    tree,
    treeView,
    preview,
    new OfferStatusBar(offers, server),
    ...registerPlanCommands(offers, tree, server),
    vscode.commands.registerCommand('marketplaceOffer.openPreview', (uri?: vscode.Uri) => preview.open(uri instanceof vscode.Uri ? uri : undefined)),
    ...registerHandoff(context, offers, server),
    registerNewOfferCommand(),
    registerRecordBaselineCommand(offers),
    registerCheckAllOffersCommand(offers),
    ...registerArmCommands(offers, server),
    vscode.commands.registerCommand('marketplaceOffer.showLog', () => server?.client.outputChannel.show(true)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      // Another role catalog: role names in the tree change (the server loads it).
      if (event.affectsConfiguration('marketplaceOffer.roleCatalogPath')) {
        tree.refresh();
      }
    }),
    ...watchStartup(),
  );
  void server.start();
  markStartup('activatedMs');
  return { plansTree: tree, startup: startupFigures };
}

export async function deactivate(): Promise<void> {
  await server?.client.stop();
}

/** How long the startup figures are watched for at most (an offer may never be opened). */
const STARTUP_WATCH_MS = 120_000;

/**
 * Records when the first offer was open and when its first diagnostics came. Watching ends at the
 * first diagnostics event for an offer, even with none in it (a clean offer gets no diagnostics
 * to time), or after STARTUP_WATCH_MS: the listeners do not stay for the whole session.
 */
function watchStartup(): vscode.Disposable[] {
  if (vscode.workspace.textDocuments.some(isOfferDocument)) {
    markStartup('firstOfferOpenedMs');
  }
  const stop = () => {
    clearTimeout(timeLimit);
    for (const subscription of watching) {
      subscription.dispose();
    }
  };
  const timeLimit = setTimeout(stop, STARTUP_WATCH_MS);
  const watching: vscode.Disposable[] = [
    vscode.workspace.onDidOpenTextDocument((document) => {
      if (isOfferDocument(document)) {
        markStartup('firstOfferOpenedMs');
      }
    }),
    vscode.languages.onDidChangeDiagnostics((event) => {
      const offerUris = event.uris.filter(isOfferUri);
      if (offerUris.length === 0) {
        return;
      }
      if (offerUris.some(hasOfferDiagnostics)) {
        markStartup('firstDiagnosticsMs');
      }
      stop();
    }),
  ];
  return [...watching, { dispose: stop }];
}
