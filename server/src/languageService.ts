/**
 * The offer language service: pure functions from a document (and the files beside it) to
 * diagnostics, completions, hovers… It knows nothing of the LSP connection, so the server, the
 * command-line checker and the tests all call it the same way.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { RoleCatalog } from './catalog/roleCatalog';
import { OfferDocument } from './model/offerDocument';
import type { OfferDiagnostic } from './rules/diagnostic';
import { FileHost, nodeFileHost } from './workspace/fileHost';
import { FileCache, OfferFiles } from './workspace/offerFiles';
import { validateOffer } from './validation/validateOffer';

export interface LanguageServiceOptions {
  catalog?: RoleCatalog;
  fileHost?: FileHost;
}

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

  constructor(options: LanguageServiceOptions = {}) {
    this.catalog = options.catalog ?? RoleCatalog.builtin();
    this.fileHost = options.fileHost ?? nodeFileHost;
  }

  /** The parsed document, parsed once per version of each URI. */
  parse(textDocument: TextDocument): OfferDocument {
    const cached = this.parsed.get(textDocument.uri);
    if (cached && cached.version === textDocument.version && cached.getText() === textDocument.getText()) {
      return cached;
    }
    const document = new OfferDocument(textDocument);
    this.parsed.set(textDocument.uri, document);
    return document;
  }

  /** Forgets a closed document. */
  forget(uri: string): void {
    this.parsed.delete(uri);
  }

  filesFor(location: OfferLocation | undefined): OfferFiles | undefined {
    return location && new OfferFiles(location.offerPath, location.workspaceRoot, this.fileHost, this.fileCache);
  }

  validate(textDocument: TextDocument, location?: OfferLocation): OfferDiagnostic[] {
    const document = this.parse(textDocument);
    const files = this.filesFor(location);
    return validateOffer({ document, catalog: this.catalog, files, baseline: readBaseline(files) });
  }
}

function readBaseline(files: OfferFiles | undefined): OfferDocument | undefined {
  const text = files?.baselineText();
  if (text === undefined) {
    return undefined;
  }
  const baseline = OfferDocument.fromText(text, 'baseline:offer.published.json');
  return baseline.root?.type === 'object' ? baseline : undefined;
}
