/**
 * Where the lines of a text start, for offset ↔ position conversions, with the same answers as
 * vscode-languageserver-textdocument's TextDocument (`\n`, `\r\n` and a lone `\r` end a line; a
 * position inside a line break is moved before it). Kept by the offer model rather than a
 * TextDocument because a keystroke's new index is made from the previous one, changing only the
 * lines around the edit: building it again for a 750 KiB offer cost more than the rest of a
 * keystroke's checks.
 */
import type { Position } from 'vscode-languageserver-types';
import type { TextChange } from './incrementalParse';

const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;

export class LineIndex {
  private constructor(
    private readonly text: string,
    /** The offset where each line starts; the first is 0. */
    private readonly starts: readonly number[],
  ) {}

  static of(text: string): LineIndex {
    // Found straight into the index (a copy behind the first 0 cost a third of the time).
    return new LineIndex(text, lineStartsIn(text, 0, text.length, [0]));
  }

  /**
   * The index of `text`, which is the text of `previous` with `change` made. The lines before the
   * change and after it keep their starts (moved by the change's length); only the lines it
   * touches are read.
   */
  static updated(previous: LineIndex, text: string, change: TextChange): LineIndex {
    const old = previous.starts;
    const delta = change.text.length - (change.end - change.start);
    // The last line start at least one character before the change: the character before it and
    // the one at it are unchanged, so it still starts a line and a scan from it is in step.
    const first = lastStartAtOrBefore(old, Math.max(0, change.start - 1));
    // The first line start at least two characters after the change: its line break is unchanged
    // and so is whether it pairs with a \r before it.
    let last = lastStartAtOrBefore(old, change.end + 1) + 1;
    while (last < old.length && old[last] < change.end + 2) {
      last++;
    }
    const kept = last < old.length;
    const scanTo = kept ? old[last] + delta : text.length;
    // A scan up to a kept start finds that start too: it comes with the moved ones.
    const scanned = lineStartsIn(text, old[first], scanTo).filter((start) => !kept || start < scanTo);
    if (delta === 0 && scanned.length === last - first - 1 && scanned.every((start, i) => start === old[first + 1 + i])) {
      // A character replaced by another: every line starts where it did.
      return new LineIndex(text, old);
    }
    // One array, filled in place: a keystroke in a long offer should not copy its line table
    // three times over.
    const starts = new Array<number>(first + 1 + scanned.length + old.length - last);
    let at = 0;
    for (let i = 0; i <= first; i++) {
      starts[at++] = old[i];
    }
    for (const start of scanned) {
      starts[at++] = start;
    }
    for (let i = last; i < old.length; i++) {
      starts[at++] = old[i] + delta;
    }
    return new LineIndex(text, starts);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(Math.min(offset, this.text.length), 0);
    const line = lastStartAtOrBefore(this.starts, clamped);
    const lineStart = this.starts[line];
    return { line, character: this.beforeLineBreak(clamped, lineStart) - lineStart };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.starts.length) {
      return this.text.length;
    }
    if (position.line < 0) {
      return 0;
    }
    const lineStart = this.starts[position.line];
    if (position.character <= 0) {
      return lineStart;
    }
    const next = position.line + 1 < this.starts.length ? this.starts[position.line + 1] : this.text.length;
    return this.beforeLineBreak(Math.min(lineStart + position.character, next), lineStart);
  }

  /** `offset`, moved back out of the line break that ends its line (as TextDocument does). */
  private beforeLineBreak(offset: number, lineStart: number): number {
    while (offset > lineStart && isLineBreak(this.text.charCodeAt(offset - 1))) {
      offset--;
    }
    return offset;
  }
}

function isLineBreak(code: number): boolean {
  return code === LINE_FEED || code === CARRIAGE_RETURN;
}

/** The index of the last start ≤ `offset` (starts are ascending and begin with one ≤ offset). */
function lastStartAtOrBefore(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle] <= offset) {
      low = middle;
    } else {
      high = middle - 1;
    }
  }
  return low;
}

/**
 * The line starts after the line breaks in `text[from, to)`, `from` being a line start, added to
 * `starts`. Without a \r in the text, a native search for \n finds them far faster than a loop
 * over characters.
 */
function lineStartsIn(text: string, from: number, to: number, starts: number[] = []): number[] {
  const carriageReturn = text.indexOf('\r', from);
  if (carriageReturn < 0 || carriageReturn >= to) {
    for (let at = text.indexOf('\n', from); at >= 0 && at < to; at = text.indexOf('\n', at + 1)) {
      starts.push(at + 1);
    }
    return starts;
  }
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (isLineBreak(code)) {
      if (code === CARRIAGE_RETURN && i + 1 < text.length && text.charCodeAt(i + 1) === LINE_FEED) {
        i++;
      }
      starts.push(i + 1);
    }
  }
  return starts;
}
