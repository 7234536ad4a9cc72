/**
 * A small stand-in for the `vscode` module, enough to run the extension's activation and its
 * views' wiring under mocha, with the real language server behind its language client
 * (`serverBackedClient.ts`). It records what the extension asked of the editor (messages, opened
 * links, edits) and answers prompts from a queue the test fills. The real editor is exercised by
 * the real-editor suite; this catches wiring mistakes early.
 */
import * as path from 'path';
import Module from 'module';
import { TextDocument as LspTextDocument } from 'vscode-languageserver-textdocument';
import { serverBackedClientModule } from './serverBackedClient';

type Listener<T> = (value: T) => unknown;

export class EventEmitter<T> {
  private listeners: Listener<T>[] = [];
  event = (listener: Listener<T>) => {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
  };
  fire(value: T): void {
    [...this.listeners].forEach((listener) => listener(value));
  }
  dispose(): void {
    this.listeners = [];
  }
}

export class Uri {
  private constructor(
    readonly scheme: string,
    readonly path: string,
    private readonly raw?: string,
  ) {}
  static file(fsPath: string): Uri {
    return new Uri('file', path.resolve(fsPath));
  }
  static parse(text: string): Uri {
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1] ?? 'file';
    return new Uri(scheme, text.slice(scheme.length + 1), text);
  }
  static joinPath(base: Uri, ...segments: string[]): Uri {
    return new Uri(base.scheme, path.posix.join(base.path, ...segments));
  }
  get fsPath(): string {
    return this.path;
  }
  toString(): string {
    return this.raw ?? `${this.scheme}://${this.path}`;
  }
}

export class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
}

export class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(a: Position | number, b: Position | number, c?: number, d?: number) {
    this.start = typeof a === 'number' ? new Position(a, b as number) : a;
    this.end = typeof a === 'number' ? new Position(c!, d!) : (b as Position);
  }
}

export class Selection extends Range {}

export class ThemeColor {
  constructor(readonly id: string) {}
}

export class ThemeIcon {
  constructor(
    readonly id: string,
    readonly color?: ThemeColor,
  ) {}
}

export class TreeItem {
  id?: string;
  description?: string;
  tooltip?: unknown;
  contextValue?: string;
  iconPath?: ThemeIcon;
  command?: { command: string; title: string; arguments?: unknown[] };
  constructor(
    readonly label: string,
    readonly collapsibleState: number,
  ) {}
}

export class MarkdownString {
  value = '';
  constructor(value = '') {
    this.value = value;
  }
  appendText(text: string): this {
    this.value += text;
    return this;
  }
  appendMarkdown(text: string): this {
    this.value += text;
    return this;
  }
}

export class WorkspaceEdit {
  readonly edits: { uri: Uri; range: Range; text: string }[] = [];
  replace(uri: Uri, range: Range, text: string): void {
    this.edits.push({ uri, range, text });
  }
}

/** An editor document over an LSP TextDocument (for offsets and positions). */
export class FakeTextDocument {
  private document: LspTextDocument;
  isClosed = false;
  isDirty = false;
  constructor(
    readonly uri: Uri,
    text: string,
    readonly languageId = 'marketplace-offer',
  ) {
    this.document = LspTextDocument.create(uri.toString(), languageId, 1, text);
  }
  get version(): number {
    return this.document.version;
  }
  getText(): string {
    return this.document.getText();
  }
  positionAt(offset: number): Position {
    const position = this.document.positionAt(offset);
    return new Position(position.line, position.character);
  }
  offsetAt(position: Position): number {
    return this.document.offsetAt(position);
  }
  /** Applies edits (all computed on the current text), as the editor would, and bumps the version. */
  apply(edits: { range: Range; text: string }[]): void {
    this.document = LspTextDocument.update(
      this.document,
      edits.map((edit) => ({ range: edit.range, text: edit.text })),
      this.document.version + 1,
    );
  }
}

export interface FakeWebviewPanel {
  title: string;
  webview: {
    html: string;
    options: { localResourceRoots?: Uri[]; enableScripts?: boolean; enableCommandUris?: boolean };
    cspSource: string;
    asWebviewUri(uri: Uri): Uri;
    onDidReceiveMessage: EventEmitter<unknown>['event'];
    postMessage(message: unknown): Promise<boolean>;
  };
  /** Whether the panel's tab is the one shown in its group. */
  visible: boolean;
  /** Sends a message as the webview's script would. */
  post(message: unknown): void;
  /** The messages the extension sent to the webview's script. */
  posted: unknown[];
  /** Shows or hides the panel, as a user switching tabs would. */
  setVisible(visible: boolean): void;
}

/** Everything the fake editor recorded, and the answers the test queues for prompts. */
export class FakeEditor {
  readonly commands = new Map<string, (...args: unknown[]) => unknown>();
  readonly executed: { command: string; args: unknown[] }[] = [];
  readonly messages: { level: string; text: string; detail?: string }[] = [];
  readonly openedExternally: string[] = [];
  /** What the extension wrote to the clipboard, in order. */
  readonly clipboard: string[] = [];
  readonly answers: unknown[] = [];
  readonly documents: FakeTextDocument[] = [];
  readonly diagnostics = new Map<string, unknown[]>();
  readonly panels: FakeWebviewPanel[] = [];
  readonly statusItems: { text: string; command?: string; visible: boolean; tooltip?: unknown }[] = [];
  readonly treeViews: FakeTreeView[] = [];
  /** The language clients the extension made (each runs a real server until stopped). */
  readonly clients: { stop(): Promise<void> }[] = [];
  /** The requests the extension sent to the server, in order. */
  readonly requests: { method: string; params: unknown }[] = [];
  /** Offer files of the workspace that no editor has open (VS Code's file search finds them). */
  readonly workspaceFiles: Uri[] = [];
  /** Whether a tree view starts visible (a view the user collapsed, or another sidebar, is not). */
  treeViewsVisible = true;
  readonly written = new Map<string, string>();
  readonly contexts = new Map<string, unknown>();
  readonly onDidChangeActiveTextEditor = new EventEmitter<unknown>();
  readonly onDidChangeTextDocument = new EventEmitter<{ document: FakeTextDocument }>();
  readonly onDidChangeDiagnostics = new EventEmitter<{ uris: Uri[] }>();
  readonly onDidOpenTextDocument = new EventEmitter<FakeTextDocument>();
  readonly onDidCloseTextDocument = new EventEmitter<FakeTextDocument>();
  activeDocument: FakeTextDocument | undefined;
  workspaceRoot = path.resolve('/ws');
  files = new Map<string, Uint8Array>();

  open(fsPath: string, text: string, languageId = 'marketplace-offer'): FakeTextDocument {
    const document = new FakeTextDocument(Uri.file(fsPath), text, languageId);
    this.documents.push(document);
    this.onDidOpenTextDocument.fire(document);
    return document;
  }

  close(document: FakeTextDocument): void {
    document.isClosed = true;
    this.onDidCloseTextDocument.fire(document);
  }

  /** The editor's document of a URI (as the language client names it), if open. */
  documentOf(uri: string): FakeTextDocument | undefined {
    return this.documents.find((document) => !document.isClosed && document.uri.toString() === uri);
  }

  /** Stops every language server the extension started. */
  async stopClients(): Promise<void> {
    await Promise.all(this.clients.map((client) => client.stop()));
  }

  /**
   * Ends what an activation started, as VS Code does when the extension is deactivated: its
   * subscriptions (timers, watchers, views) and its language servers. Every test that activates the
   * extension calls it, so no debounce timer of one test fires in the next and no server outlives
   * the run.
   */
  async deactivate(context: { subscriptions: { dispose(): unknown }[] }): Promise<void> {
    context.subscriptions.splice(0).forEach((subscription) => subscription.dispose());
    await this.stopClients();
  }

  showEditor(document: FakeTextDocument | undefined): void {
    this.activeDocument = document;
    this.onDidChangeActiveTextEditor.fire(document ? { document } : undefined);
  }

  private answer(): unknown {
    return this.answers.shift();
  }

  /** The `vscode` module as the extension sees it (its arrow functions answer for this editor). */
  module(): Record<string, unknown> {
    const message = (level: string) => promising((text: string, ...rest: unknown[]) => {
      const options = rest[0] && typeof rest[0] === 'object' ? (rest[0] as { detail?: string }) : undefined;
      this.messages.push({ level, text, detail: options?.detail });
      return level === 'info-nonmodal' ? undefined : this.answer();
    });
    // What the getters below answer, read from this editor when asked.
    const activeEditor = () => (this.activeDocument ? { document: this.activeDocument } : undefined);
    const openDocuments = () => this.documents.filter((document) => !document.isClosed);
    return {
      EventEmitter,
      Uri,
      Position,
      Range,
      Selection,
      ThemeColor,
      ThemeIcon,
      TreeItem,
      MarkdownString,
      WorkspaceEdit,
      TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
      StatusBarAlignment: { Left: 1, Right: 2 },
      ViewColumn: { Beside: -2 },
      QuickPickItemKind: { Separator: -1, Default: 0 },
      ProgressLocation: { Notification: 15 },
      DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
      TextEditorRevealType: { InCenterIfOutsideViewport: 2 },
      l10n: { t: (text: string, ...args: unknown[]) => text.replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)])) },
      env: {
        language: 'en',
        clipboard: {
          writeText: promising((value: string) => {
            this.clipboard.push(value);
          }),
        },
        openExternal: promising((uri: Uri) => {
          this.openedExternally.push(uri.toString());
          return true;
        }),
      },
      commands: {
        registerCommand: (id: string, handler: (...args: unknown[]) => unknown) => {
          this.commands.set(id, handler);
          return { dispose: () => this.commands.delete(id) };
        },
        executeCommand: promising((command: string, ...args: unknown[]) => {
          if (command === 'setContext') {
            this.contexts.set(args[0] as string, args[1]);
          }
          this.executed.push({ command, args });
          return this.commands.get(command)?.(...args);
        }),
      },
      languages: {
        onDidChangeDiagnostics: this.onDidChangeDiagnostics.event,
        getDiagnostics: (uri: Uri) => this.diagnostics.get(uri.toString()) ?? [],
      },
      window: {
        get activeTextEditor() {
          return activeEditor();
        },
        onDidChangeActiveTextEditor: this.onDidChangeActiveTextEditor.event,
        showInformationMessage: message('info'),
        showWarningMessage: message('warning'),
        showErrorMessage: message('error'),
        showInputBox: async (options: { validateInput?: (value: string) => string | undefined | Promise<string | undefined> }) => {
          const value = this.answer() as string | undefined;
          const problem = value === undefined ? undefined : await options.validateInput?.(value);
          if (problem) {
            throw new Error(`the test typed an invalid value: ${value}: ${problem}`);
          }
          return value;
        },
        showQuickPick: promising((items: { label: string }[]) => {
          const wanted = this.answer();
          if (Array.isArray(wanted)) {
            return items.filter((item) => wanted.includes(item.label));
          }
          return items.find((item) => item.label === wanted);
        }),
        showTextDocument: promising((document: FakeTextDocument) => {
          this.activeDocument = document;
          return { selection: undefined, revealRange: () => undefined };
        }),
        createTreeView: (id: string, options: { treeDataProvider: unknown }) => {
          const view = new FakeTreeView(id, options.treeDataProvider, this.treeViewsVisible);
          this.treeViews.push(view);
          return view;
        },
        createStatusBarItem: () => {
          const item = { text: '', visible: false, command: undefined, tooltip: undefined, name: '', show() { item.visible = true; }, hide() { item.visible = false; }, dispose() {} };
          this.statusItems.push(item);
          return item;
        },
        createOutputChannel: () => ({ appendLine: () => undefined, show: () => undefined, dispose: () => undefined }),
        createWebviewPanel: (_type: string, title: string, _column: unknown, options: FakeWebviewPanel['webview']['options']) => {
          const received = new EventEmitter<unknown>();
          const disposed = new EventEmitter<void>();
          const viewState = new EventEmitter<unknown>();
          const posted: unknown[] = [];
          const panel = {
            title,
            iconPath: undefined,
            visible: true,
            posted,
            onDidChangeViewState: viewState.event,
            setVisible(visible: boolean) {
              panel.visible = visible;
              viewState.fire({ webviewPanel: panel });
            },
            webview: {
              html: '',
              options,
              cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
              asWebviewUri: (uri: Uri) => Uri.parse(`https://file+.vscode-resource.vscode-cdn.net${uri.path}`),
              onDidReceiveMessage: received.event,
              postMessage: promising((message: unknown) => {
                posted.push(message);
                return true;
              }),
            },
            onDidDispose: disposed.event,
            reveal: () => undefined,
            dispose: () => disposed.fire(),
            post: (value: unknown) => received.fire(value),
          };
          this.panels.push(panel);
          return panel;
        },
        withProgress: async (_options: unknown, task: (progress: unknown, token: unknown) => Promise<unknown>) =>
          task({ report: () => undefined }, { isCancellationRequested: false, onCancellationRequested: () => ({ dispose() {} }) }),
        showOpenDialog: promising(() => this.answer()),
      },
      workspace: {
        get textDocuments() {
          return openDocuments();
        },
        isTrusted: true,
        onDidChangeTextDocument: this.onDidChangeTextDocument.event,
        onDidOpenTextDocument: this.onDidOpenTextDocument.event,
        onDidCloseTextDocument: this.onDidCloseTextDocument.event,
        onDidChangeConfiguration: () => ({ dispose() {} }),
        workspaceFolders: undefined,
        createFileSystemWatcher: () => ({ onDidCreate: () => ({ dispose() {} }), onDidDelete: () => ({ dispose() {} }), onDidChange: () => ({ dispose() {} }), dispose() {} }),
        findFiles: promising(() => [...this.documents.filter((d) => d.uri.scheme === 'file').map((d) => d.uri), ...this.workspaceFiles]),
        getConfiguration: () => ({ get: (_key: string, fallback: unknown) => fallback }),
        getWorkspaceFolder: () => ({ uri: Uri.file(this.workspaceRoot) }),
        asRelativePath: (uri: Uri) => path.relative(this.workspaceRoot, uri.fsPath),
        openTextDocument: promising((uri: Uri) => {
          const document = this.documents.find((d) => d.uri.toString() === uri.toString());
          if (!document) {
            throw new Error(`not open in the fake editor: ${uri.toString()}`);
          }
          return document;
        }),
        applyEdit: promising((edit: WorkspaceEdit) => {
          const byDocument = new Map<FakeTextDocument, { range: Range; text: string }[]>();
          for (const change of edit.edits) {
            const document = this.documents.find((d) => d.uri.toString() === change.uri.toString())!;
            byDocument.set(document, [...(byDocument.get(document) ?? []), change]);
          }
          for (const [document, changes] of byDocument) {
            document.apply(changes);
            this.onDidChangeTextDocument.fire({ document });
          }
          return true;
        }),
        fs: {
          stat: promising((uri: Uri) => {
            if (this.files.has(uri.fsPath) || this.written.has(uri.fsPath)) {
              return { size: 1 };
            }
            throw new Error('not found');
          }),
          readFile: promising((uri: Uri) => this.files.get(uri.fsPath) ?? new Uint8Array()),
          writeFile: promising((uri: Uri, bytes: Uint8Array) => {
            this.written.set(uri.fsPath, Buffer.from(bytes).toString('utf8'));
          }),
        },
      },
    };
  }
}

/** A tree view whose visibility the test sets, as a user showing or hiding the view would. */
export class FakeTreeView {
  private readonly visibility = new EventEmitter<{ visible: boolean }>();
  readonly onDidChangeVisibility = this.visibility.event;
  constructor(
    readonly id: string,
    readonly provider: unknown,
    public visible: boolean,
  ) {}
  setVisible(visible: boolean): void {
    this.visible = visible;
    this.visibility.fire({ visible });
  }
  dispose(): void {}
}

/**
 * Loads a module of the client with `vscode` (and the language client) replaced by the fakes.
 * Modules are loaded fresh each time, so each test gets its own extension state.
 */
export function loadWithFakeEditor<T>(modulePath: string, editor: FakeEditor): T {
  const fakeVscode = editor.module();
  const fakeClient = serverBackedClientModule(editor);
  const moduleApi = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const originalLoad = moduleApi._load;
  const clientDir = path.resolve(__dirname, '..', '..', '..', 'client');
  for (const key of Object.keys(require.cache)) {
    if (key.startsWith(clientDir)) {
      delete require.cache[key];
    }
  }
  moduleApi._load = function (request: string, ...rest: unknown[]) {
    if (request === 'vscode') {
      return fakeVscode;
    }
    if (request === 'vscode-languageclient/node') {
      return fakeClient;
    }
    return originalLoad.call(this, request, ...rest);
  };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the module must go through Node's CommonJS loader, whose 'vscode' is answered by the fake above; an import would not
    return require(modulePath) as T;
  } finally {
    moduleApi._load = originalLoad;
  }
}

/**
 * A fake of an API that answers with a promise, as VS Code's do: `answer`'s result, or what it
 * throws, as a settled promise (what an async function without an await would give).
 */
function promising<A extends unknown[], R>(answer: (...args: A) => R): (...args: A) => Promise<Awaited<R>> {
  return (...args) => {
    try {
      return Promise.resolve(answer(...args));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };
}
