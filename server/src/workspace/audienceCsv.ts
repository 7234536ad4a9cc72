import { CsvError, parse } from 'csv-parse/sync';

/** One subscription id read from an audience CSV, with the line it starts on (1-based). */
export interface AudienceEntry {
  id: string;
  line: number;
}

interface CsvRecord {
  cells: string[];
  /** The line the record starts on (a quoted cell may span lines). */
  line: number;
}

/**
 * Records of a CSV file, parsed with csv-parse: any line ending, `"…"` quoting with `""`, quoted
 * line breaks. Never throws: a quote that is never closed ends the file's records, and the line
 * it opens on is given as one raw record, so that its (invalid) id is reported at that line.
 */
export function csvRecords(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let nextLine = 1;
  try {
    parse(text, {
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      record_delimiter: ['\r\n', '\n', '\r'],
      info: true,
      // Collected as they come, so that what precedes a fatal error is kept.
      on_record: ({ record, info }: { record: string[]; info: { lines: number } }) => {
        records.push({ cells: record, line: nextLine });
        nextLine = info.lines + 1;
        return null;
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError)) {
      throw error;
    }
    const rest = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/).slice(nextLine - 1);
    const firstLine = rest.find((line) => line.trim() !== '');
    if (firstLine !== undefined) {
      records.push({ cells: firstLine.split(','), line: nextLine + rest.indexOf(firstLine) });
    }
  }
  return records;
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
  for (const { cells, line } of csvRecords(text)) {
    const trimmed = cells.map((cell) => cell.trim());
    if (trimmed.every((cell) => cell === '')) {
      continue;
    }
    if (first && trimmed[0]?.toLowerCase() === 'type' && trimmed[1]?.toLowerCase() === 'id') {
      templateShape = true;
      first = false;
      continue;
    }
    first = false;
    // A row with several cells is in the template's shape even when its header is missing.
    const id = templateShape || trimmed.length > 1 ? (trimmed[1] ?? '') : trimmed[0];
    entries.push({ id, line });
  }
  return entries;
}
