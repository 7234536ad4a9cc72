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
import * as path from 'path';
import * as vscode from 'vscode';
import { HandoffField, HandoffRequest, HandoffSheet } from '@core/protocol';
import type { OfferServer } from '../offerServer';
import { isSyncedOffer, OfferWorkspace } from '../offerWorkspace';
import { OfferPanel, PanelMessage } from '../webview/offerPanel';
import { HandoffTicks } from './handoffTicks';
import { renderHandoff } from './renderHandoff';

const VIEW_TYPE = 'marketplaceOffer.handoff';
const OPEN_HANDOFF_COMMAND = 'marketplaceOffer.openHandoff';

/** The sheet on screen: copies look their value up here, ticks are checked against it. */
interface ShownSheet {
  uri: string;
  fields: Map<string, HandoffField>;
  tickIds: Set<string>;
}

class HandoffPanel extends OfferPanel<HandoffSheet> {
  private shown: ShownSheet | undefined;
  private ticksStore: HandoffTicks | undefined;

  constructor(
    offers: OfferWorkspace,
    server: OfferServer,
    private readonly context: Pick<vscode.ExtensionContext, 'extensionUri' | 'workspaceState'>,
  ) {
    super(offers, server, context.extensionUri, VIEW_TYPE);
  }

  protected title(uri: vscode.Uri): string {
    return vscode.l10n.t('Hand-off {0}', path.posix.basename(uri.path));
  }

  protected noOfferMessage(): string {
    return vscode.l10n.t('Open an offer (offer.json or *.offer.json) to see its Partner Center hand-off.');
  }

  protected webviewOptions(): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    return {
      enableScripts: true,
      enableCommandUris: false,
      enableForms: false,
      // The page shows text only: its stylesheet and script are all it loads.
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')],
    };
  }

  protected onCreated(panel: vscode.WebviewPanel): void {
    // The sheet's frame while the server answers.
    panel.webview.html = this.page(panel.webview, undefined, new Set());
  }

  protected onClosed(): void {
    this.shown = undefined;
  }

  /** The workspace's ticks, read the first time the hand-off needs them (not at activation). */
  private get ticks(): HandoffTicks {
    return (this.ticksStore ??= new HandoffTicks(this.context.workspaceState));
  }

  protected async fetch(uri: vscode.Uri): Promise<HandoffSheet | undefined> {
    return (await this.server.requestAbout(HandoffRequest, { uri: uri.toString() }, () => isSyncedOffer(uri)))?.sheet;
  }

  protected present(sheet: HandoffSheet, uri: vscode.Uri, webview: vscode.Webview): string {
    const fields = sheet.pages.flatMap((page) => page.sections.flatMap((section) => section.fields));
    this.shown = {
      uri: uri.toString(),
      fields: new Map(fields.map((field) => [field.id, field])),
      tickIds: new Set(fields.map((field) => field.tickId)),
    };
    return this.page(webview, sheet, this.ticks.ticked(uri.toString()));
  }

  private page(webview: vscode.Webview, sheet: HandoffSheet | undefined, ticked: ReadonlySet<string>): string {
    return renderHandoff({ ...this.pageBasics(webview, 'handoff'), sheet, ticked });
  }

  /** The page may ask to copy a field, tick one, or clear the ticks; nothing else. */
  protected async onMessage(message: PanelMessage): Promise<void> {
    switch (message?.type) {
      case 'copy':
        return this.copy(message.fieldId);
      case 'tick':
        return this.tick(message.tickId, message.ticked);
      case 'clearTicks':
        return this.clearTicks();
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
