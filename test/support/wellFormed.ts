/**
 * Assertions that an answer of the language service is well-formed, whatever the input: ranges
 * inside the document, diagnostics with code and message, edits that apply without overlapping.
 * Shared by the hostile-input suites.
 */
import * as assert from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { OfferDiagnostic } from '../../server/src/rules/diagnostic';

export function assertRange(document: TextDocument, range: Range, what: string): void {
  for (const position of [range.start, range.end]) {
    assert.ok(Number.isInteger(position.line) && Number.isInteger(position.character), `${what}: not integers`);
    assert.ok(position.line >= 0 && position.line < document.lineCount && position.character >= 0, `${what}: outside the document ${JSON.stringify(range)}`);
  }
  assert.ok(document.offsetAt(range.start) <= document.offsetAt(range.end), `${what}: starts after it ends`);
}

export function assertDiagnostics(document: TextDocument, diagnostics: OfferDiagnostic[]): void {
  for (const d of diagnostics) {
    assertRange(document, d.range, `diagnostic ${d.code}`);
    assert.ok(d.code.length > 0 && d.message.length > 0, `diagnostic without code or message: ${JSON.stringify(d)}`);
    assert.ok(['error', 'warning', 'info'].includes(d.severity), `severity ${d.severity}`);
    assert.ok(d.path === '' || d.path.startsWith('/'), `pointer ${d.path}`);
  }
}

/** Applies edits after checking that they are inside the document and don't overlap. */
export function applyEdits(document: TextDocument, edits: TextEdit[], what: string): string {
  edits.forEach((edit) => assertRange(document, edit.range, what));
  const sorted = [...edits].sort((a, b) => document.offsetAt(a.range.start) - document.offsetAt(b.range.start));
  for (let i = 1; i < sorted.length; i++) {
    assert.ok(document.offsetAt(sorted[i - 1].range.end) <= document.offsetAt(sorted[i].range.start), `${what}: overlapping edits`);
  }
  return TextDocument.applyEdits(document, edits);
}
