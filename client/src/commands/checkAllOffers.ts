/**
 * "Check All Offers in Workspace": opens every offer file so that the language server checks it,
 * waits for the diagnostics to arrive, then reports the count and shows the Problems panel.
 */
import * as vscode from 'vscode';
import { checkedOffersSummary, checkingOffers } from '@core/text/counts';
import { OFFER_DIAGNOSTIC_SOURCE } from '@core/knowledge/diagnosticSource';
import { OfferWorkspace } from '../offerWorkspace';

/** How long to wait for the server's diagnostics before counting what has arrived. */
const SETTLE_TIMEOUT_MS = 15_000;
/** Quiet time after the last diagnostics change that counts as "done". */
const QUIET_MS = 1_000;

export function registerCheckAllOffersCommand(offers: OfferWorkspace): vscode.Disposable {
  return vscode.commands.registerCommand('marketplaceOffer.checkAllOffers', () => checkAllOffers(offers));
}

async function checkAllOffers(offers: OfferWorkspace): Promise<void> {
  const uris = await offers.findOffers();
  if (uris.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No offer.json or *.offer.json file in this workspace.'));
    return;
  }
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: checkingOffers(uris.length), cancellable: true },
    async (_progress, cancellation) => {
      const settled = waitForDiagnostics(uris, cancellation);
      for (const uri of uris) {
        if (cancellation.isCancellationRequested) {
          break;
        }
        // Opening a document is enough for the language server to check it.
        await vscode.workspace.openTextDocument(uri);
      }
      settled.allOpened();
      await settled.done;
    },
  );
  let errors = 0;
  let warnings = 0;
  for (const uri of uris) {
    for (const diagnostic of vscode.languages.getDiagnostics(uri)) {
      if (diagnostic.source !== OFFER_DIAGNOSTIC_SOURCE) {
        continue;
      }
      if (diagnostic.severity === vscode.DiagnosticSeverity.Error) {
        errors++;
      } else if (diagnostic.severity === vscode.DiagnosticSeverity.Warning) {
        warnings++;
      }
    }
  }
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  void vscode.window.showInformationMessage(checkedOffersSummary(uris.length, errors, warnings));
}

/**
 * Settles when every offer got diagnostics, or after a quiet second without any once all are open
 * (a clean offer that was already checked may get no event at all), or on cancel or timeout.
 */
function waitForDiagnostics(uris: readonly vscode.Uri[], cancellation: vscode.CancellationToken) {
  const waiting = new Set(uris.map((uri) => uri.toString()));
  let opened = false;
  let quiet: NodeJS.Timeout | undefined;
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => {
    const timeout = setTimeout(() => finish(), SETTLE_TIMEOUT_MS);
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      event.uris.forEach((uri) => waiting.delete(uri.toString()));
      armQuiet();
    });
    const cancelled = cancellation.onCancellationRequested(() => finish());
    finish = () => {
      clearTimeout(quiet);
      clearTimeout(timeout);
      listener.dispose();
      cancelled.dispose();
      resolve();
    };
  });
  const armQuiet = () => {
    if (!opened) {
      return;
    }
    clearTimeout(quiet);
    quiet = setTimeout(() => finish(), waiting.size === 0 ? 0 : QUIET_MS);
  };
  return {
    done,
    allOpened: () => {
      opened = true;
      armQuiet();
    },
  };
}
