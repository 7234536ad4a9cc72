/**
 * The Partner Center hand-off panel: one webview beside the editor that shows the offer's hand-off
 * sheet (as the server built it for the offer's version) with `renderHandoff`, a copy button per
 * value and a tick per field. It follows the active offer, re-renders as the offer changes
 * (debounced through OfferWorkspace, and only while it is visible: a hidden panel catches up when
 * it is shown), and keeps its scroll position.
 *
 * The webview is untrusted: it may ask to copy a field by id, tick a tick id of the sheet on screen,
 * clear the ticks (after the user confirms) or report its scroll position, and nothing else. The
 * value copied is always the one of the sheet the extension rendered, never one the webview sends.
 */
import { randomBytes } from 'crypto';
import * as path from 'path';
import * as vscode from 'vscode';
import { HandoffField, HandoffRequest, HandoffSheet } from '@core/protocol';
import type { OfferServer } from '../offerServer';
import { isOfferDocument, isSyncedOffer, OfferWorkspace, openDocumentOf } from '../offerWorkspace';
import { HandoffTicks } from './handoffTicks';
import { renderHandoff } from './renderHandoff';

const VIEW_TYPE = 'marketplaceOffer.handoff';
export const OPEN_HANDOFF_COMMAND = 'marketplaceOffer.openHandoff';

/** What the page's script may say; anything else is ignored. */
type HandoffMessage =
  | { type: 'copy'; fieldId: unknown }
  | { type: 'tick'; tickId: unknown; ticked: unknown }
  | { type: 'clearTicks' }
  | { type: 'scroll'; scrollY: unknown };

/** The sheet on screen: copies look their value up here, ticks are checked against it. */
interface ShownSheet {
  uri: string;
  fields: Map<string, HandoffField>;
  tickIds: Set<string>;
}

export class HandoffPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private offerUri: vscode.Uri | undefined;
  private shown: ShownSheet | undefined;
  private scrollY = 0;
  /**
   * The page VS Code holds is not the one the panel would render now: the offer changed while the
   * panel was hidden, or fields were ticked since it was rendered (a hidden webview is reloaded
   * from that page when it shows again). It is rendered again once it shows.
   */
  private stale = false;
  /** Counts the renderings asked for: an answer to an earlier one is dropped. */
  private renderings = 0;
  private ticksStore: HandoffTicks | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly offers: OfferWorkspace,
    private readonly server: OfferServer,
    private readonly context: Pick<vscode.ExtensionContext, 'extensionUri' | 'workspaceState'>,
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
        if (this.panel && isOfferDocument(document) && document.uri.toString() !== this.offerUri?.toString()) {
          this.show(document.uri, false);
        }
      }),
    );
  }

  /** Opens (or moves) the hand-off beside the editor, for `uri` or the active offer. */
  async open(uri?: vscode.Uri): Promise<void> {
    const target = uri ?? this.offers.activeOfferDocument()?.uri;
    if (!target) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open an offer (offer.json or *.offer.json) to see its Partner Center hand-off.'));
      return;
    }
    await vscode.workspace.openTextDocument(target);
    this.show(target, true);
  }

  /** The workspace's ticks, read the first time the hand-off needs them (not at activation). */
  private get ticks(): HandoffTicks {
    return (this.ticksStore ??= new HandoffTicks(this.context.workspaceState));
  }

  private show(uri: vscode.Uri, reveal: boolean): void {
    if (uri.toString() !== this.offerUri?.toString()) {
      this.scrollY = 0;
    }
    this.offerUri = uri;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(VIEW_TYPE, this.title(uri), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
        enableScripts: true,
        enableCommandUris: false,
        enableForms: false,
        // The page shows text only: its stylesheet and script are all it loads.
        localResourceRoots: [vscode.Uri.joinPath(this.context.extensionUri, 'media')],
      });
      this.panel.iconPath = vscode.Uri.joinPath(this.context.extensionUri, 'resources', 'offer-file.svg');
      this.panel.webview.html = this.page(undefined, new Set());
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.offerUri = undefined;
        this.shown = undefined;
      });
      this.panel.onDidChangeViewState(() => {
        if (this.panel?.visible && this.stale) {
          void this.render();
        }
      });
      this.panel.webview.onDidReceiveMessage((message: HandoffMessage) => this.onMessage(message));
    } else {
      this.panel.title = this.title(uri);
      if (reveal) {
        this.panel.reveal(vscode.ViewColumn.Beside, true);
      }
    }
    void this.render();
  }

  private title(uri: vscode.Uri): string {
    return vscode.l10n.t('Hand-off {0}', path.posix.basename(uri.path));
  }

  /** Asks the server for the offer's sheet and renders it; a stale answer is dropped. */
  private async render(): Promise<void> {
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
    const answer = await this.server.requestAbout(HandoffRequest, { uri: uri.toString() }, () => isSyncedOffer(uri));
    if (!answer || !this.panel || rendering !== this.renderings || uri.toString() !== this.offerUri?.toString()) {
      return;
    }
    const fields = answer.sheet.pages.flatMap((page) => page.sections.flatMap((section) => section.fields));
    this.shown = {
      uri: uri.toString(),
      fields: new Map(fields.map((field) => [field.id, field])),
      tickIds: new Set(fields.map((field) => field.tickId)),
    };
    this.panel.webview.html = this.page(answer.sheet, this.ticks.ticked(uri.toString()));
  }

  private page(sheet: HandoffSheet | undefined, ticked: ReadonlySet<string>): string {
    const webview = this.panel!.webview;
    const media = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'media', name)).toString();
    return renderHandoff({
      sheet,
      ticked,
      nonce: randomBytes(18).toString('base64'),
      cspSource: webview.cspSource,
      styleUri: media('handoff.css'),
      scriptUri: media('handoff.js'),
      fileName: this.offerUri && path.posix.basename(this.offerUri.path),
      scrollY: this.scrollY,
    });
  }

  private async onMessage(message: HandoffMessage): Promise<void> {
    switch (message?.type) {
      case 'copy':
        return this.copy(message.fieldId);
      case 'tick':
        return this.tick(message.tickId, message.ticked);
      case 'clearTicks':
        return this.clearTicks();
      case 'scroll':
        if (typeof message.scrollY === 'number' && Number.isFinite(message.scrollY)) {
          this.scrollY = Math.max(0, message.scrollY);
        }
        return;
      default:
        return;
    }
  }

  /** Copies the value of a field of the sheet on screen (the webview only names the field). */
  private async copy(fieldId: unknown): Promise<void> {
    const field = typeof fieldId === 'string' ? this.shown?.fields.get(fieldId) : undefined;
    if (!field || field.value === undefined || field.value === '' || field.secret) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Nothing was copied: the offer changed since the hand-off was shown. Try again.'));
      return;
    }
    await vscode.env.clipboard.writeText(field.value);
    void this.panel?.webview.postMessage({ type: 'copied', fieldId: field.id });
  }

  private async tick(tickId: unknown, ticked: unknown): Promise<void> {
    const shown = this.shown;
    if (!shown || typeof tickId !== 'string' || typeof ticked !== 'boolean') {
      return;
    }
    if (!(await this.ticks.set(shown.uri, tickId, ticked, shown.tickIds))) {
      // A tick from a page older than the sheet on screen: show the page as it is now.
      void this.render();
      return;
    }
    // The page shows the tick already; the page VS Code would reload after hiding it does not.
    this.stale = true;
  }

  private async clearTicks(): Promise<void> {
    const shown = this.shown;
    const count = shown ? [...this.ticks.ticked(shown.uri)].filter((id) => shown.tickIds.has(id)).length : 0;
    if (!shown || count === 0) {
      return;
    }
    const clear = vscode.l10n.t('Clear ticks');
    const answer = await vscode.window.showWarningMessage(
      count === 1 ? vscode.l10n.t('Clear the 1 tick of this offer\'s hand-off?') : vscode.l10n.t('Clear the {0} ticks of this offer\'s hand-off?', count),
      { modal: true },
      clear,
    );
    if (answer === clear && this.shown?.uri === shown.uri) {
      await this.ticks.clear(shown.uri);
      await this.render();
    }
  }

  dispose(): void {
    this.panel?.dispose();
    for (const subscription of this.subscriptions) {
      subscription.dispose();
    }
  }
}

/** The panel and its command (in the extension's activation: one line). */
export function registerHandoff(
  context: Pick<vscode.ExtensionContext, 'extensionUri' | 'workspaceState'>,
  offers: OfferWorkspace,
  server: OfferServer,
): vscode.Disposable[] {
  const panel = new HandoffPanel(offers, server, context);
  return [
    panel,
    vscode.commands.registerCommand(OPEN_HANDOFF_COMMAND, (uri?: vscode.Uri) => panel.open(uri instanceof vscode.Uri ? uri : undefined)),
  ];
}
