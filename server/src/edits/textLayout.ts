/**
 * What the edit toolkit reads of the text around the place it edits: whether a value starts its
 * own line, the indentation before it, what follows it on its line, and how a new value is
 * written in the file's style. Each reads only the blanks, commas and comments next to the place
 * (never the rest of a line or of the file), so that an edit in a minified offer of one 10 MB
 * line costs what it costs in a small one.
 */
import { createScanner, SyntaxKind } from 'jsonc-parser';
import type { TextLayout } from '../features/formatting';

function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

function isLineBreak(code: number): boolean {
  return code === 0x0a || code === 0x0d;
}

/** How many blanks (spaces, tabs) stand right before `offset`. */
export function blanksBefore(text: string, offset: number): number {
  let start = offset;
  while (start > 0 && isBlank(text.charCodeAt(start - 1))) {
    start--;
  }
  return offset - start;
}

/** Whether only blanks stand between the start of its line and `offset`. */
export function startsOwnLine(text: string, offset: number): boolean {
  const start = offset - blanksBefore(text, offset);
  return start === 0 || isLineBreak(text.charCodeAt(start - 1));
}

/** The blanks before `offset` (its indentation, for a value that starts its own line). */
export function indentationBefore(text: string, offset: number): string {
  return text.slice(offset - blanksBefore(text, offset), offset);
}

/** Whether `text[from, to)` holds only white space (line breaks included). */
export function isWhiteSpace(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (!isBlank(code) && !isLineBreak(code)) {
      return false;
    }
  }
  return true;
}

/** Whether `text[from, to)` holds only white space and commas (no comment, no value). */
export function isWhiteSpaceOrCommas(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (!isBlank(code) && !isLineBreak(code) && code !== 0x2c) {
      return false;
    }
  }
  return true;
}

/**
 * After a value that starts its own line: when the rest of its line is blanks, maybe its comma,
 * and blanks, where that line ends (after its line break, or at the end of the text) and whether
 * the comma was there; undefined when anything else (a comment, another value) follows on the line.
 */
export function restOfLine(text: string, offset: number): { end: number; comma: boolean } | undefined {
  let at = offset;
  while (at < text.length && isBlank(text.charCodeAt(at))) {
    at++;
  }
  const comma = text.charCodeAt(at) === 0x2c;
  if (comma) {
    at++;
    while (at < text.length && isBlank(text.charCodeAt(at))) {
      at++;
    }
  }
  if (at === text.length) {
    return { end: at, comma };
  }
  if (!isLineBreak(text.charCodeAt(at))) {
    return undefined;
  }
  const end = text.charCodeAt(at) === 0x0d && text.charCodeAt(at + 1) === 0x0a ? at + 2 : at + 1;
  return { end, comma };
}

/** The offset after the blanks that follow `offset` on its line. */
export function afterBlanks(text: string, offset: number): number {
  let at = offset;
  while (at < text.length && isBlank(text.charCodeAt(at))) {
    at++;
  }
  return at;
}

/** The offset of the comma that comes next after `offset`, past white space and comments, if one does. */
export function nextComma(text: string, offset: number): number | undefined {
  const scanner = createScanner(text, true);
  scanner.setPosition(offset);
  return scanner.scan() === SyntaxKind.CommaToken ? scanner.getTokenOffset() : undefined;
}

/**
 * After a value: its comma, when it is on the same line, and where that line's text ends (after
 * the comma and any comment that follows on the line, before the line break): a value added after
 * this one goes there, so that a comment such as `// Contributor` stays on the line it describes.
 */
export function lineAfter(text: string, offset: number): { comma: number | undefined; lineEnd: number } {
  const scanner = createScanner(text, false);
  scanner.setPosition(offset);
  let comma: number | undefined;
  let lineEnd = offset;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token === SyntaxKind.Trivia) {
      continue;
    }
    if (token === SyntaxKind.CommaToken && comma === undefined) {
      comma = scanner.getTokenOffset();
    } else if (token !== SyntaxKind.LineCommentTrivia && token !== SyntaxKind.BlockCommentTrivia) {
      break;
    }
    lineEnd = scanner.getTokenOffset() + scanner.getTokenLength();
  }
  return { comma, lineEnd };
}

/** One level of indentation in the file's style. */
export function indentUnit(layout: TextLayout): string {
  return layout.insertSpaces ? ' '.repeat(layout.tabSize) : '\t';
}

/** A short list of strings, numbers or booleans (a role ID or two) stays on one line up to this length. */
const ONE_LINE_LIST = 80;

/**
 * A value written out for a place whose lines start with `indentation`: an object, and a list of
 * objects or a long one, one item a line, each level one unit deeper, with the file's line ending;
 * a short list of plain values on one line (`["acdd72a7-…"]`), as people write them. Without an
 * indentation (the place is inside a one-line object or array) it is written on one line.
 */
export function writeValue(value: unknown, indentation: string | undefined, layout: TextLayout): string {
  return indentation === undefined ? oneLine(value) : onLines(value, indentation, indentUnit(layout), layout.eol);
}

function onLines(value: unknown, indentation: string, unit: string, eol: string): string {
  if (Array.isArray(value)) {
    const line = oneLine(value);
    if (value.length === 0 || (line.length <= ONE_LINE_LIST && value.every((item) => item === null || typeof item !== 'object'))) {
      return line;
    }
    const inner = indentation + unit;
    return '[' + value.map((item) => eol + inner + (item === undefined ? 'null' : onLines(item, inner, unit, eol))).join(',') + eol + indentation + ']';
  }
  if (value !== null && typeof value === 'object') {
    const fields = Object.entries(value).filter(([, item]) => item !== undefined);
    if (fields.length === 0) {
      return '{}';
    }
    const inner = indentation + unit;
    return '{' + fields.map(([key, item]) => `${eol}${inner}${JSON.stringify(key)}: ${onLines(item, inner, unit, eol)}`).join(',') + eol + indentation + '}';
  }
  return JSON.stringify(value) ?? 'null';
}

/** A value on one line, spaced as people write one-line JSON: `["a", "b"]`, `{"a": 1, "b": 2}`. */
function oneLine(value: unknown): string {
  if (Array.isArray(value)) {
    return '[' + value.map((item) => (item === undefined ? 'null' : oneLine(item))).join(', ') + ']';
  }
  if (value !== null && typeof value === 'object') {
    const fields = Object.entries(value).filter(([, item]) => item !== undefined);
    return '{' + fields.map(([key, item]) => `${JSON.stringify(key)}: ${oneLine(item)}`).join(', ') + '}';
  }
  return JSON.stringify(value) ?? 'null';
}
