/**
 * The language server: wires the offer language service to an LSP connection. Every handler is
 * wrapped (see `guard`) so that an exception is logged and answered with an empty result: a
 * broken or hostile offer must never take the server down.
 */
import * as path from 'path';
import { fileURLToPath } from 'url';
import {
  createConnection,
  Diagnostic,
  DidChangeWatchedFilesParams,
  DocumentDiagnosticReportKind,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { messageLanguage, setLocale } from '@core/l10n';
import { createGuard } from './lsp/guard';
import { registerStructureFeatures } from './lsp/structureFeatures';
import { registerEditingFeatures } from './lsp/editingFeatures';
import { OfferLanguageService, OfferLocation } from './languageService';
import { toLspDiagnostic } from './lsp/lspDiagnostics';
import { ServerLog } from './logging/serverLog';
import { registerOfferRequests } from './lsp/offerRequests';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
// Answers about files are reused for two seconds between keystrokes; a watched file's change
// clears them at once (onDidChangeWatchedFiles below).
const service = new OfferLanguageService({ rememberFilesForMs: 2000 });
let workspaceFolders: string[] = [];
let pullDiagnostics = false;

/** What the server does, for the client's output channel (logging/serverLog.ts). */
const log = new ServerLog(connection.console);
/** Wraps a handler: an exception becomes a logged error and the fallback answer (lsp/guard.ts). */
const guard = createGuard(log);
const structureCapabilities = registerStructureFeatures({ connection, documents, service, guard, locate });
const editingCapabilities = registerEditingFeatures({ connection, documents, service, guard, locate, workspaceFolders: () => workspaceFolders, recheckAll: recheckOpenOffers });
registerOfferRequests({ connection, documents, service, guard, locate, workspaceFolders: () => workspaceFolders });

connection.onInitialize((params) => {
  setLocale((params.initializationOptions as { locale?: string } | undefined)?.locale ?? params.locale);
  workspaceFolders = (params.workspaceFolders ?? [])
    .map((folder) => uriToPath(folder.uri))
    .filter((folder): folder is string => folder !== undefined);
  if (workspaceFolders.length === 0 && params.rootUri) {
    const root = uriToPath(params.rootUri);
    if (root) {
      workspaceFolders = [root];
    }
  }
  pullDiagnostics = !!params.capabilities.textDocument?.diagnostic;
  log.started({ locale: messageLanguage(), workspaceFolders, pullDiagnostics, builtinRoles: service.catalog.roles.length });
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      ...structureCapabilities,
      ...editingCapabilities,
      ...(pullDiagnostics
        ? { diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: false, identifier: 'marketplace-offer' } }
        : {}),
    },
  };
});

function uriToPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

/** The offer's file and the workspace folder that confines its paths (its own folder if none). */
function locate(document: TextDocument): OfferLocation | undefined {
  const offerPath = uriToPath(document.uri);
  if (!offerPath) {
    return undefined;
  }
  const folder = workspaceFolders
    .filter((root) => !path.relative(root, offerPath).startsWith('..'))
    .sort((a, b) => b.length - a.length)[0];
  return { offerPath, workspaceRoot: folder ?? path.dirname(offerPath) };
}

function diagnose(document: TextDocument): Diagnostic[] {
  return service.validate(document, locate(document)).map(toLspDiagnostic);
}

// Push mode: immediate on open, debounced while typing.
const pending = new Map<string, NodeJS.Timeout>();
const DEBOUNCE_MS = 200;

const publish = guard('publishDiagnostics', undefined, (document: TextDocument) => {
  if (documents.get(document.uri) !== document) {
    return; // closed or replaced meanwhile
  }
  void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: diagnose(document) });
});

function schedule(document: TextDocument, delay: number) {
  clearTimeout(pending.get(document.uri));
  if (delay === 0) {
    pending.delete(document.uri);
    void publish(document);
    return;
  }
  pending.set(
    document.uri,
    setTimeout(() => {
      pending.delete(document.uri);
      void publish(document);
    }, delay),
  );
}

documents.onDidOpen(({ document }) => {
  log.opened(document.uri, document.version);
  if (!pullDiagnostics) {
    schedule(document, 0);
  }
});
documents.onDidChangeContent(({ document }) => {
  if (!pullDiagnostics) {
    schedule(document, DEBOUNCE_MS);
  }
});
documents.onDidClose(({ document }) => {
  log.closed(document.uri);
  clearTimeout(pending.get(document.uri));
  pending.delete(document.uri);
  service.forget(document.uri);
  if (!pullDiagnostics) {
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  }
});

connection.languages.diagnostics.on(
  guard('diagnostics', { kind: DocumentDiagnosticReportKind.Full, items: [] as Diagnostic[] }, (params) => {
    const document = documents.get(params.textDocument.uri);
    return { kind: DocumentDiagnosticReportKind.Full, items: document ? diagnose(document) : [] };
  }),
);

// Images, CSVs and the baseline are read through a stamp cache: when one changes on disk the
// open offers are checked again (the client watches those files).
connection.onDidChangeWatchedFiles(
  guard('didChangeWatchedFiles', undefined, (params: DidChangeWatchedFilesParams) => {
    log.filesChanged(params.changes, documents.all().length);
    service.filesChanged();
    recheckOpenOffers();
  }),
);

/** Checks every open offer again: a file it names changed, or the role catalog did. */
function recheckOpenOffers(): void {
  if (pullDiagnostics) {
    // A client may refuse the refresh (or be gone): that is logged, never an unhandled rejection.
    // (typed as void, but it returns the request's promise)
    Promise.resolve(connection.languages.diagnostics.refresh() as unknown).catch((error: unknown) =>
      connection.console.warn(`diagnostics refresh refused: ${String(error)}`),
    );
  } else {
    documents.all().forEach((document) => schedule(document, 0));
  }
}

// The last line of defence: a promise that fails outside a guarded handler is logged, and Node
// must not end the server for it (its default for an unhandled rejection).
process.on('unhandledRejection', (reason) => {
  log.error(`unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`);
});

documents.listen(connection);
connection.listen();
