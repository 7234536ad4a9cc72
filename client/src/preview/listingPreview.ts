/**
 * The listing preview panel: one webview beside the editor that renders the offer (with
 * `renderListing`, from the data the server computed for the offer's version: listing, readiness,
 * images), re-renders while typing (debounced through OfferWorkspace), follows the active offer,
 * keeps its scroll position, and opens links only through VS Code after asking.
 *
 * The webview may load only from the offer's workspace folder and the extension's `media/`
 * folder; its one script is the extension's `media/preview.js`, allowed by a fresh nonce.
 */
import { randomBytes } from 'crypto';
import * as path from 'path';
import * as vscode from 'vscode';
import { redactSecrets } from '@core/text/secrets';
import { PreviewRequest } from '@core/protocol';
import type { OfferServer } from '../offerServer';
import { isOfferDocument, isSyncedOffer, OfferWorkspace, openDocumentOf } from '../offerWorkspace';
import { resolveImages } from './previewImages';
import { safeUrl } from './safeUrl';

const VIEW_TYPE = 'marketplaceOffer.preview';

/** What the preview's script may say; anything else is ignored. */
type PreviewMessage = { type: 'openLink'; url: unknown } | { type: 'scroll'; scrollY: unknown };

export class ListingPreview implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private offerUri: vscode.Uri | undefined;
  private scrollY = 0;
  /** Counts the renderings asked for: an answer to an earlier one is dropped. */
  private renderings = 0;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly offers: OfferWorkspace,
    private readonly server: OfferServer,
    private readonly extensionUri: vscode.Uri,
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
        const follow = vscode.workspace.getConfiguration('marketplaceOffer').get<boolean>('preview.followActiveEditor', true);
        if (this.panel && follow && isOfferDocument(document) && document.uri.toString() !== this.offerUri?.toString()) {
          this.show(document.uri, false);
        }
      }),
    );
  }

  /** Opens (or moves) the preview beside the editor, for `uri` or the active offer. */
  async open(uri?: vscode.Uri): Promise<void> {
    const target = uri ?? this.offers.activeOfferDocument()?.uri;
    if (!target) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open an offer (offer.json or *.offer.json) to preview its listing.'));
      return;
    }
    await vscode.workspace.openTextDocument(target);
    this.show(target, true);
  }

  private show(uri: vscode.Uri, reveal: boolean): void {
    const changedOffer = uri.toString() !== this.offerUri?.toString();
    this.offerUri = uri;
    if (changedOffer) {
      this.scrollY = 0;
    }
    const options = this.webviewOptions(uri);
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(
        VIEW_TYPE,
        this.title(uri),
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        options,
      );
      this.panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'resources', 'offer-file.svg');
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.offerUri = undefined;
      });
      this.panel.webview.onDidReceiveMessage((message: PreviewMessage) => this.onMessage(message));
    } else {
      this.panel.webview.options = options;
      this.panel.title = this.title(uri);
      if (reveal) {
        this.panel.reveal(vscode.ViewColumn.Beside, true);
      }
    }
    void this.render();
  }

  /** Scripts for the extension's own file only; resources from the offer's folder and media/. */
  private webviewOptions(uri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    return {
      enableScripts: true,
      enableCommandUris: false,
      enableForms: false,
      localResourceRoots: [this.offers.workspaceRootOf(uri), vscode.Uri.joinPath(this.extensionUri, 'media')],
    };
  }

  private title(uri: vscode.Uri): string {
    return vscode.l10n.t('Preview {0}', path.posix.basename(uri.path));
  }

  /** Asks the server for the offer's listing data and renders it; a stale answer is dropped. */
  private async render(): Promise<void> {
    const rendering = ++this.renderings;
    const uri = this.offerUri;
    if (!this.panel || !uri || !openDocumentOf(uri)) {
      return;
    }
    // The renderer (and its HTML sanitiser) is loaded the first time a preview is shown, not at activation.
    const [data, { renderListing }] = await Promise.all([this.server.requestAbout(PreviewRequest, { uri: uri.toString() }, () => isSyncedOffer(uri)), import('./renderListing')]);
    const panel = this.panel;
    if (!data || !panel || rendering !== this.renderings || uri.toString() !== this.offerUri?.toString()) {
      return;
    }
    const webview = panel.webview;
    const media = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', name)).toString();
    webview.html = renderListing({
      offer: data.readable ? data.offer : undefined,
      images: resolveImages(data.images, (absolutePath) => webview.asWebviewUri(vscode.Uri.file(absolutePath)).toString()),
      nonce: randomBytes(18).toString('base64'),
      cspSource: webview.cspSource,
      styleUri: media('preview.css'),
      scriptUri: media('preview.js'),
      status: data.status,
      fileName: path.posix.basename(uri.path),
      scrollY: this.scrollY,
    });
  }

  private async onMessage(message: PreviewMessage): Promise<void> {
    if (message?.type === 'scroll' && typeof message.scrollY === 'number' && Number.isFinite(message.scrollY)) {
      this.scrollY = Math.max(0, message.scrollY);
      return;
    }
    if (message?.type === 'openLink') {
      await this.openLink(message.url);
    }
  }

  /** Opens an http(s) or mailto link in the browser after the user agreed; nothing else. */
  private async openLink(value: unknown): Promise<void> {
    const url = safeUrl(value, true);
    if (!url) {
      return;
    }
    const open = vscode.l10n.t('Open');
    const answer = await vscode.window.showInformationMessage(
      vscode.l10n.t('Open this link from the offer in your browser?'),
      { modal: true, detail: redactSecrets(url) },
      open,
    );
    if (answer === open) {
      await vscode.env.openExternal(vscode.Uri.parse(url, true));
    }
  }

  dispose(): void {
    this.panel?.dispose();
    for (const subscription of this.subscriptions) {
      subscription.dispose();
    }
  }
}
