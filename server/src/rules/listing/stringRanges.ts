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
  let offsets: number[] | undefined;
  return (start, end) => {
    offsets ??= decodedToRawOffsets(document.textOf(node));
    const map = offsets;
    const clamp = (index: number) => map[Math.max(0, Math.min(index, map.length - 1))];
    const from = clamp(start);
    const to = Math.max(from, clamp(end));
    return { offset: node.offset + from, length: to - from, path: document.pointerOf(node) };
  };
}

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
