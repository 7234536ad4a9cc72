/**
 * `--format github`: one GitHub Actions workflow command per problem, which the runner turns into
 * an annotation on the file and line (`::error file=…,line=…,col=…,title=<code>::<message>`).
 */
import { escapeControlCharacters } from '@core/text/quote';
import type { Severity } from '../../rules/diagnostic';
import type { FileDiagnostic } from '../check';
import { artifactPath } from './artifactPath';
import type { FormatContext } from './formatContext';

const COMMANDS: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** A command's message: `%`, CR and LF are written as `%25`, `%0D`, `%0A` (GitHub's own escaping). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: as a message, and `:` and `,` too, which would end the value. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(diagnostics: readonly FileDiagnostic[], context: FormatContext): string {
  return diagnostics
    .map((diagnostic) => {
      const { start, end } = diagnostic.range;
      const properties = [
        // Escaped as the text format escapes it: a file name's ESC must not reach the runner's log.
        ['file', escapeControlCharacters(artifactPath(diagnostic.file, context.root, context.cwd).path)],
        ['line', String(start.line + 1)],
        ['col', String(start.character + 1)],
        ['endLine', String(end.line + 1)],
        ['endColumn', String(end.character + 1)],
        ['title', diagnostic.code],
      ]
        .map(([name, value]) => `${name}=${escapeProperty(value)}`)
        .join(',');
      return `::${COMMANDS[diagnostic.severity]} ${properties}::${escapeData(diagnostic.message)}`;
    })
    .join('\n');
}
