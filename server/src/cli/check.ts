import * as fs from 'fs';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { pathToFileURL } from 'url';
import { t } from '@core/l10n';
import { OfferLanguageService } from '../languageService';
import type { OfferDocument } from '@core/model/offerDocument';
import type { OfferDiagnostic } from '../rules/diagnostic';
import { defaultRootOf } from './defaultRoot';
import { UsageError } from './usageError';

export interface CheckOptions {
  format: 'text' | 'json';
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
  let text: string;
  try {
    const stats = fs.statSync(absolutePath);
    if (!stats.isFile()) {
      throw new UsageError(t('{0} is not a file.', file));
    }
    if (stats.size > MAX_OFFER_BYTES) {
      throw new UsageError(t('{0} is larger than {1} MiB: it is not an offer file.', file, MAX_OFFER_BYTES / 1024 / 1024));
    }
    text = fs.readFileSync(absolutePath, 'utf8');
  } catch (error) {
    if (error instanceof UsageError) {
      throw error;
    }
    throw new UsageError(t('Cannot read {0}: {1}', file, (error as NodeJS.ErrnoException).code ?? String(error)));
  }
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
