/**
 * The status-bar item for the active offer: "Offer: 3 errors — 2 sections incomplete", from the
 * same publish status as the tree and the preview. Clicking it opens the Problems panel.
 */
import * as vscode from 'vscode';
import { publishStatus, sectionStateLabel, summarizePublishStatus } from '../../../server/src/features/publishStatus';
import { isOfferDocument, OfferWorkspace } from '../offerWorkspace';

export class OfferStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('marketplaceOffer.status', vscode.StatusBarAlignment.Left, 50);
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly offers: OfferWorkspace) {
    this.item.name = vscode.l10n.t('Marketplace Offer Status');
    this.item.command = 'workbench.actions.view.problems';
    this.subscriptions.push(
      this.item,
      offers.onDidChangeOffer((uri) => {
        if (uri.toString() === vscode.window.activeTextEditor?.document.uri.toString()) {
          this.update();
        }
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
    );
    this.update();
  }

  private update(): void {
    const textDocument = vscode.window.activeTextEditor?.document;
    if (!isOfferDocument(textDocument)) {
      this.item.hide();
      return;
    }
    const document = this.offers.parse(textDocument);
    const status = publishStatus(document, this.offers.diagnostics(textDocument.uri, document));
    const icon = status.ready ? '$(pass)' : status.blockingProblems > 0 ? '$(error)' : '$(circle-large-outline)';
    this.item.text = `${icon} ${summarizePublishStatus(status)}`;
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendText(vscode.l10n.t('Publish readiness (click to open the Problems panel)'));
    tooltip.appendMarkdown('\n\n');
    for (const section of status.sections) {
      tooltip.appendText(`${section.title}: ${sectionStateLabel(section.state)}`);
      tooltip.appendMarkdown('  \n');
    }
    this.item.tooltip = tooltip;
    this.item.show();
  }

  dispose(): void {
    this.subscriptions.forEach((subscription) => subscription.dispose());
  }
}
