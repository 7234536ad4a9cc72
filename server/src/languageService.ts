/**
 * The offer language service: pure functions from a document (and the files beside it) to
 * diagnostics, completions, hovers… It knows nothing of the LSP connection, so the server, the
 * command-line checker and the tests all call it the same way.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { RoleCatalog } from '@core/catalog/roleCatalog';
import { OfferDocument } from '@core/model/offerDocument';
import type { OfferDiagnostic } from './rules/diagnostic';
import { FileHost, nodeFileHost } from './workspace/fileHost';
import { FileCache, OfferFiles } from './workspace/offerFiles';
import { RememberingFileHost } from './workspace/rememberingFileHost';
import { keptAcrossChecks, validationSteps } from './validation/validateOffer';
import { BoundedCache } from '@core/model/caching';
import { runToEnd, runYielding, type Steps, type YieldOptions } from './validation/steps';
import { codeActionsWithSecretsHidden, hoverWithSecretsHidden } from './secretsHidden';
import type { CodeAction, DocumentSymbol, FoldingRange, Position, Range, SelectionRange, TextEdit } from 'vscode-languageserver-types';
import { codeActionSteps, CodeActionRequest, type CodeActionServices } from './features/codeActions';
import { documentSymbols } from './features/documentSymbols';
import { foldingRanges } from './features/folding';
import { formatOffer, OfferFormattingOptions } from './features/formatting';
import { selectionRanges } from './features/selectionRanges';
import type { CompletionItem, CompletionList, Hover, InlayHint } from 'vscode-languageserver-types';
import { completions, resolveCompletion } from './features/completion';
import type { FeatureServices } from './features/featureServices';
import { hover } from './features/hover';
import { inlayHints } from './features/inlayHints';
import { DirectoryReader, nodeDirectoryReader, WorkspaceFileIndex } from './features/workspaceFiles';
import { handoffSheet, HandoffSheet } from './features/handoff';

export interface LanguageServiceOptions {
  catalog?: RoleCatalog;
  fileHost?: FileHost;
  /** Lists workspace folders for path completions (tests give an in-memory one). */
  directoryReader?: DirectoryReader;
  /**
   * Reuse answers about files (exists, stamp, links) for this long; call `filesChanged()` when
   * a file changes. The server does, from the editor's file watching; without it every check
   * asks the disk. With it, the diagnostics of a version are also kept until the next version,
   * a file change or another role catalog: the Problems panel, the plans tree, the preview and
   * the status bar all ask for them, and they are computed once.
   */
  rememberFilesForMs?: number;
  /** Where failures inside the service are logged (a quick fix that throws); the server gives its log. */
  log?: ServiceLog;
}

/** A log of failures the service survives (the server's `ServerLog` is one). */
export interface ServiceLog {
  error(message: string): void;
}

/** Without a log: standard error, which the checker's user and a test's runner see. */
const standardErrorLog: ServiceLog = { error: (message) => console.error(message) };

/** Where an offer lives on disk: without it (an unsaved offer), file checks are skipped. */
export interface OfferLocation {
  /** Absolute path of the offer file. */
  offerPath: string;
  /** The workspace folder that holds it: no path of the offer may lead outside it. */
  workspaceRoot: string;
}

export class OfferLanguageService {
  catalog: RoleCatalog;
  readonly fileHost: FileHost;
  readonly fileCache = new FileCache();
  private readonly parsed = new Map<string, OfferDocument>();
  /** The diagnostics of the last version checked, per URI, with what they were computed from. */
  private readonly checked = new Map<string, CheckedVersion>();
  private readonly rememberingHost: RememberingFileHost | undefined;
  /** The workspace's files for path completions (bounded walk, reused for a few seconds). */
  readonly workspaceFiles: WorkspaceFileIndex;
  /** What this service keeps from one check to the next, and no other service sees (core/src/model/caching.ts). */
  private readonly kept = keptAcrossChecks();
  /**
   * Parsed baselines by their text. The file cache hands back the same text while the baseline's
   * stamp is unchanged, so a keystroke in the offer reuses the parsed baseline instead of parsing
   * it again (on a large offer that parse cost as much as the offer's own). A few are kept, for a
   * few open offers; the oldest goes first.
   */
  private readonly baselines = new BoundedCache<string, OfferDocument | undefined>(PARSED_BASELINES_KEPT);
  readonly log: ServiceLog;

  constructor(options: LanguageServiceOptions = {}) {
    this.catalog = options.catalog ?? RoleCatalog.builtin();
    const fileHost = options.fileHost ?? nodeFileHost;
    this.rememberingHost = options.rememberFilesForMs ? new RememberingFileHost(fileHost, options.rememberFilesForMs) : undefined;
    this.fileHost = this.rememberingHost ?? fileHost;
    this.workspaceFiles = new WorkspaceFileIndex(options.directoryReader ?? nodeDirectoryReader);
    this.log = options.log ?? standardErrorLog;
  }

  /** The parsed document, parsed once per version of each URI. */
  parse(textDocument: TextDocument): OfferDocument {
    const cached = this.parsed.get(textDocument.uri);
    if (cached && cached.version === textDocument.version && cached.getText() === textDocument.getText()) {
      return cached;
    }
    // The previous version is handed over: a keystroke then re-parses only the value it changed.
    const document = new OfferDocument(textDocument, cached);
    this.parsed.set(textDocument.uri, document);
    return document;
  }

  /** A file beside the offers changed on disk: what was remembered of files is asked again. */
  filesChanged(): void {
    this.rememberingHost?.forget();
    this.checked.clear();
  }

  /** Forgets a closed document. */
  forget(uri: string): void {
    this.parsed.delete(uri);
    this.checked.delete(uri);
  }

  filesFor(location: OfferLocation | undefined): OfferFiles | undefined {
    return location && new OfferFiles(location.offerPath, location.workspaceRoot, this.fileHost, this.fileCache);
  }

  /**
   * Every problem of the document, secrets hidden (validateOffer.ts). When files are remembered
   * (see `rememberFilesForMs`), asking again for the same version, location and catalog gives back
   * the same array, unchecked: it is shared, so callers must not change it.
   */
  validate(textDocument: TextDocument, location?: OfferLocation): OfferDiagnostic[] {
    const document = this.parse(textDocument);
    return this.keptCheck(textDocument.uri, document, location) ?? this.keepCheck(textDocument.uri, document, location, runToEnd(this.checkSteps(document, this.filesFor(location))));
  }

  /**
   * `validate` for the server: it gives the event loop a turn between steps and throws
   * `WorkAbandoned` when `options.token` is cancelled or the document changed or was closed
   * meanwhile (this version's answer would be stale, and its tree may have moved on).
   */
  async validateYielding(textDocument: TextDocument, location: OfferLocation | undefined, options: YieldOptions = {}): Promise<OfferDiagnostic[]> {
    const document = this.parse(textDocument);
    const kept = this.keptCheck(textDocument.uri, document, location);
    if (kept) {
      return kept;
    }
    const found = await runYielding(this.checkSteps(document, this.filesFor(location)), this.yieldingOn(textDocument, document, options));
    return this.keepCheck(textDocument.uri, document, location, found);
  }

  /** The diagnostics kept for exactly this version, location and catalog (the one place they are kept). */
  private keptCheck(uri: string, document: OfferDocument, location: OfferLocation | undefined): OfferDiagnostic[] | undefined {
    const kept = this.checked.get(uri);
    return kept && kept.document === document && kept.catalog === this.catalog && kept.where === whereOf(location) ? kept.diagnostics : undefined;
  }

  private keepCheck(uri: string, document: OfferDocument, location: OfferLocation | undefined, diagnostics: OfferDiagnostic[]): OfferDiagnostic[] {
    if (this.rememberingHost) {
      this.checked.set(uri, { document, catalog: this.catalog, where: whereOf(location), diagnostics });
    }
    return diagnostics;
  }

  private checkSteps(document: OfferDocument, files: OfferFiles | undefined, baseline = this.readBaseline(files)): Steps<OfferDiagnostic[]> {
    return validationSteps({ document, catalog: this.catalog, files, baseline, kept: this.kept });
  }

  /** The offer's published baseline, parsed once per text; undefined when there is none or it is no object. */
  private readBaseline(files: OfferFiles | undefined): OfferDocument | undefined {
    const text = files?.baselineText();
    if (text === undefined) {
      return undefined;
    }
    return this.baselines.get(text, () => {
      const baseline = OfferDocument.fromText(text, 'baseline:offer.published.json');
      return baseline.root?.type === 'object' ? baseline : undefined;
    });
  }

  /** Quick fixes for the request's diagnostics and, when asked, "Fix all auto-fixable problems". */
  codeActions(textDocument: TextDocument, request: CodeActionRequest, location?: OfferLocation): CodeAction[] {
    return codeActionsWithSecretsHidden(runToEnd(codeActionSteps(this.parse(textDocument), request, this.codeActionServices(location))));
  }

  /** `codeActions` for the server, yielding and abandoned like `validateYielding`. */
  async codeActionsYielding(textDocument: TextDocument, request: CodeActionRequest, location: OfferLocation | undefined, options: YieldOptions = {}): Promise<CodeAction[]> {
    const document = this.parse(textDocument);
    return codeActionsWithSecretsHidden(
      await runYielding(codeActionSteps(document, request, this.codeActionServices(location)), this.yieldingOn(textDocument, document, options)),
    );
  }

  private codeActionServices(location: OfferLocation | undefined): CodeActionServices {
    const files = this.filesFor(location);
    let baseline: OfferDocument | undefined | null = null; // read once, and only if fix-all checks again
    const baselineOnce = () => (baseline === null ? (baseline = this.readBaseline(files)) : baseline);
    return {
      catalog: this.catalog,
      validationSteps: (document) => this.checkSteps(document, files, baselineOnce()),
      log: this.log,
    };
  }

  /** Completions at a position: keys, role ids by role name, principals, enum values, file paths. */
  complete(textDocument: TextDocument, position: Position, location?: OfferLocation): CompletionList {
    return completions(this.parse(textDocument), position, this.featureServices(location));
  }

  /**
   * A completion item with what its list left out filled in (a role's documentation); an item
   * this service did not make comes back unchanged.
   */
  resolveCompletion(item: CompletionItem): CompletionItem {
    return resolveCompletion(item, { catalog: this.catalog });
  }

  /** The hover at a position: field documentation and limits, role, principal or image facts. */
  hover(textDocument: TextDocument, position: Position, location?: OfferLocation): Hover | null {
    return hoverWithSecretsHidden(hover(this.parse(textDocument), position, this.featureServices(location)));
  }

  /** The role name after every role id within `range`. */
  inlayHints(textDocument: TextDocument, range?: Range): InlayHint[] {
    return inlayHints(this.parse(textDocument), this.catalog, range);
  }

  private featureServices(location: OfferLocation | undefined): FeatureServices {
    return { catalog: this.catalog, files: this.filesFor(location), workspaceFiles: this.workspaceFiles };
  }

  /** The outline: offer → sections → plans → authorizations. */
  symbols(textDocument: TextDocument): DocumentSymbol[] {
    return documentSymbols(this.parse(textDocument), this.catalog);
  }

  foldingRanges(textDocument: TextDocument): FoldingRange[] {
    return foldingRanges(this.parse(textDocument));
  }

  selectionRanges(textDocument: TextDocument, positions: Position[]): SelectionRange[] {
    return selectionRanges(this.parse(textDocument), positions);
  }

  /** The hand-off sheet: every Partner Center field with the value to type (features/handoff). */
  handoff(textDocument: TextDocument, location?: OfferLocation): HandoffSheet {
    return handoffSheet(this.parse(textDocument), this.catalog, this.filesFor(location));
  }

  /**
   * Yielding work on a version of a document stops once that version is no longer the one to
   * answer for: the document changed (the LSP document manager updates it in place, and a newer
   * parse takes over the tree: OfferDocument.superseded) or was closed (`forget`).
   */
  private yieldingOn(textDocument: TextDocument, document: OfferDocument, options: YieldOptions): YieldOptions {
    const { uri, version } = textDocument;
    const changed = () => textDocument.version !== version || document.superseded || this.parsed.get(uri) !== document;
    return { ...options, superseded: () => changed() || (options.superseded?.() ?? false) };
  }

  /** Formatting edits for the whole offer, or for `range` of it; comments are kept. */
  format(textDocument: TextDocument, options: OfferFormattingOptions, range?: Range): TextEdit[] {
    return formatOffer(this.parse(textDocument), options, range);
  }
}

interface CheckedVersion {
  document: OfferDocument;
  catalog: RoleCatalog;
  /** The offer's path and workspace folder ('' for an unsaved offer). */
  where: string;
  diagnostics: OfferDiagnostic[];
}

function whereOf(location: OfferLocation | undefined): string {
  return location ? `${location.offerPath}\0${location.workspaceRoot}` : '';
}


/** How many parsed baselines a service keeps (a few open offers' worth). */
const PARSED_BASELINES_KEPT = 8;
