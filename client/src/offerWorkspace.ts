/**
 * What the tree, the preview and the status bar share: which documents are offers, which offer is
 * active, the offer files of the workspace, and one debounced "this offer changed" event for edits
 * and new diagnostics alike. Nothing here parses or reads an offer: the server does.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { isOfferFileName } from '@core/files/fileNames';
import { OFFER_DIAGNOSTIC_SOURCE } from '@core/knowledge/diagnosticSource';
import { OFFER_LANGUAGE_ID } from './languageClient';

/** Offer files, as the manifest's language contribution names them. */
export const OFFER_GLOB = '**/{offer.json,*.offer.json}';
export const OFFER_EXCLUDE_GLOB = '**/node_modules/**';
/** The tree lists at most this many offer files of the workspace. */
const MAX_WORKSPACE_OFFERS = 200;

/** How long typing must pause before the views ask the server again. */
const DEBOUNCE_MS = 300;

export function isOfferUri(uri: vscode.Uri): boolean {
  return isOfferFileName(path.posix.basename(uri.path));
}

export function isOfferDocument(document: vscode.TextDocument | undefined): document is vscode.TextDocument {
  return document !== undefined && (document.languageId === OFFER_LANGUAGE_ID || (document.languageId === 'json' && isOfferUri(document.uri)));
}

/** The open document of a URI, if an editor (or an extension) has it open. */
export function openDocumentOf(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((document) => !document.isClosed && document.uri.toString() === key);
}

/** Whether the language server has the document (it syncs the offer language's documents only). */
export function isSyncedOffer(uri: vscode.Uri): boolean {
  return openDocumentOf(uri)?.languageId === OFFER_LANGUAGE_ID;
}

export class OfferWorkspace implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires, debounced, when an offer's text or diagnostics changed. */
  readonly onDidChangeOffer = this.changed.event;
  private readonly timers = new Map<string, NodeJS.Timeout>();
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
          if (isOfferUri(uri) || isOfferDocument(openDocumentOf(uri))) {
            this.schedule(uri);
          }
        }
      }),
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
    return this.lastActive && openDocumentOf(this.lastActive);
  }

  /** The workspace folder that confines the offer's paths (its own folder when it is in none). */
  workspaceRootOf(uri: vscode.Uri): vscode.Uri {
    return vscode.workspace.getWorkspaceFolder(uri)?.uri ?? vscode.Uri.file(path.dirname(uri.fsPath));
  }

  /** Every offer file of the workspace (VS Code's file search: nothing is read). */
  async findOffers(): Promise<vscode.Uri[]> {
    const found = await vscode.workspace.findFiles(OFFER_GLOB, OFFER_EXCLUDE_GLOB, MAX_WORKSPACE_OFFERS);
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
    for (const subscription of this.subscriptions) {
      subscription.dispose();
    }
  }
}

/** Whether VS Code holds diagnostics of the offer server for a URI (for the startup figures). */
export function hasOfferDiagnostics(uri: vscode.Uri): boolean {
  return vscode.languages.getDiagnostics(uri).some((diagnostic) => diagnostic.source === OFFER_DIAGNOSTIC_SOURCE);
}
