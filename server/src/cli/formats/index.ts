/**
 * The checker's report formats, by `--format` name. `text` and `json` are the checker's own
 * (check.ts); `sarif` and `github` are for CI.
 */
import { FileDiagnostic, formatJson, formatText } from '../check';
import type { FormatContext } from './formatContext';
import { formatGithub } from './github';
import { formatSarif } from './sarif';

export type { FormatContext } from './formatContext';

export type ReportFormat = (diagnostics: FileDiagnostic[], context: FormatContext) => string;

export const reportFormats: ReadonlyMap<string, ReportFormat> = new Map<string, ReportFormat>([
  ['text', (diagnostics) => formatText(diagnostics)],
  ['json', (diagnostics) => formatJson(diagnostics)],
  ['sarif', formatSarif],
  ['github', formatGithub],
]);
