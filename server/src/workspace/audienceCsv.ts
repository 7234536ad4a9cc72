/** One subscription id read from an audience CSV, with the line it starts on (1-based). */
export interface AudienceEntry {
  id: string;
  line: number;
}

/** Called with each record's cells and the line it starts on (a quoted cell may span lines). */
type RecordVisitor = (cells: string[], line: number) => void;

const QUOTE = 0x22;
const COMMA = 0x2c;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/**
 * The records of a CSV file, in one pass: any line ending, `"…"` quoting with `""`, quoted line
 * breaks, a quote inside an unquoted cell kept as it is. Empty lines are skipped as they are
 * met, without a record each (csv-parse, used before, spent 4 s and 500 MB on a MiB of empty
 * lines). Never throws: a quote that is never closed ends the file's records, and the line it
 * opens on is given as one raw record, so that its (invalid) id is reported at that line.
 */
function forEachCsvRecord(text: string, visit: RecordVisitor): void {
  const length = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (i < length) {
    const first = text.charCodeAt(i);
    if (first === LINE_FEED || first === CARRIAGE_RETURN) {
      i += first === CARRIAGE_RETURN && text.charCodeAt(i + 1) === LINE_FEED ? 2 : 1;
      line++;
      continue;
    }
    const recordStart = i;
    const recordLine = line;
    const cells: string[] = [];
    for (;;) {
      // One cell, then the comma or line break after it.
      if (text.charCodeAt(i) === QUOTE) {
        const pieces: string[] = [];
        let from = ++i;
        let closed = false;
        while (i < length) {
          const code = text.charCodeAt(i);
          if (code === QUOTE) {
            pieces.push(text.slice(from, i));
            if (text.charCodeAt(i + 1) === QUOTE) {
              pieces.push('"');
              i += 2;
              from = i;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          if (code === LINE_FEED || (code === CARRIAGE_RETURN && text.charCodeAt(i + 1) !== LINE_FEED)) {
            line++;
          }
          i++;
        }
        if (!closed) {
          visit(rawLine(text, recordStart).split(','), recordLine);
          return;
        }
        // Whatever follows the closing quote in the same cell is kept as written.
        const rest = i;
        while (i < length && !endsCell(text.charCodeAt(i))) {
          i++;
        }
        cells.push(pieces.join('') + text.slice(rest, i));
      } else {
        const from = i;
        while (i < length && !endsCell(text.charCodeAt(i))) {
          i++;
        }
        cells.push(text.slice(from, i));
      }
      if (text.charCodeAt(i) === COMMA) {
        i++;
        continue;
      }
      break;
    }
    visit(cells, recordLine);
    // At a line break or the end: the loop's head steps over the break.
  }
}

function endsCell(code: number): boolean {
  return code === COMMA || code === LINE_FEED || code === CARRIAGE_RETURN;
}

/** The line that starts at `start`, without its line break. */
function rawLine(text: string, start: number): string {
  let end = start;
  while (end < text.length && text.charCodeAt(end) !== LINE_FEED && text.charCodeAt(end) !== CARRIAGE_RETURN) {
    end++;
  }
  return text.slice(start, end);
}

/**
 * Reads an audience file: Partner Center's template (`Type,Id,Description` header, rows
 * `SubscriptionId,<guid>,<text>`) or a bare list with one id per line. Blank lines are skipped;
 * every other row yields its id, valid or not, so that the rules can check and count them.
 */
export function parseAudienceCsv(text: string): AudienceEntry[] {
  const entries: AudienceEntry[] = [];
  let templateShape = false;
  let first = true;
  forEachCsvRecord(text, (cells, line) => {
    const trimmed = cells.map((cell) => cell.trim());
    if (trimmed.every((cell) => cell === '')) {
      return;
    }
    if (first && trimmed[0]?.toLowerCase() === 'type' && trimmed[1]?.toLowerCase() === 'id') {
      templateShape = true;
      first = false;
      return;
    }
    first = false;
    // A row with several cells is in the template's shape even when its header is missing.
    const id = templateShape || trimmed.length > 1 ? (trimmed[1] ?? '') : trimmed[0];
    entries.push({ id, line });
  });
  return entries;
}
