/**
 * Document formatting with jsonc-parser's formatter: it works on tokens, so comments and trailing
 * commas stay where the author put them and a half-written offer can still be formatted.
 */
import { createScanner, format, FormattingOptions as JsoncFormattingOptions, SyntaxKind } from 'jsonc-parser';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import { toTextEdits } from '../edits/offsetEdits';
import type { OfferDocument } from '@core/model/offerDocument';

/** What the client tells us about indentation (LSP `FormattingOptions`). */
export interface OfferFormattingOptions {
  tabSize: number;
  insertSpaces: boolean;
  insertFinalNewline?: boolean;
}

/** Indentation and line ending of a file, as edits that must blend into it need them. */
export interface TextLayout {
  tabSize: number;
  insertSpaces: boolean;
  eol: string;
}

/** The edits that format the whole document, or only `range` of it. */
export function formatOffer(document: OfferDocument, options: OfferFormattingOptions, range?: Range): TextEdit[] {
  const text = document.getText();
  const tabSize = Math.max(1, Math.floor(options.tabSize) || 2);
  if (document.tooDeepAt !== undefined || indentationVolume(text, tabSize) > MAX_INDENTATION_VOLUME) {
    return [];
  }
  const jsoncOptions: JsoncFormattingOptions = {
    tabSize,
    insertSpaces: options.insertSpaces,
    eol: detectLayout(text).eol,
    insertFinalNewline: options.insertFinalNewline ?? false,
  };
  let span: { offset: number; length: number } | undefined;
  if (range) {
    const start = document.offsetAt(range.start);
    span = { offset: start, length: document.offsetAt(range.end) - start };
  }
  return toTextEdits(document, format(text, span, jsoncOptions));
}

/**
 * Formatting puts each element on its own line, indented by its depth: 20,000 nested `[` would
 * become 400 million spaces and exhaust the memory. Past this much indentation a file is hostile
 * or generated, and is left as it is.
 */
const MAX_INDENTATION_VOLUME = 32 * 1024 * 1024;

/** About how many characters of indentation formatting would write: depth × tab size per value. */
function indentationVolume(text: string, tabSize: number): number {
  const scanner = createScanner(text, true);
  let depth = 0;
  let volume = 0;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) {
      depth++;
      volume += depth * tabSize;
    } else if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) {
      depth = Math.max(0, depth - 1);
      volume += depth * tabSize;
    } else if (token === SyntaxKind.CommaToken) {
      volume += depth * tabSize;
    }
    if (volume > MAX_INDENTATION_VOLUME) {
      break;
    }
  }
  return volume;
}

/**
 * Guesses a file's indentation from its first indented lines (a code action request carries no
 * formatting options, yet inserted properties must match the file's style), and its line ending
 * from its first line break. Only those lines are read: the light bulb asks on every move of the
 * cursor, and splitting a 10 MB offer into lines each time cost more than the fixes themselves.
 */
export function detectLayout(text: string): TextLayout {
  const firstBreak = text.indexOf('\n');
  const eol = firstBreak > 0 && text.charCodeAt(firstBreak - 1) === 0x0d ? '\r\n' : '\n';
  let smallestIndent = 0;
  let scanned = 0;
  for (let lineStart = 0; lineStart < text.length && scanned < 50; ) {
    const lineBreak = text.indexOf('\n', lineStart);
    const lineEnd = lineBreak < 0 ? text.length : lineBreak;
    let indentEnd = lineStart;
    while (indentEnd < lineEnd && (text.charCodeAt(indentEnd) === 0x20 || text.charCodeAt(indentEnd) === 0x09)) {
      indentEnd++;
    }
    // An indented line with something on it (a line of blanks says nothing).
    if (indentEnd > lineStart && indentEnd < lineEnd && text.charCodeAt(indentEnd) !== 0x0d) {
      if (text.charCodeAt(lineStart) === 0x09) {
        return { tabSize: 4, insertSpaces: false, eol };
      }
      const indent = indentEnd - lineStart;
      if (smallestIndent === 0 || indent < smallestIndent) {
        smallestIndent = indent;
      }
      scanned++;
    }
    lineStart = lineEnd + 1;
  }
  return { tabSize: smallestIndent > 0 && smallestIndent <= 8 ? smallestIndent : 2, insertSpaces: true, eol };
}
