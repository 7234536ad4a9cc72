/**
 * What the listing preview and the Partner Center hand-off have in common: one webview beside the
 * editor that shows one offer, follows the active offer, re-renders as the offer changes (debounced
 * through OfferWorkspace) and keeps its scroll position.
 *
 * Work is done only for a panel someone can see: a hidden panel is marked stale and rendered when
 * it shows again. Each rendering asks the server first (`fetch`, asynchronous, may be overtaken by
 * a later one) and then builds the page (`present`, synchronous, only for the latest answer about
 * the offer still shown), so an outdated answer never reaches the screen.
 */
import { randomBytes } from 'crypto';
import * as path from 'path';
import * as vscode from 'vscode';
import type { OfferServer } from '../offerServer';
import { isOfferDocument, OfferWorkspace, openDocumentOf } from '../offerWorkspace';

/** A message from the page's script: untrusted, checked field by field by whoever reads it. */
export interface PanelMessage {
  type?: unknown;
  [field: string]: unknown;
}

export abstract class OfferPanel<Answer> implements vscode.Disposable {
  protected panel: vscode.WebviewPanel | undefined;
  protected offerUri: vscode.Uri | undefined;
  protected scrollY = 0;
  /**
   * The page VS Code holds is not the one the panel would render now (the offer changed while the
   * panel was hidden, or the page changed itself since): a hidden webview is reloaded from that
   * page when it shows again, so it is rendered again then.
   */
  protected stale = false;
  /** Counts the renderings asked for: an answer to an earlier one is dropped. */
  private renderings = 0;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    protected readonly offers: OfferWorkspace,
    protected readonly server: OfferServer,
    protected readonly extensionUri: vscode.Uri,
    private readonly viewType: string,
  ) {
    this.subscriptions.push(
      offers.onDidChangeOffer((uri) => {
        if (this.panel && uri.toString() === this.offerUri?.toString()) {
          void this.render();
        }
      }),
      server.onDidStart(() => void this.render()),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        const document = editor?.document;
        if (this.panel && this.followsActiveEditor() && isOfferDocument(document) && document.uri.toString() !== this.offerUri?.toString()) {
          this.show(document.uri, false);
        }
      }),
    );
  }

  /** The panel's title for the offer at `uri`. */
  protected abstract title(uri: vscode.Uri): string;
  /** What is said when the panel is asked for with no offer open. */
  protected abstract noOfferMessage(): string;
  /** The webview's options for the offer at `uri` (scripts, where it may load from). */
  protected abstract webviewOptions(uri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions;
  /** Asks the server what the page shows; undefined: nothing to show (the server is not there). */
  protected abstract fetch(uri: vscode.Uri): Promise<Answer | undefined>;
  /** The page for the latest answer about the offer on screen. */
  protected abstract present(answer: Answer, uri: vscode.Uri, webview: vscode.Webview): string;
  /** A message of the page other than its scroll position. */
  protected abstract onMessage(message: PanelMessage): Promise<void>;

  /** Whether the panel moves to the offer of the editor that becomes active. */
  protected followsActiveEditor(): boolean {
    return true;
  }

  /** Called once the webview panel is made (before its first rendering). */
  protected onCreated(_panel: vscode.WebviewPanel): void {}

  /** Called once the user closed the panel. */
  protected onClosed(): void {}

  /** Opens (or moves) the panel beside the editor, for `uri` or the active offer. */
  async open(uri?: vscode.Uri): Promise<void> {
    const target = uri ?? this.offers.activeOfferDocument()?.uri;
    if (!target) {
      void vscode.window.showInformationMessage(this.noOfferMessage());
      return;
    }
    await vscode.workspace.openTextDocument(target);
    this.show(target, true);
  }

  private show(uri: vscode.Uri, reveal: boolean): void {
    if (uri.toString() !== this.offerUri?.toString()) {
      this.scrollY = 0;
    }
    this.offerUri = uri;
    const options = this.webviewOptions(uri);
    if (!this.panel) {
      const panel = vscode.window.createWebviewPanel(this.viewType, this.title(uri), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, options);
      this.panel = panel;
      panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'resources', 'offer-file.svg');
      panel.onDidDispose(() => {
        this.panel = undefined;
        this.offerUri = undefined;
        this.onClosed();
      });
      // The event also fires on focus changes and column moves of a visible panel: only a panel
      // shown again (VS Code reloads its page from the one it holds) may need a new page.
      let wasVisible = panel.visible;
      panel.onDidChangeViewState(() => {
        const shownAgain = panel.visible && !wasVisible;
        wasVisible = panel.visible;
        if (shownAgain && this.stale) {
          void this.render();
        }
      });
      panel.webview.onDidReceiveMessage((message: PanelMessage) => this.receive(message));
      this.onCreated(panel);
    } else {
      this.panel.webview.options = options;
      this.panel.title = this.title(uri);
      if (reveal) {
        this.panel.reveal(vscode.ViewColumn.Beside, true);
      }
    }
    void this.render();
  }

  /** Renders the offer on screen, if the panel is visible; an outdated answer is dropped. */
  protected async render(): Promise<void> {
    const rendering = ++this.renderings;
    const uri = this.offerUri;
    if (!this.panel || !uri || !openDocumentOf(uri)) {
      return;
    }
    if (!this.panel.visible) {
      this.stale = true;
      return;
    }
    this.stale = false;
    const answer = await this.fetch(uri);
    const panel = this.panel;
    if (answer === undefined || !panel || rendering !== this.renderings || uri.toString() !== this.offerUri?.toString()) {
      return;
    }
    panel.webview.html = this.present(answer, uri, panel.webview);
  }

  /** Where the page's stylesheet or script `name` in media/ is loaded from. */
  private media(webview: vscode.Webview, name: string): string {
    return webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', name)).toString();
  }

  /** The parts of every page that are not the offer's: a fresh nonce, where it may load from. */
  protected pageBasics(webview: vscode.Webview, name: 'preview' | 'handoff'): { nonce: string; cspSource: string; styleUri: string; scriptUri: string; fileName: string | undefined; offerUri: string | undefined; scrollY: number } {
    return {
      nonce: randomBytes(18).toString('base64'),
      cspSource: webview.cspSource,
      styleUri: this.media(webview, `${name}.css`),
      scriptUri: this.media(webview, `${name}.js`),
      fileName: this.offerUri && path.posix.basename(this.offerUri.path),
      offerUri: this.offerUri?.toString(),
      scrollY: this.scrollY,
    };
  }

  private async receive(message: PanelMessage): Promise<void> {
    if (message?.type === 'scroll') {
      if (typeof message.scrollY === 'number' && Number.isFinite(message.scrollY)) {
        this.scrollY = Math.max(0, message.scrollY);
      }
      return;
    }
    await this.onMessage(message);
  }

  dispose(): void {
    this.panel?.dispose();
    for (const subscription of this.subscriptions) {
      subscription.dispose();
    }
  }
}
