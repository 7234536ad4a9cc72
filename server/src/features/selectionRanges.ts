/**
 * Smart selection: from the cursor outwards through the JSON tree — a string's text, the string
 * with its quotes, the whole `"key": value` property, the object or array holding it, and so on up
 * to the whole offer.
 */
import { findNodeAtOffset, Node } from 'jsonc-parser';
import type { Position, Range, SelectionRange } from 'vscode-languageserver-types';
import type { OfferDocument } from '@core/model/offerDocument';

export function selectionRanges(document: OfferDocument, positions: Position[]): SelectionRange[] {
  return positions.map((position) => selectionRangeAt(document, position));
}

function selectionRangeAt(document: OfferDocument, position: Position): SelectionRange {
  const offset = document.offsetAt(position);
  const node = document.root && findNodeAtOffset(document.root, offset, true);
  // Innermost first; each later span contains the earlier ones.
  const spans: { offset: number; length: number }[] = [];
  if (node?.type === 'string' && offset > node.offset && offset < node.offset + node.length && node.length >= 2) {
    spans.push({ offset: node.offset + 1, length: node.length - 2 });
  }
  for (let current: Node | undefined = node; current; current = current.parent) {
    spans.push({ offset: current.offset, length: current.length });
  }

  let result: SelectionRange | undefined;
  // Built from the outside in, skipping a span equal to the one around it.
  for (let i = spans.length - 1; i >= 0; i--) {
    const span = spans[i];
    if (result && sameRange(result.range, document.rangeAt(span.offset, span.length))) {
      continue;
    }
    result = { range: document.rangeAt(span.offset, span.length), parent: result };
  }
  return result ?? { range: { start: position, end: position } };
}

function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}
