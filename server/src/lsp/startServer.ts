/**
 * The language server on any LSP connection: `server.ts` gives it one over stdio, the tests one
 * over in-memory streams (test/support/inProcessServer.ts). Every handler is guarded (see
 * `guard`): an exception is logged and answered with an empty result, a broken or hostile offer
 * never takes the server down; a cancelled request is answered `RequestCancelled`.
 *
 * A feature area is one `register…` call below, given the `ServerHost` (connection, documents,
 * language service, guard, locate) and returning the capabilities it announces.
 */
import * as path from 'path';
import {
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type InitializeParams,
  type ServerCapabilities,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { pathOfFileUri } from '@core/files/fileUri';
import { workspaceFolderOf } from '@core/files/insideFolder';
import { messageLanguage, setLocale } from '@core/l10n';
import { ServerLog } from '../logging/serverLog';
import { OfferLanguageService, type OfferLocation } from '../languageService';
import type { OfferDiagnostic } from '../rules/diagnostic';
import { createGuard, type Guard } from './guard';
import { registerDiagnostics } from './diagnosticsFeature';
import { registerEditingFeatures } from './editingFeatures';
import { registerStructureFeatures } from './structureFeatures';
import { registerOfferRequests } from './offerRequests';
import { watchClientProcess, type ProcessWatch } from './clientProcessWatch';

export interface ServerOptions {
  /** The language service (tests give one with an in-memory file host). */
  service?: OfferLanguageService;
  /** The client's process id from the command line (`--clientProcessId`); `processId` of initialize also counts. */
  clientProcessId?: number;
  /** How the server ends when its client is gone: `process.exit` in the real server. */
  exit?: (code: number) => void;
  /** Whether a process is alive (tests give a fake one). */
  isProcessAlive?: (pid: number) => boolean;
  /** How often the client process is looked for. */
  clientWatchIntervalMs?: number;
}

/** What every feature area is given to register its handlers. */
export interface ServerHost {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  service: OfferLanguageService;
  guard: Guard;
  /** What the server does, for the client's output channel (logging/serverLog.ts). */
  log: ServerLog;
  /** The offer's file and the workspace folder that confines its paths (undefined for an unsaved offer). */
  readonly locate: (document: TextDocument) => OfferLocation | undefined;
  /** The workspace folders the client opened. */
  workspaceFolders(): readonly string[];
  /** Checks every open offer again: a file it names changed, or the role catalog did. */
  recheckAll(): void;
  /** The diagnostics of this version of an open offer, from its one shared check (diagnosticsFeature.ts). */
  offerDiagnostics(document: TextDocument, token?: CancellationToken): Promise<OfferDiagnostic[]>;
}

export interface RunningServer {
  readonly service: OfferLanguageService;
  /** The server's log (the output channel): what fails outside a handler is logged here too. */
  readonly log: ServerLog;
  /** Stops watching the client process (the connection itself belongs to the caller). */
  dispose(): void;
}

export function startServer(connection: Connection, options: ServerOptions = {}): RunningServer {
  const documents = new TextDocuments(TextDocument);
  // Answers about files are reused for two seconds between keystrokes; a watched file's change
  // clears them at once (see diagnosticsFeature.ts).
  const log = new ServerLog(connection.console);
  const service = options.service ?? new OfferLanguageService({ rememberFilesForMs: 2000, log });
  let workspaceFolders: string[] = [];
  const watches: ProcessWatch[] = [];
  const watchClient = (pid: number | null | undefined) => {
    if (typeof pid === 'number' && pid > 0) {
      watches.push(
        watchClientProcess(pid, {
          exit: options.exit ?? ((code) => process.exit(code)),
          isAlive: options.isProcessAlive,
          intervalMs: options.clientWatchIntervalMs,
          onGone: () => log.error(`The client process ${pid} is gone: the server stops.`),
        }),
      );
    }
  };
  watchClient(options.clientProcessId);

  const host: ServerHost = {
    connection,
    documents,
    service,
    /** Wraps a handler: an exception becomes a logged error and the fallback answer (lsp/guard.ts). */
    guard: createGuard(log),
    log,
    locate: (document) => locate(document, workspaceFolders),
    workspaceFolders: () => workspaceFolders,
    recheckAll: () => diagnostics.recheckAll(),
    offerDiagnostics: (document, token) => diagnostics.offerDiagnostics(document, token),
  };

  // One line per feature area; each returns the capabilities it announces.
  const diagnostics = registerDiagnostics(host);
  const capabilities: ServerCapabilities[] = [registerStructureFeatures(host), registerEditingFeatures(host)];
  registerOfferRequests(host);

  connection.onInitialize((params: InitializeParams) => {
    setLocale((params.initializationOptions as { locale?: string } | undefined)?.locale ?? params.locale);
    workspaceFolders = workspaceFoldersOf(params);
    if (options.clientProcessId === undefined) {
      watchClient(params.processId);
    }
    const pullDiagnostics = !!params.capabilities.textDocument?.diagnostic;
    log.started({ locale: messageLanguage(), workspaceFolders, pullDiagnostics, builtinRoles: service.catalog.roles.length });
    // Each feature area's capabilities, merged.
    const announced = [...capabilities, diagnostics.capabilities(pullDiagnostics)].reduce<ServerCapabilities>(
      (all, area) => ({ ...all, ...area }),
      { textDocumentSync: TextDocumentSyncKind.Incremental },
    );
    return { capabilities: announced };
  });

  documents.listen(connection);
  return {
    service,
    log,
    dispose: () => watches.forEach((watch) => watch.dispose()),
  };
}

function workspaceFoldersOf(params: InitializeParams): string[] {
  const folders = (params.workspaceFolders ?? []).map((folder) => pathOfFileUri(folder.uri)).filter((folder): folder is string => folder !== undefined);
  if (folders.length === 0 && params.rootUri) {
    const root = pathOfFileUri(params.rootUri);
    return root ? [root] : [];
  }
  return folders;
}

/** The offer's file and the workspace folder that confines its paths (its own folder if none). */
function locate(document: TextDocument, workspaceFolders: readonly string[]): OfferLocation | undefined {
  const offerPath = pathOfFileUri(document.uri);
  if (!offerPath) {
    return undefined;
  }
  return { offerPath, workspaceRoot: workspaceFolderOf(offerPath, workspaceFolders) ?? path.dirname(offerPath) };
}
