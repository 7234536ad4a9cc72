import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { pathToFileURL } from 'url';
import { readRegularFileSync } from '@core/files/regularFile';
import { t } from '@core/l10n';
import { escapeControlCharacters, escapeInvisiblesInJson } from '@core/text/quote';
import { OfferLanguageService, type OfferLocation } from '../languageService';
import type { OfferDocument } from '@core/model/offerDocument';
import type { OfferDiagnostic } from '../rules/diagnostic';
import { defaultRootOf } from './defaultRoot';
import { UsageError } from './usageError';

export interface CheckOptions {
  /** The workspace folder; when undefined, each offer's own repository (see defaultRootOf). */
  root: string | undefined;
  files: string[];
  /** What relative paths are relative to (the checker's working folder). */
  cwd: string;
}

export interface FileDiagnostic extends OfferDiagnostic {
  file: string;
}

/** Larger files are refused with a message rather than parsed: no real offer comes near. */
const MAX_OFFER_BYTES = 64 * 1024 * 1024;

export interface CheckedOffer {
  file: string;
  document: OfferDocument;
  diagnostics: OfferDiagnostic[];
  /** Where it was checked: its absolute path and the workspace folder (the root given or found). */
  location: OfferLocation;
}

/**
 * Reads one offer file and checks it; throws UsageError (exit 2) when it can't be read. Without a
 * root, the repository that holds the offer is its workspace folder. The file and the root are
 * resolved against `cwd`; the sub-commands reuse the location it answers rather than work it out again.
 */
export function checkFile(file: string, root: string | undefined, service: OfferLanguageService, cwd = process.cwd()): CheckedOffer {
  const absolutePath = path.resolve(cwd, file);
  // Through the shared file layer: a FIFO or a device named on the command line is refused at
  // once, and no more than the limit is read whatever its size said.
  const read = readRegularFileSync(absolutePath, MAX_OFFER_BYTES);
  if (!read.ok) {
    switch (read.reason) {
      case 'not-a-file':
        throw new UsageError(t('{0} is not a file.', file));
      case 'too-large':
        throw new UsageError(t('{0} is larger than {1} MiB: it is not an offer file.', file, MAX_OFFER_BYTES / 1024 / 1024));
      default:
        throw new UsageError(t('Cannot read {0}: {1}', file, read.reason === 'not-found' ? 'ENOENT' : read.reason));
    }
  }
  const text = Buffer.from(read.bytes).toString('utf8');
  const textDocument = TextDocument.create(pathToFileURL(absolutePath).toString(), 'marketplace-offer', 1, text);
  const location: OfferLocation = { offerPath: absolutePath, workspaceRoot: root === undefined ? defaultRootOf(absolutePath) : path.resolve(cwd, root) };
  const diagnostics = service.validate(textDocument, location);
  return { file, document: service.parse(textDocument), diagnostics, location };
}

/**
 * Checks each file; throws UsageError (exit 2) for a file that can't be read. Answers the problems
 * and the workspace folder of the first file, which the report's paths are relative to.
 */
export function checkFiles(options: CheckOptions, service = new OfferLanguageService()): { diagnostics: FileDiagnostic[]; root: string } {
  const diagnostics: FileDiagnostic[] = [];
  let root: string | undefined;
  for (const file of options.files) {
    const checked = checkFile(file, options.root, service, options.cwd);
    root ??= checked.location.workspaceRoot;
    for (const diagnostic of checked.diagnostics) {
      diagnostics.push({ file, ...diagnostic });
    }
  }
  return { diagnostics, root: root ?? path.resolve(options.cwd, options.root ?? '.') };
}

/** No line the checker prints is longer: a terminal, a CI log or an editor's problem matcher reads each whole. */
export const MAX_OUTPUT_LINE = 1000;

/**
 * One line per problem, like a compiler: `file:line:col: severity code message`. Nothing from the
 * offer or the command line reaches the terminal raw: control and direction characters in file
 * names and messages are escaped (an ESC in a value must not drive the terminal), and a line is
 * cut at MAX_OUTPUT_LINE characters (messages quote at most 60 characters of a value already, so
 * only a monstrous file name makes it long).
 */
export function formatText(diagnostics: FileDiagnostic[]): string {
  const shownFiles = new Map<string, string>();
  return diagnostics
    .map((d) => {
      let file = shownFiles.get(d.file);
      if (file === undefined) {
        file = cutInTheMiddle(escapeControlCharacters(d.file), MAX_SHOWN_FILE_NAME);
        shownFiles.set(d.file, file);
      }
      const line = `${file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code} ${escapeControlCharacters(d.message)}`;
      return cutAtTheEnd(line, MAX_OUTPUT_LINE);
    })
    .join('\n');
}

/** A longer file name is shown by its start and its end, which say which file it is. */
const MAX_SHOWN_FILE_NAME = 400;

function cutInTheMiddle(text: string, limit: number): string {
  if (text.length <= limit) {
    return text;
  }
  const half = (limit - 1) >> 1;
  return withoutHalfPairAtEnd(text.slice(0, half)) + '…' + text.slice(text.length - half).replace(/^[\udc00-\udfff]/, '');
}

function cutAtTheEnd(text: string, limit: number): string {
  return text.length <= limit ? text : withoutHalfPairAtEnd(text.slice(0, limit - 1)) + '…';
}

/** A cut must not leave half of a surrogate pair (half an emoji) at its end. */
function withoutHalfPairAtEnd(text: string): string {
  return /[\ud800-\udbff]$/.test(text) ? text.slice(0, -1) : text;
}

/** A problem as `--format json` gives it (and `readiness --format json` lists it). */
export function jsonProblem({ file, range, severity, code, message, path: pointer }: FileDiagnostic) {
  return { file, range, severity, code, message, path: pointer };
}

/**
 * One JSON array. JSON already escapes the C0 controls; DEL, the C1 controls and the direction
 * characters are escaped too (escapeInvisiblesInJson), which leaves the value the same.
 */
export function formatJson(diagnostics: FileDiagnostic[]): string {
  return escapeInvisiblesInJson(JSON.stringify(diagnostics.map(jsonProblem), null, 2));
}
