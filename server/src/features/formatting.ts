/**
 * Document formatting with jsonc-parser's formatter: it works on tokens, so comments and trailing
 * commas stay where the author put them and a half-written offer can still be formatted.
 */
import { format, FormattingOptions as JsoncFormattingOptions } from 'jsonc-parser';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import { editsToTextEdits } from '../rules/fixEdits';
import type { OfferDocument } from '../model/offerDocument';

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
  const jsoncOptions: JsoncFormattingOptions = {
    tabSize: Math.max(1, Math.floor(options.tabSize) || 2),
    insertSpaces: options.insertSpaces,
    eol: detectLayout(text).eol,
    insertFinalNewline: options.insertFinalNewline ?? false,
  };
  let span: { offset: number; length: number } | undefined;
  if (range) {
    const start = document.offsetAt(range.start);
    span = { offset: start, length: document.offsetAt(range.end) - start };
  }
  return editsToTextEdits(document, format(text, span, jsoncOptions));
}

/**
 * Guesses a file's indentation from its first indented lines (a code action request carries no
 * formatting options, yet inserted properties must match the file's style).
 */
export function detectLayout(text: string): TextLayout {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let smallestIndent = 0;
  let scanned = 0;
  for (const line of text.split(/\r?\n/)) {
    const indent = /^[ \t]+(?=\S)/.exec(line)?.[0];
    if (!indent) {
      continue;
    }
    if (indent.startsWith('\t')) {
      return { tabSize: 4, insertSpaces: false, eol };
    }
    if (smallestIndent === 0 || indent.length < smallestIndent) {
      smallestIndent = indent.length;
    }
    if (++scanned >= 50) {
      break;
    }
  }
  return { tabSize: smallestIndent > 0 && smallestIndent <= 8 ? smallestIndent : 2, insertSpaces: true, eol };
}
