/**
 * What the tree, the preview and the status bar share: which documents are offers, their parse
 * (once per version), the offer server's diagnostics for them, the files beside them, and one
 * debounced "this offer changed" event for edits and new diagnostics alike.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { OfferDocument } from '@core/model/offerDocument';
import { nodeFileHost } from '../../server/src/workspace/fileHost';
import { FileCache, OfferFiles } from '../../server/src/workspace/offerFiles';
import { offerDiagnostics } from './diagnosticPaths';
import { OFFER_LANGUAGE_ID } from './languageClient';
import type { TreeDiagnostic } from '../../server/src/features/planTree';

/** Offer files, as the manifest's language contribution names them. */
export const OFFER_GLOB = '**/{offer.json,*.offer.json}';
export const OFFER_EXCLUDE_GLOB = '**/node_modules/**';

/** How long typing must pause before the views re-render. */
const DEBOUNCE_MS = 300;

export function isOfferUri(uri: vscode.Uri): boolean {
  const name = path.posix.basename(uri.path).toLowerCase();
  return name === 'offer.json' || name.endsWith('.offer.json');
}

export function isOfferDocument(document: vscode.TextDocument | undefined): document is vscode.TextDocument {
  return document !== undefined && (document.languageId === OFFER_LANGUAGE_ID || (document.languageId === 'json' && isOfferUri(document.uri)));
}

export class OfferWorkspace implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires, debounced, when an offer's text or diagnostics changed. */
  readonly onDidChangeOffer = this.changed.event;
  private readonly parsed = new Map<string, OfferDocument>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly fileCache = new FileCache();
  private readonly subscriptions: vscode.Disposable[] = [];
  /** The offer last shown in an editor: focus moving to the preview or the tree keeps it. */
  private lastActive: vscode.Uri | undefined;

  constructor() {
    this.subscriptions.push(
      this.changed,
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (isOfferDocument(event.document)) {
          this.schedule(event.document.uri);
        }
      }),
      vscode.languages.onDidChangeDiagnostics((event) => {
        for (const uri of event.uris) {
          if (isOfferUri(uri) || vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString() && isOfferDocument(d))) {
            this.schedule(uri);
          }
        }
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.parsed.delete(document.uri.toString())),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (isOfferDocument(editor?.document)) {
          this.lastActive = editor.document.uri;
        }
      }),
    );
    const active = vscode.window.activeTextEditor?.document;
    this.lastActive = isOfferDocument(active) ? active.uri : undefined;
  }

  /** The offer of the active editor, or the one last active while focus is elsewhere. */
  activeOfferDocument(): vscode.TextDocument | undefined {
    const active = vscode.window.activeTextEditor?.document;
    if (isOfferDocument(active)) {
      return active;
    }
    const last = this.lastActive?.toString();
    return vscode.workspace.textDocuments.find((document) => document.uri.toString() === last && !document.isClosed);
  }

  /** The document parsed, once per version. */
  parse(document: vscode.TextDocument): OfferDocument {
    const key = document.uri.toString();
    const cached = this.parsed.get(key);
    if (cached && cached.version === document.version) {
      return cached;
    }
    const parsed = OfferDocument.fromText(document.getText(), key, document.version);
    this.parsed.set(key, parsed);
    return parsed;
  }

  /** The offer server's diagnostics for a document, with their JSON pointers. */
  diagnostics(uri: vscode.Uri, document: OfferDocument): TreeDiagnostic[] {
    return offerDiagnostics(vscode.languages.getDiagnostics(uri), document);
  }

  /** The workspace folder that confines the offer's paths (its own folder when it is in none). */
  workspaceRootOf(uri: vscode.Uri): vscode.Uri {
    return vscode.workspace.getWorkspaceFolder(uri)?.uri ?? vscode.Uri.file(path.dirname(uri.fsPath));
  }

  /** The offer's images and CSVs, confined to its workspace folder; none for an unsaved offer. */
  files(uri: vscode.Uri): OfferFiles | undefined {
    if (uri.scheme !== 'file') {
      return undefined;
    }
    return new OfferFiles(uri.fsPath, this.workspaceRootOf(uri).fsPath, nodeFileHost, this.fileCache);
  }

  /** Every offer file of the workspace. */
  async findOffers(): Promise<vscode.Uri[]> {
    const found = await vscode.workspace.findFiles(OFFER_GLOB, OFFER_EXCLUDE_GLOB, 200);
    return found.filter(isOfferUri).sort((a, b) => a.fsPath.localeCompare(b.fsPath));
  }

  /** Tells listeners now that something about an offer changed (a file beside it, a refresh). */
  fire(uri: vscode.Uri): void {
    this.changed.fire(uri);
  }

  private schedule(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.changed.fire(uri);
      }, DEBOUNCE_MS),
    );
  }

  dispose(): void {
    for (const timer of this.timers.values()) {
      clearTimeout(timer);
    }
    this.subscriptions.forEach((subscription) => subscription.dispose());
  }
}
