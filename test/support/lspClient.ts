/**
 * A plain LSP client for tests: speaks JSON-RPC to the server as any editor would, either to
 * `node dist/server.js --stdio` in a child process (requires `npm run build` first, npm test does
 * it) or, with `inProcess`, to `startServer` on a connection over in-memory streams in the test's
 * own process (see inProcessServer.ts): faster, and the server's options can be set.
 */
import { ChildProcess, spawn } from 'child_process';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { createMessageConnection, MessageConnection, MessageReader, MessageWriter, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import type { ServerOptions } from '../../server/src/lsp/startServer';
import { InProcessServer } from './inProcessServer';
import { SERVER_NODE_OPTIONS } from '@core/protocol';

export const SERVER_PATH = path.resolve(__dirname, '..', '..', '..', 'dist', 'server.js');

export interface LspClientOptions {
  rootPath: string;
  /** Ask for pull diagnostics (textDocument/diagnostic) instead of push. */
  pullDiagnostics?: boolean;
  locale?: string;
  initializationOptions?: Record<string, unknown>;
  /** Told of every diagnostics notification, as an editor's client would be. */
  onPublishDiagnostics?: (params: PublishDiagnosticsParams) => void;
  /** Run the server in this process (startServer over in-memory streams) instead of `dist/server.js`. */
  inProcess?: boolean;
  /** Options of the in-process server. */
  serverOptions?: ServerOptions;
  /** The `processId` sent in initialize (default: this process; null for none). */
  processId?: number | null;
  /** Arguments after `--stdio` for the spawned server. */
  serverArguments?: string[];
  /** Another server to spawn instead of `dist/server.js` (the benchmark's reference JSON server). */
  serverModule?: string;
  /** Node's own options for the spawned server (default: those the extension starts it with). */
  nodeArguments?: readonly string[];
}

/** The two ways to reach a server. */
interface Transport {
  reader: MessageReader;
  writer: MessageWriter;
  isAlive(): boolean;
  readonly pid: number | undefined;
  /** Settles with the exit code when the server ends. */
  readonly exited: Promise<number | null>;
  stop(): void;
}

function spawnedServer(options: LspClientOptions, stderr: string[]): Transport & { child: ChildProcess } {
  const args = [...(options.nodeArguments ?? SERVER_NODE_OPTIONS), options.serverModule ?? SERVER_PATH, '--stdio', ...(options.serverArguments ?? [])];
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  child.stderr.on('data', (chunk) => stderr.push(String(chunk)));
  // An answer to a late request of the server may be written after it has exited: not an error.
  child.stdin.on('error', () => undefined);
  return {
    child,
    reader: new StreamMessageReader(child.stdout),
    writer: new StreamMessageWriter(child.stdin),
    isAlive: () => child.exitCode === null && child.signalCode === null && !child.killed,
    pid: child.pid,
    exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))),
    stop: () => child.kill(),
  };
}

function inProcessServer(options: LspClientOptions): Transport & { server: InProcessServer } {
  const server = new InProcessServer(options.serverOptions);
  return {
    server,
    reader: server.clientReader,
    writer: server.clientWriter,
    isAlive: () => server.exitCode === undefined,
    pid: undefined,
    exited: server.exited,
    stop: () => server.dispose(),
  };
}

export class LspTestClient {
  readonly connection: MessageConnection;
  private readonly transport: Transport;
  /** The in-process server (undefined when the server was spawned). */
  readonly server: InProcessServer | undefined;
  readonly stderr: string[] = [];
  readonly logs: string[] = [];
  private readonly published = new Map<string, PublishDiagnosticsParams>();
  private readonly waiters: { uri: string; resolve: (d: Diagnostic[]) => void; minVersion?: number }[] = [];
  private versions = new Map<string, number>();

  private constructor(readonly options: LspClientOptions) {
    const transport = options.inProcess ? inProcessServer(options) : spawnedServer(options, this.stderr);
    this.transport = transport;
    this.server = 'server' in transport ? transport.server : undefined;
    this.connection = createMessageConnection(transport.reader, transport.writer);
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.set(params.uri, params);
      this.options.onPublishDiagnostics?.(params);
      for (const waiter of [...this.waiters]) {
        if (waiter.uri === params.uri && (waiter.minVersion === undefined || (params.version ?? 0) >= waiter.minVersion)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(params.diagnostics);
        }
      }
    });
    this.connection.onNotification('window/logMessage', (params: { message: string }) => this.logs.push(params.message));
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/diagnostic/refresh', () => null);
    this.connection.onRequest('workspace/inlayHint/refresh', () => null);
    this.connection.listen();
  }

  static async start(options: LspClientOptions): Promise<LspTestClient> {
    const client = new LspTestClient(options);
    const rootUri = pathToFileURL(options.rootPath).toString();
    await client.connection.sendRequest('initialize', {
      processId: options.processId === undefined ? process.pid : options.processId,
      rootUri,
      locale: options.locale,
      workspaceFolders: [{ uri: rootUri, name: 'test' }],
      initializationOptions: { locale: options.locale, ...options.initializationOptions },
      capabilities: {
        textDocument: {
          ...(options.pullDiagnostics ? { diagnostic: { dynamicRegistration: false } } : {}),
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          codeAction: {
            codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
            isPreferredSupport: true,
          },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          inlayHint: {},
        },
        workspace: { workspaceFolders: true, configuration: true, didChangeWatchedFiles: { dynamicRegistration: false } },
      },
    });
    await client.connection.sendNotification('initialized', {});
    return client;
  }

  uriOf(filePath: string): string {
    return pathToFileURL(filePath).toString();
  }

  /** Opens a document and resolves with its first published diagnostics (push mode). */
  open(filePath: string, text: string, languageId = 'marketplace-offer'): Promise<Diagnostic[]> {
    const uri = this.uriOf(filePath);
    this.versions.set(uri, 1);
    const diagnostics = this.options.pullDiagnostics ? Promise.resolve([]) : this.nextDiagnostics(uri, 1);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return diagnostics;
  }

  /** Replaces the whole text and resolves with the diagnostics of that version (push mode). */
  change(filePath: string, text: string): Promise<Diagnostic[]> {
    const uri = this.uriOf(filePath);
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    const diagnostics = this.options.pullDiagnostics ? Promise.resolve([]) : this.nextDiagnostics(uri, version);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return diagnostics;
  }

  close(filePath: string): void {
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri: this.uriOf(filePath) } });
  }

  nextDiagnostics(uri: string, minVersion?: number, timeoutMs = 10000): Promise<Diagnostic[]> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        uri,
        minVersion,
        resolve: (diagnostics) => {
          clearTimeout(timer);
          resolve(diagnostics);
        },
      });
    });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest<R>(method, params);
  }

  isAlive(): boolean {
    return this.transport.isAlive();
  }

  /** Settles with the server's exit code when it ends by itself. */
  get exited(): Promise<number | null> {
    return this.transport.exited;
  }

  /** The server's process id (the benchmark reads its peak memory from /proc); undefined in-process. */
  get pid(): number | undefined {
    return this.transport.pid;
  }

  async stop(): Promise<void> {
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());
    if (this.isAlive()) {
      try {
        await Promise.race([this.connection.sendRequest('shutdown'), pause(2000)]);
        // The server ends on `exit`: its pipe may close before the notification is written.
        await this.connection.sendNotification('exit').catch(() => undefined);
        await Promise.race([this.exited, pause(1000)]);
      } catch {
        // already gone
      }
    }
    this.connection.dispose();
    this.transport.stop();
  }
}
