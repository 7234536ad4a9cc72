import { parse } from 'csv-parse/sync';

/** One subscription id read from an audience CSV, with the line it stands on (1-based). */
export interface AudienceEntry {
  id: string;
  line: number;
}

/**
 * Reads an audience file: Partner Center's template (`Type,Id,Description` header, rows
 * `SubscriptionId,<guid>,<text>`) or a bare list with one id per line. Blank lines are skipped;
 * every other row yields its id, valid or not, so that the rules can check and count them.
 */
export function parseAudienceCsv(text: string): AudienceEntry[] {
  const records = parse(text.replace(/^\uFEFF/, ''), {
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    trim: true,
    info: true,
  }) as { record: string[]; info: { lines: number } }[];
  const entries: AudienceEntry[] = [];
  let templateShape = false;
  records.forEach(({ record, info }, index) => {
    const cells = record.map((cell) => cell.trim());
    if (cells.every((cell) => cell === '')) {
      return;
    }
    if (index === 0 && cells[0]?.toLowerCase() === 'type' && cells[1]?.toLowerCase() === 'id') {
      templateShape = true;
      return;
    }
    const id = templateShape || cells.length > 1 ? (cells[1] ?? '') : cells[0];
    entries.push({ id, line: info.lines });
  });
  return entries;
}
