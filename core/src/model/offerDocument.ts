import {
  getNodeValue,
  JSONPath,
  Node,
  ParseError,
  parseTree,
} from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';
import { changeBetween, reparse } from './incrementalParse';
import { parseWellFormed } from './wellFormedParse';
import { toPointer } from './jsonPointer';
import { LineIndex } from './lineIndex';
import { nodeAtPath, nodePath } from './nodes';

/**
 * Deeper nesting than this is refused before parsing: jsonc-parser and ajv recurse once per
 * level, and a hostile file of 20,000 `[` would otherwise overflow the stack. A real offer is
 * about eight levels deep.
 */
export const MAX_NESTING_DEPTH = 200;

const PARSE_OPTIONS = { allowTrailingComma: true, disallowComments: false } as const;

/** An offer file parsed once per version: the text, its tree and what the parser complained of. */
export class OfferDocument {
  readonly root: Node | undefined;
  readonly syntaxErrors: readonly ParseError[];
  /** Where nesting passed {@link MAX_NESTING_DEPTH}; the tree is then not built at all. */
  readonly tooDeepAt: number | undefined;
  /**
   * The version that was parsed. The LSP document manager updates TextDocuments in place, so
   * the editor's document may already be newer than this tree.
   */
  readonly version: number;
  readonly uri: string;
  private readonly languageId: string;
  private readonly text: string;
  /** Where the lines of the text start: made from the previous version's after a keystroke. */
  private readonly lines: LineIndex;
  /** Set when a newer version was made from this one's tree: it may no longer be used. */
  private takenOver = false;
  private cachedValue: unknown;
  private valueComputed = false;
  private snapshot: TextDocument | undefined;

  /**
   * Parses `source`. Given the `previous` version of the same document, only the value that
   * changed is parsed again when that is safe (see incrementalParse.ts); `previous` is then taken
   * over (its nodes move to the new tree) and must not be used again.
   */
  constructor(source: TextDocument, previous?: OfferDocument) {
    const text = source.getText();
    this.text = text;
    this.version = source.version;
    this.uri = source.uri;
    this.languageId = source.languageId;
    const incremental = previous && previous.uri === source.uri ? OfferDocument.reparsedFrom(previous, text) : undefined;
    this.lines = incremental?.lines ?? LineIndex.of(text);
    // A byte order mark is not JSON, but Windows tools write one and the checker reads files as
    // they are: it is read as a space (same length, so every offset still means the same place).
    // A re-parse never reads the first character, so it needs no copy.
    const json = !incremental && text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
    // Nearly every version of an offer is well-formed: a keystroke's re-parse or the fast parser
    // reads those. The rest (syntax errors, too deep) go to jsonc-parser, which says what is wrong.
    const wellFormed = incremental?.root ?? parseWellFormed(json, MAX_NESTING_DEPTH);
    if (wellFormed) {
      this.root = wellFormed;
      this.syntaxErrors = [];
      this.tooDeepAt = undefined;
      return;
    }
    this.tooDeepAt = findExcessiveNesting(json, MAX_NESTING_DEPTH);
    const errors: ParseError[] = [];
    this.root = this.tooDeepAt === undefined ? parseTree(json, errors, PARSE_OPTIONS) : undefined;
    this.syntaxErrors = errors;
  }

  /**
   * The tree and line index of `text` made from `previous` by re-parsing only what changed, or
   * undefined when a full parse is needed: `previous` had syntax errors (its tree is then a guess
   * that a local change can't be trusted to mend) or the change could not be isolated.
   */
  private static reparsedFrom(previous: OfferDocument, text: string): { root: Node; lines: LineIndex } | undefined {
    if (!previous.root || previous.syntaxErrors.length > 0 || previous.tooDeepAt !== undefined || previous.takenOver) {
      return undefined;
    }
    const change = changeBetween(previous.text, text);
    if (!change) {
      return undefined;
    }
    const root = reparse(previous.root, text, change, MAX_NESTING_DEPTH);
    if (!root) {
      return undefined;
    }
    previous.takenOver = true;
    return { root, lines: LineIndex.updated(previous.lines, text, change) };
  }

  /**
   * True once a newer version was parsed from this one: its nodes have moved to the newer tree,
   * so work that was paused on this version (the server yields during long checks) must stop.
   */
  get superseded(): boolean {
    return this.takenOver;
  }

  /** The parsed text as a TextDocument (for applying edits to it). */
  get textDocument(): TextDocument {
    return (this.snapshot ??= TextDocument.create(this.uri, this.languageId, this.version, this.text));
  }

  get lineCount(): number {
    return this.lines.lineCount;
  }

  static fromText(text: string, uri = 'untitled:offer.json', version = 0): OfferDocument {
    return new OfferDocument(TextDocument.create(uri, 'marketplace-offer', version, text));
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
    return nodeAtPath(this.root, path);
  }

  /** The text of a node as written (quotes, escapes and comments inside it included). */
  textOf(node: Node): string {
    return this.text.substr(node.offset, node.length);
  }

  rangeOf(node: Node): Range {
    return this.rangeAt(node.offset, node.length);
  }

  rangeAt(offset: number, length: number): Range {
    return { start: this.lines.positionAt(offset), end: this.lines.positionAt(offset + length) };
  }

  positionAt(offset: number): Position {
    return this.lines.positionAt(offset);
  }

  offsetAt(position: Position): number {
    return this.lines.offsetAt(position);
  }

  pointerOf(node: Node): string {
    return toPointer(nodePath(node));
  }
}

/**
 * The offset where bracket nesting first exceeds `limit`, or undefined. A loop over the
 * characters (no recursion) that skips strings and comments exactly as jsonc-parser's scanner
 * reads them: a string ends at its quote or before a line break, `\` takes the next character
 * along, `//` runs to the line's end and `/*` to its `*\/`. It runs before every parse, and the
 * token scanner it replaces cost half as much as the parse itself.
 */
function findExcessiveNesting(text: string, limit: number): number | undefined {
  const length = text.length;
  let depth = 0;
  for (let i = 0; i < length; i++) {
    switch (text.charCodeAt(i)) {
      case 0x7b: // {
      case 0x5b: // [
        if (++depth > limit) {
          return i;
        }
        break;
      case 0x7d: // }
      case 0x5d: // ]
        if (depth > 0) {
          depth--;
        }
        break;
      case 0x22: // "
        for (i++; i < length; i++) {
          const code = text.charCodeAt(i);
          if (code === 0x22 || code === 0x0a || code === 0x0d) {
            break;
          }
          if (code === 0x5c) {
            i++;
          }
        }
        break;
      case 0x2f: {
        const next = text.charCodeAt(i + 1);
        if (next === 0x2f) {
          for (i += 2; i < length; i++) {
            const code = text.charCodeAt(i);
            if (code === 0x0a || code === 0x0d) {
              break;
            }
          }
        } else if (next === 0x2a) {
          const end = text.indexOf('*/', i + 2);
          i = end < 0 ? length : end + 1;
        }
        break;
      }
    }
  }
  return undefined;
}
