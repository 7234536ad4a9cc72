/**
 * The status-bar item for the active offer: "Offer: 3 errors — 2 sections incomplete", the
 * publish readiness the server computed for the offer's current version (the same as the tree's
 * and the preview's). Clicking it opens the Problems panel.
 */
import * as vscode from 'vscode';
import { ReadinessRequest } from '@core/protocol';
import type { OfferServer } from '../offerServer';
import { isOfferDocument, isSyncedOffer, OfferWorkspace } from '../offerWorkspace';

export class OfferStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('marketplaceOffer.status', vscode.StatusBarAlignment.Left, 50);
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Counts the updates asked for: an answer to an earlier one is dropped. */
  private asked = 0;

  constructor(
    offers: OfferWorkspace,
    private readonly server: OfferServer,
  ) {
    this.item.name = vscode.l10n.t('Marketplace Offer Status');
    this.item.command = 'workbench.actions.view.problems';
    this.subscriptions.push(
      this.item,
      offers.onDidChangeOffer((uri) => {
        if (uri.toString() === vscode.window.activeTextEditor?.document.uri.toString()) {
          void this.update();
        }
      }),
      vscode.window.onDidChangeActiveTextEditor(() => void this.update()),
      // Also the first update: the bar is made before the server starts, and until then there is
      // nothing to show (an item starts hidden).
      server.onDidStart(() => void this.update()),
    );
  }

  private async update(): Promise<void> {
    const asked = ++this.asked;
    const textDocument = vscode.window.activeTextEditor?.document;
    if (!isOfferDocument(textDocument)) {
      this.item.hide();
      return;
    }
    const answer = await this.server.requestAbout(ReadinessRequest, { uri: textDocument.uri.toString() }, () => isSyncedOffer(textDocument.uri));
    if (asked !== this.asked) {
      return; // another editor became active, or the offer changed, meanwhile
    }
    if (!answer) {
      // Not known to the server (yet): the last state shown would be another offer's.
      this.item.hide();
      return;
    }
    const { status } = answer;
    const icon = status.ready ? '$(pass)' : status.blockingProblems > 0 ? '$(error)' : '$(circle-large-outline)';
    this.item.text = `${icon} ${status.summary}`;
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendText(vscode.l10n.t('Publish readiness (click to open the Problems panel)'));
    tooltip.appendMarkdown('\n\n');
    for (const section of status.sections) {
      tooltip.appendText(`${section.title}: ${section.stateLabel}`);
      tooltip.appendMarkdown('  \n');
    }
    this.item.tooltip = tooltip;
    this.item.show();
  }

  dispose(): void {
    for (const subscription of this.subscriptions) {
      subscription.dispose();
    }
  }
}
