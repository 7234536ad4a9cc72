import * as path from 'path';
import * as vscode from 'vscode';
import {
  CloseAction,
  CloseHandlerResult,
  ErrorAction,
  ErrorHandlerResult,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';
import { RestartBudget } from './restartBudget';
import { SERVER_NODE_OPTIONS } from '@core/protocol';

export const OFFER_LANGUAGE_ID = 'marketplace-offer';

/**
 * The client of the offer language server (dist/server.js, over IPC), not started yet: the caller
 * starts it without waiting, so that activation does not wait for the server's process.
 */
export function createLanguageClient(context: vscode.ExtensionContext): LanguageClient {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_OPTIONS] } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_OPTIONS, '--nolazy', '--inspect=6010'] } },
  };
  const outputChannel = vscode.window.createOutputChannel(vscode.l10n.t('Marketplace Offer'));
  context.subscriptions.push(outputChannel);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: OFFER_LANGUAGE_ID, scheme: 'file' },
      { language: OFFER_LANGUAGE_ID, scheme: 'untitled' },
    ],
    synchronize: {
      // Images, audience CSVs and published baselines that offers refer to: re-check on change.
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{png,PNG,csv,CSV,json}'),
      configurationSection: 'marketplaceOffer',
    },
    initializationOptions: { locale: vscode.env.language },
    outputChannel,
    errorHandler: restartingErrorHandler(outputChannel),
  };
  return new LanguageClient('marketplaceOffer', vscode.l10n.t('Marketplace Offer Language Server'), serverOptions, clientOptions);
}

/**
 * If the server process dies, start it again and say so once; after too many deaths in a short
 * time, stop trying and say that too, instead of restarting in a loop.
 */
function restartingErrorHandler(outputChannel: vscode.OutputChannel) {
  const budget = new RestartBudget();
  const showOutput = vscode.l10n.t('Show Output');
  const offerOutput = (answer: string | undefined) => {
    if (answer === showOutput) {
      outputChannel.show(true);
    }
  };
  return {
    // A message the server could not read or write: carry on unless it keeps happening.
    error(_error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
      return { action: (count ?? 0) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
    },
    closed(): CloseHandlerResult {
      const decision = budget.recordCrash(Date.now());
      if (decision.action === 'giveUp') {
        void vscode.window
          .showErrorMessage(
            vscode.l10n.t('The offer language server stopped several times in a row and was not restarted. Reload the window to try again.'),
            showOutput,
          )
          .then(offerOutput);
        return { action: CloseAction.DoNotRestart, handled: true };
      }
      if (decision.tellUser) {
        void vscode.window
          .showWarningMessage(vscode.l10n.t('The offer language server stopped unexpectedly and was restarted.'), showOutput)
          .then(offerOutput);
      }
      outputChannel.appendLine(`[${new Date().toISOString()}] ${vscode.l10n.t('The server process ended; restarting it.')}`);
      return { action: CloseAction.Restart, handled: true };
    },
  };
}
