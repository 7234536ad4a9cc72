/**
 * The listing preview panel: one webview beside the editor that renders the offer (with
 * `renderListing`, from the data the server computed for the offer's version: listing, readiness,
 * images), re-renders while typing (debounced through OfferWorkspace), follows the active offer,
 * keeps its scroll position, and opens links only through VS Code after asking.
 *
 * The webview may load only from the offer's workspace folder and the extension's `media/`
 * folder; its one script is the extension's `media/preview.js`, allowed by a fresh nonce.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { redactSecrets } from '@core/text/secrets';
import { ListingPreviewData, PreviewRequest } from '@core/protocol';
import type { OfferServer } from '../offerServer';
import { isSyncedOffer, OfferWorkspace } from '../offerWorkspace';
import { OfferPanel, PanelMessage } from '../webview/offerPanel';
import { resolveImages } from './previewImages';
import { safeUrl } from './safeUrl';

const VIEW_TYPE = 'marketplaceOffer.preview';

/** The server's data for the offer and the renderer, loaded the first time a preview is shown. */
interface PreviewAnswer {
  data: ListingPreviewData;
  renderListing: typeof import('./renderListing').renderListing;
}

export class ListingPreview extends OfferPanel<PreviewAnswer> {
  constructor(offers: OfferWorkspace, server: OfferServer, extensionUri: vscode.Uri) {
    super(offers, server, extensionUri, VIEW_TYPE);
  }

  protected title(uri: vscode.Uri): string {
    return vscode.l10n.t('Preview {0}', path.posix.basename(uri.path));
  }

  protected noOfferMessage(): string {
    return vscode.l10n.t('Open an offer (offer.json or *.offer.json) to preview its listing.');
  }

  protected followsActiveEditor(): boolean {
    return vscode.workspace.getConfiguration('marketplaceOffer').get<boolean>('preview.followActiveEditor', true);
  }

  /** Scripts for the extension's own file only; resources from the offer's folder and media/. */
  protected webviewOptions(uri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    return {
      enableScripts: true,
      enableCommandUris: false,
      enableForms: false,
      localResourceRoots: [this.offers.workspaceRootOf(uri), vscode.Uri.joinPath(this.extensionUri, 'media')],
    };
  }

  protected async fetch(uri: vscode.Uri): Promise<PreviewAnswer | undefined> {
    const [data, { renderListing }] = await Promise.all([
      this.server.requestAbout(PreviewRequest, { uri: uri.toString() }, () => isSyncedOffer(uri)),
      import('./renderListing'),
    ]);
    return data ? { data, renderListing } : undefined;
  }

  protected present({ data, renderListing }: PreviewAnswer, _uri: vscode.Uri, webview: vscode.Webview): string {
    return renderListing({
      ...this.pageBasics(webview, 'preview'),
      offer: data.readable ? data.offer : undefined,
      images: resolveImages(data.images, (absolutePath) => webview.asWebviewUri(vscode.Uri.file(absolutePath)).toString()),
      status: data.status,
    });
  }

  /** The page may ask to open a link; nothing else. */
  protected async onMessage(message: PanelMessage): Promise<void> {
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
}
