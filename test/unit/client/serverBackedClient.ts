/**
 * `vscode-languageclient/node` for the fake editor: a LanguageClient that runs the real language
 * server (`dist/server.js --stdio`, through the tests' LSP client), keeps the server's copy of the
 * editor's offer documents in step (open, change, close, as VS Code's client does), forwards the
 * extension's requests, and turns published diagnostics into the editor's diagnostics. So the
 * extension's wiring tests see what the server really answers.
 */
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../../support/lspClient';
import type { FakeEditor, FakeTextDocument } from './fakeVscode';
import { EventEmitter, Uri } from './fakeVscode';

const OFFER_LANGUAGE_ID = 'marketplace-offer';
const State = { Stopped: 1, Running: 2, Starting: 3 } as const;

export function serverBackedClientModule(editor: FakeEditor): Record<string, unknown> {
  class LanguageClient {
    state: number = State.Stopped;
    readonly log: string[] = [];
    readonly outputChannel = { show: () => undefined, appendLine: (line: string) => this.log.push(line) };
    private readonly stateChanged = new EventEmitter<{ oldState: number; newState: number }>();
    readonly onDidChangeState = this.stateChanged.event;
    private lsp: LspTestClient | undefined;
    private starting: Promise<void> | undefined;
    private readonly subscriptions: { dispose(): void }[] = [];

    constructor(
      readonly id: string,
      readonly name: string,
      readonly serverOptions: unknown,
      readonly clientOptions: unknown,
    ) {
      editor.clients.push(this);
    }

    start(): Promise<void> {
      this.starting ??= this.connect();
      return this.starting;
    }

    private async connect(): Promise<void> {
      this.setState(State.Starting);
      const lsp = await LspTestClient.start({ rootPath: editor.workspaceRoot, onPublishDiagnostics: (params) => this.published(params) });
      this.lsp = lsp;
      const synced = (document: FakeTextDocument) => document.languageId === OFFER_LANGUAGE_ID && !document.isClosed;
      const open = (document: FakeTextDocument) =>
        void lsp.connection.sendNotification('textDocument/didOpen', {
          textDocument: { uri: document.uri.toString(), languageId: document.languageId, version: document.version, text: document.getText() },
        });
      editor.documents.filter(synced).forEach(open);
      this.subscriptions.push(
        editor.onDidOpenTextDocument.event((document) => synced(document) && open(document)),
        editor.onDidChangeTextDocument.event(({ document }) => {
          if (synced(document)) {
            void lsp.connection.sendNotification('textDocument/didChange', {
              textDocument: { uri: document.uri.toString(), version: document.version },
              contentChanges: [{ text: document.getText() }],
            });
          }
        }),
        editor.onDidCloseTextDocument.event((document) => {
          if (document.languageId === OFFER_LANGUAGE_ID) {
            void lsp.connection.sendNotification('textDocument/didClose', { textDocument: { uri: document.uri.toString() } });
          }
        }),
      );
      this.setState(State.Running);
    }

    /** The server's diagnostics as VS Code holds them (severity 0 error … 3 hint). */
    private published(params: PublishDiagnosticsParams): void {
      const uri = editor.documentOf(params.uri)?.uri ?? Uri.parse(params.uri);
      editor.diagnostics.set(
        params.uri,
        params.diagnostics.map((diagnostic) => ({
          severity: (diagnostic.severity ?? 1) - 1,
          message: diagnostic.message,
          source: diagnostic.source,
          code: diagnostic.code,
          range: diagnostic.range,
          data: diagnostic.data,
        })),
      );
      editor.onDidChangeDiagnostics.fire({ uris: [uri] });
    }

    async sendRequest(method: string, params: unknown): Promise<unknown> {
      if (this.state === State.Stopped && !this.starting) {
        throw new Error('Client is not running');
      }
      editor.requests.push({ method, params });
      await this.start();
      return this.lsp!.request(method, params);
    }

    async stop(): Promise<void> {
      await this.starting?.catch(() => undefined);
      this.subscriptions.forEach((subscription) => subscription.dispose());
      this.subscriptions.length = 0;
      const lsp = this.lsp;
      this.lsp = undefined;
      await lsp?.stop();
      this.setState(State.Stopped);
    }

    private setState(newState: number): void {
      const oldState = this.state;
      this.state = newState;
      this.stateChanged.fire({ oldState, newState });
    }
  }
  return {
    LanguageClient,
    State,
    TransportKind: { ipc: 1 },
    CloseAction: { DoNotRestart: 1, Restart: 2 },
    ErrorAction: { Continue: 1, Shutdown: 2 },
  };
}
