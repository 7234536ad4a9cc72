import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { pathToFileURL } from 'url';
import { readRegularFileSync } from '@core/files/regularFile';
import { t } from '@core/l10n';
import { OfferLanguageService } from '../languageService';
import type { OfferDocument } from '@core/model/offerDocument';
import type { OfferDiagnostic } from '../rules/diagnostic';
import { defaultRootOf } from './defaultRoot';
import { UsageError } from './usageError';

export interface CheckOptions {
  /** A name of `formats/index.ts`. */
  format: string;
  /** The workspace folder; when undefined, each offer's own repository (see defaultRootOf). */
  root: string | undefined;
  files: string[];
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
}

/**
 * Reads one offer file and checks it; throws UsageError (exit 2) when it can't be read. Without a
 * root, the repository that holds the offer is its workspace folder.
 */
export function checkFile(file: string, root: string | undefined, service: OfferLanguageService): CheckedOffer {
  const absolutePath = path.resolve(file);
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
  const workspaceRoot = root === undefined ? defaultRootOf(absolutePath) : path.resolve(root);
  const diagnostics = service.validate(textDocument, { offerPath: absolutePath, workspaceRoot });
  return { file, document: service.parse(textDocument), diagnostics };
}

/** Checks each file; throws UsageError (exit 2) for a file that can't be read. */
export function checkFiles(options: CheckOptions, service = new OfferLanguageService()): FileDiagnostic[] {
  return options.files.flatMap((file) => {
    const checked = checkFile(file, options.root, service);
    return checked.diagnostics.map((diagnostic) => ({ file, ...diagnostic }));
  });
}

export function formatText(diagnostics: FileDiagnostic[]): string {
  return diagnostics
    .map((d) => `${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code} ${d.message}`)
    .join('\n');
}

export function formatJson(diagnostics: FileDiagnostic[]): string {
  return JSON.stringify(
    diagnostics.map(({ file, range, severity, code, message, path: pointer }) => ({ file, range, severity, code, message, path: pointer })),
    null,
    2,
  );
}
