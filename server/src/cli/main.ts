#!/usr/bin/env node
/**
 * `offer-lint`: the offer checker for the command line and CI, on the same language service as
 * the editor. Exit codes: 0 no errors, 1 errors found, 2 bad usage or an unreadable file.
 */
import { setLocale, t } from '../l10n';
import { checkFiles, formatJson, formatText } from './check';
import { UsageError } from './usageError';

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
}

/** A sub-command (`export-arm`, `import-arm`…): gets the arguments after its name. */
export type SubCommand = (args: string[], io: CliIO) => number;

export const subCommands: Record<string, SubCommand> = {};

function usage(): string {
  return [
    t('Usage: offer-lint [--format text|json] [--root DIR] [--locale en|ko] FILE…'),
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
  let format: 'text' | 'json' = 'text';
  let root = io.cwd;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? args[++i];
      if (v === undefined) {
        throw new UsageError(t('{0} needs a value.', flag));
      }
      return v;
    };
    if (flag === '--format') {
      const v = value();
      if (v !== 'text' && v !== 'json') {
        throw new UsageError(t("Unknown format '{0}': use text or json.", v));
      }
      format = v;
    } else if (flag === '--root') {
      root = value();
    } else if (flag === '--help' || flag === '-h') {
      io.stdout(usage());
      return 0;
    } else if (flag.startsWith('-') && flag !== '-') {
      throw new UsageError(t("Unknown option '{0}'.", flag));
    } else {
      files.push(arg);
    }
  }
  if (files.length === 0) {
    throw new UsageError(t('No offer file given.'));
  }
  const diagnostics = checkFiles({ format, root, files });
  const output = format === 'json' ? formatJson(diagnostics) : formatText(diagnostics);
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

if (require.main === module) {
  const code = runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text + '\n'),
    stderr: (text) => process.stderr.write(text + '\n'),
    cwd: process.cwd(),
  });
  process.exitCode = code;
}
