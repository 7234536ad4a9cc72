import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';

export const OFFER_LANGUAGE_ID = 'marketplace-offer';

/** Starts the offer language server (dist/server.js) over IPC and returns the running client. */
export async function startLanguageClient(context: vscode.ExtensionContext): Promise<LanguageClient> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: OFFER_LANGUAGE_ID, scheme: 'file' },
      { language: OFFER_LANGUAGE_ID, scheme: 'untitled' },
    ],
    synchronize: {
      // Images, audience CSVs and published baselines that offers refer to: re-check on change.
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{png,PNG,csv,CSV,json}'),
    },
    initializationOptions: { locale: vscode.env.language },
  };
  const client = new LanguageClient('marketplaceOffer', vscode.l10n.t('Marketplace Offer Language Server'), serverOptions, clientOptions);
  await client.start();
  return client;
}
