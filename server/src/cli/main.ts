#!/usr/bin/env node
/**
 * `offer-lint`: the offer checker for the command line and CI, on the same language service as
 * the editor. Exit codes: 0 no errors, 1 errors found, 2 bad usage or an unreadable file.
 */
import { setLocale, t } from '@core/l10n';
import { escapeControlCharacters } from '@core/text/quote';
import { checkFiles } from './check';
import { reportFormats } from './formats';
import { exportArmCommand, importArmCommand } from './armCommands';
import { handoffCommand } from './handoff';
import { parseOptions } from './options';
import { readinessCommand } from './readiness';
import { UsageError } from './usageError';

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
}

/** A sub-command (`export-arm`, `import-arm`…): gets the arguments after its name. */
export type SubCommand = (args: string[], io: CliIO) => number;

export const subCommands: Record<string, SubCommand> = {
  'export-arm': exportArmCommand,
  'import-arm': importArmCommand,
  readiness: readinessCommand,
  handoff: handoffCommand,
};

function usage(): string {
  return [
    t('Usage: offer-lint [--format text|json|sarif|github] [--root DIR] [--locale en|ko] FILE…'),
    t('       offer-lint export-arm OFFER --plan ID [--scope subscription|resourceGroup] --out DIR [--root DIR] [--force]'),
    t('       offer-lint import-arm TEMPLATE [PARAMETERS]'),
    t('       offer-lint readiness OFFER [--format text|json] [--root DIR]'),
    t('       offer-lint handoff OFFER [--format markdown|json] [--root DIR]'),
    t('Checks managed service offer files and prints each problem.'),
    t('Exit code: 0 no errors, 1 errors found, 2 bad usage or unreadable file.'),
  ].join('\n');
}

/** Pulls `--locale` out first, so that even usage errors speak the asked language. */
function takeLocale(args: string[]): string[] {
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--locale') {
      setLocale(args[++i]);
    } else if (args[i].startsWith('--locale=')) {
      setLocale(args[i].slice('--locale='.length));
    } else {
      rest.push(args[i]);
    }
  }
  return rest;
}

function runCheck(args: string[], io: CliIO): number {
  const { options, flags, positional: files } = parseOptions(args, ['--format', '--root'], ['--help', '-h']);
  if (flags.has('--help') || flags.has('-h')) {
    io.stdout(usage());
    return 0;
  }
  const format = options.get('--format') ?? 'text';
  const report = reportFormats.get(format);
  if (!report) {
    throw new UsageError(t("Unknown format '{0}': use {1}.", format, [...reportFormats.keys()].join(', ')));
  }
  if (files.length === 0) {
    throw new UsageError(t('No offer file given.'));
  }
  // Report paths are relative to --root, or to the repository of the first offer (the default root).
  const { diagnostics, root } = checkFiles({ root: options.get('--root'), files, cwd: io.cwd });
  const output = report(diagnostics, { root, cwd: io.cwd });
  if (output) {
    io.stdout(output);
  }
  return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}

export function runCli(argv: string[], io: CliIO): number {
  try {
    const args = takeLocale(argv);
    const sub = args[0] !== undefined ? subCommands[args[0]] : undefined;
    return sub ? sub(args.slice(1), io) : runCheck(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`offer-lint: ${error.message}\n${usage()}`);
      return 2;
    }
    io.stderr(`offer-lint: ${t('internal error: {0}', error instanceof Error ? error.message : String(error))}`);
    return 2;
  }
}

/** What goes to stderr names files and options as given: escaped line by line, like the problems. */
function escapedLines(text: string): string {
  return text
    .split('\n')
    .map((line) => escapeControlCharacters(line))
    .join('\n');
}

/**
 * `offer-lint … | head -1` closes the pipe after one line: the rest of the output has nowhere to
 * go, and the checker ends quietly with its exit code instead of an EPIPE stack trace.
 */
function endQuietlyWhenOutputCloses(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') {
      process.stderr.write(`offer-lint: ${escapedLines(error.message)}\n`);
    }
    process.exit(error.code === 'EPIPE' ? (process.exitCode ?? 0) : 2);
  });
}

if (require.main === module) {
  endQuietlyWhenOutputCloses(process.stdout);
  endQuietlyWhenOutputCloses(process.stderr);
  const code = runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text + '\n'),
    stderr: (text) => process.stderr.write(escapedLines(text) + '\n'),
    cwd: process.cwd(),
  });
  process.exitCode = code;
}
