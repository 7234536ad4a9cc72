import {
  createScanner,
  findNodeAtLocation,
  getNodePath,
  getNodeValue,
  JSONPath,
  Node,
  ParseError,
  parseTree,
  SyntaxKind,
} from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import { toPointer } from './jsonPointer';

/**
 * Deeper nesting than this is refused before parsing: jsonc-parser and ajv recurse once per
 * level, and a hostile file of 20,000 `[` would otherwise overflow the stack. A real offer is
 * about eight levels deep.
 */
export const MAX_NESTING_DEPTH = 200;

/** An offer file parsed once per version: the text, its tree and what the parser complained of. */
export class OfferDocument {
  readonly root: Node | undefined;
  readonly syntaxErrors: readonly ParseError[];
  /** Where nesting passed {@link MAX_NESTING_DEPTH}; the tree is then not built at all. */
  readonly tooDeepAt: number | undefined;
  /**
   * The version that was parsed. The LSP document manager updates TextDocuments in place, so
   * `textDocument.version` may already be newer than this tree.
   */
  readonly version: number;
  private readonly text: string;
  private cachedValue: unknown;
  private valueComputed = false;

  /** A snapshot of the text that was parsed, for offset ↔ position conversions. */
  readonly textDocument: TextDocument;

  constructor(source: TextDocument) {
    const text = source.getText();
    this.textDocument = TextDocument.create(source.uri, source.languageId, source.version, text);
    const textDocument = this.textDocument;
    this.text = text;
    this.version = textDocument.version;
    this.tooDeepAt = findExcessiveNesting(text, MAX_NESTING_DEPTH);
    const errors: ParseError[] = [];
    this.root =
      this.tooDeepAt === undefined
        ? parseTree(text, errors, { allowTrailingComma: true, disallowComments: false })
        : undefined;
    this.syntaxErrors = errors;
  }

  static fromText(text: string, uri = 'untitled:offer.json', version = 0): OfferDocument {
    return new OfferDocument(TextDocument.create(uri, 'marketplace-offer', version, text));
  }

  get uri(): string {
    return this.textDocument.uri;
  }

  getText(): string {
    return this.text;
  }

  /** The whole value as plain data (computed once). */
  get value(): unknown {
    if (!this.valueComputed) {
      this.cachedValue = this.root ? getNodeValue(this.root) : undefined;
      this.valueComputed = true;
    }
    return this.cachedValue;
  }

  /** The node at a path (`["plans", 0, "planId"]`): the property's value, or undefined. */
  nodeAt(path: JSONPath): Node | undefined {
    return this.root ? findNodeAtLocation(this.root, path) : undefined;
  }

  rangeOf(node: Node): Range {
    return this.rangeAt(node.offset, node.length);
  }

  rangeAt(offset: number, length: number): Range {
    return {
      start: this.textDocument.positionAt(offset),
      end: this.textDocument.positionAt(offset + length),
    };
  }

  offsetAt(position: { line: number; character: number }): number {
    return this.textDocument.offsetAt(position);
  }

  pointerOf(node: Node): string {
    return toPointer(getNodePath(node));
  }
}

/** Scans tokens (no recursion) and returns the offset where nesting first exceeds `limit`. */
function findExcessiveNesting(text: string, limit: number): number | undefined {
  const scanner = createScanner(text, false);
  let depth = 0;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) {
      depth++;
      if (depth > limit) {
        return scanner.getTokenOffset();
      }
    } else if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}
