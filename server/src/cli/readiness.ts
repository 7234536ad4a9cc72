/**
 * `readiness OFFER [--format text|json] [--root DIR]`: the sections of Partner Center's "Review
 * and publish" page, each Not started, Incomplete or Complete with the errors that keep it so, as
 * the editor's *Publish readiness* tree shows them (the same `publishStatus`). Exit 0 only when
 * the offer is ready to publish, so that CI can gate a release on it.
 */
import { t } from '@core/l10n';
import { escapeInvisiblesInJson } from '@core/text/quote';
import { publishReport, SectionState } from '../features/publishStatus';
import { OfferLanguageService } from '../languageService';
import { CheckedOffer, checkFile, FileDiagnostic, formatText, jsonProblem } from './check';
import type { CliIO } from './main';
import { parseOptions } from './options';
import { UsageError } from './usageError';

export interface ReadinessSection {
  /** Stable: `offerSetup`, `properties`, `listing`, `previewAudience`, `plans`, `plan:<index>`. */
  id: string;
  name: string;
  state: SectionState;
  /** "Not started", "Incomplete", "Complete" in the user's language. */
  stateLabel: string;
  /** The errors that keep the section from Complete. */
  problems: FileDiagnostic[];
}

export interface ReadinessReport {
  ready: boolean;
  sections: ReadinessSection[];
  /** Errors of no section (a syntax error, a wrong root): they block publishing all the same. */
  problems: FileDiagnostic[];
  /** "Offer: 3 errors — 2 sections incomplete", as the status bar says it. */
  summary: string;
}

export function readinessReport(checked: CheckedOffer): ReadinessReport {
  const diagnostics: FileDiagnostic[] = checked.diagnostics.map((d) => ({ file: checked.file, ...d }));
  const { status, sectionErrors } = publishReport(checked.document, diagnostics);
  const placed = new Set(sectionErrors.flat());
  return {
    ready: status.ready,
    sections: status.sections.map((section, index) => ({
      id: section.id,
      name: section.title,
      state: section.state,
      stateLabel: section.stateLabel,
      problems: sectionErrors[index],
    })),
    problems: diagnostics.filter((d) => d.severity === 'error' && !placed.has(d)),
    summary: status.summary,
  };
}

export function formatReadinessText(report: ReadinessReport): string {
  const lines: string[] = [];
  const indented = (problems: FileDiagnostic[]) =>
    formatText(problems)
      .split('\n')
      .map((line) => `  ${line}`);
  for (const section of report.sections) {
    lines.push(`${section.name}: ${section.stateLabel}`);
    if (section.problems.length > 0) {
      lines.push(...indented(section.problems));
    }
  }
  if (report.problems.length > 0) {
    lines.push(t('Outside every section:'), ...indented(report.problems));
  }
  lines.push(report.summary);
  return lines.join('\n');
}

/**
 * The problems in the shape of `--format json`, so one reader serves both; written once, with the
 * invisible characters escaped as `--format json` escapes them.
 */
export function formatReadinessJson(report: ReadinessReport): string {
  const json = {
    ready: report.ready,
    sections: report.sections.map(({ id, name, state, problems }) => ({ id, name, state, problems: problems.map(jsonProblem) })),
    problems: report.problems.map(jsonProblem),
  };
  return escapeInvisiblesInJson(JSON.stringify(json, null, 2));
}

export function readinessCommand(args: string[], io: CliIO): number {
  const { options, positional } = parseOptions(args, ['--format', '--root']);
  if (positional.length !== 1) {
    throw new UsageError(t('readiness takes one offer file.'));
  }
  const format = options.get('--format') ?? 'text';
  if (format !== 'text' && format !== 'json') {
    throw new UsageError(t("Unknown format '{0}': use {1}.", format, 'text, json'));
  }
  const checked = checkFile(positional[0], options.get('--root'), new OfferLanguageService(), io.cwd);
  const report = readinessReport(checked);
  io.stdout(format === 'json' ? formatReadinessJson(report) : formatReadinessText(report));
  return report.ready ? 0 : 1;
}
