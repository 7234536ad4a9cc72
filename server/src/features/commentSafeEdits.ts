/**
 * jsonc-parser's `modify` removes a property together with everything between it and its
 * neighbour, so a comment that sat there (`"roleDefinitionId": "…", // Contributor` before the
 * removed property) would vanish with it. This keeps the comments around a deletion: what is
 * inside the removed property goes, what is beside it stays.
 */
import { createScanner, findNodeAtOffset, SyntaxKind } from 'jsonc-parser';
import type { TextEdit } from 'vscode-languageserver-types';
import type { OfferDocument } from '@core/model/offerDocument';

const TRIVIA = new Set([SyntaxKind.Trivia, SyntaxKind.LineBreakTrivia]);
const COMMENTS = new Set([SyntaxKind.LineCommentTrivia, SyntaxKind.BlockCommentTrivia]);

/** A deletion rewritten to leave in place the comments before and after the removed value. */
export function keepSurroundingComments(document: OfferDocument, edit: TextEdit): TextEdit {
  const text = document.getText();
  let start = document.offsetAt(edit.range.start);
  let end = document.offsetAt(edit.range.end);
  const replaced = text.slice(start, end);
  if (!replaced.includes('//') && !replaced.includes('/*')) {
    return edit;
  }
  // `modify` with formatting replaces a wider stretch than it changes: narrow it to what differs,
  // and go on only if that is a pure deletion.
  const { newText } = edit;
  let prefix = 0;
  while (prefix < newText.length && prefix < replaced.length && newText[prefix] === replaced[prefix]) {
    prefix++;
  }
  let suffix = 0;
  while (
    suffix < newText.length - prefix &&
    suffix < replaced.length - prefix &&
    newText[newText.length - 1 - suffix] === replaced[replaced.length - 1 - suffix]
  ) {
    suffix++;
  }
  if (prefix + suffix !== newText.length) {
    return edit;
  }
  start += prefix;
  end -= suffix;
  // What differs may lie inside a string (a value shortened, not removed): its `//` is no comment.
  if (insideValue(document, start) || insideValue(document, end)) {
    return edit;
  }
  const removed = text.slice(start, end);

  const tokens: { kind: SyntaxKind; offset: number; length: number }[] = [];
  const scanner = createScanner(removed, false);
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    tokens.push({ kind, offset: scanner.getTokenOffset(), length: scanner.getTokenLength() });
  }
  const significant = tokens
    .map((token, index) => ({ token, index }))
    .filter(({ token }) => !TRIVIA.has(token.kind) && !COMMENTS.has(token.kind) && token.kind !== SyntaxKind.CommaToken);
  if (significant.length === 0) {
    return edit; // only commas, blanks and comments: nothing of a value is removed, leave it to the fix
  }
  const first = significant[0].index;
  const last = significant[significant.length - 1].index;
  const kept = [...tokens.slice(0, first), ...tokens.slice(last + 1)];
  if (!kept.some((token) => COMMENTS.has(token.kind))) {
    return edit;
  }

  // Each kept comment with the blank (spaces, line breaks) just before it, commas dropped.
  let content = '';
  for (const token of kept) {
    if (COMMENTS.has(token.kind)) {
      content += leadingBlank(removed, token.offset) + removed.substr(token.offset, token.length);
    }
  }
  // A line comment must still end before whatever follows the deletion.
  const lastComment = [...kept].reverse().find((token) => COMMENTS.has(token.kind))!;
  if (lastComment.kind === SyntaxKind.LineCommentTrivia && !/^[ \t]*(\r?\n|$)/.test(text.slice(end))) {
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    content += eol + indentationOfLine(text, start + lastComment.offset);
  }
  return { range: document.rangeAt(start, end - start), newText: content };
}

/** Whether `offset` falls strictly inside a string, number or literal of the document. */
function insideValue(document: OfferDocument, offset: number): boolean {
  const node = document.root && findNodeAtOffset(document.root, offset, false);
  return !!node && node.type !== 'object' && node.type !== 'array' && node.type !== 'property' && offset > node.offset && offset < node.offset + node.length;
}

/** The blanks (spaces, line breaks) right before `offset` in `text`, commas among them dropped. */
function leadingBlank(text: string, offset: number): string {
  let start = offset;
  while (start > 0 && /[\s,]/.test(text[start - 1])) {
    start--;
  }
  return text.slice(start, offset).replace(/,/g, '');
}

function indentationOfLine(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}
