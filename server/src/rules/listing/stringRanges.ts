import type { Node } from 'jsonc-parser';
import type { OfferDocument } from '@core/model/offerDocument';
import type { ReportTarget } from '../rule';

/**
 * Report targets for characters `start`..`end` of a string value (indices into the decoded value,
 * as a parser of that value sees them), so that a diagnostic can point at one tag inside a long
 * description. The JSON text may hold escapes (`\"`, `\n`, `\u003c`), so decoded indices are
 * mapped back through the literal as written; the map is made once, on the first report.
 */
export function rangesInString(document: OfferDocument, node: Node): (start: number, end: number) => ReportTarget {
  return (start, end) => {
    const from = rawOffsetIn(document, node, start);
    const to = Math.max(from, rawOffsetIn(document, node, end));
    return { offset: node.offset + from, length: to - from, path: document.pointerOf(node) };
  };
}

/**
 * Where character `index` of a string value (clamped to the value) stands in the literal as
 * written, from the literal's first character. The map is made once per string node: it is
 * relative to the node, which a re-parse keeps only with its text (core/src/model/caching.ts,
 * rule 2), so each quick fix of a long description does not walk the whole literal again.
 */
export function rawOffsetIn(document: OfferDocument, node: Node, index: number): number {
  let map = rawOffsets.get(node);
  if (map === undefined) {
    map = decodedToRawOffsets(document.textOf(node));
    rawOffsets.set(node, map);
  }
  return map[Math.max(0, Math.min(index, map.length - 1))];
}

const rawOffsets = new WeakMap<Node, number[]>();

/** For each UTF-16 unit of the decoded string (and one past the end), its offset in the literal. */
function decodedToRawOffsets(literal: string): number[] {
  const offsets: number[] = [];
  const close = literal.endsWith('"') && literal.length > 1 ? literal.length - 1 : literal.length;
  let index = literal.startsWith('"') ? 1 : 0;
  while (index < close) {
    offsets.push(index);
    if (literal[index] === '\\') {
      index += literal[index + 1] === 'u' ? 6 : 2;
    } else {
      index += 1;
    }
  }
  offsets.push(Math.min(index, close));
  return offsets;
}
