/**
 * What the language server tells the Marketplace Offer output channel (*Show Output*): that it
 * started and with what, the role catalog in use, offers opened and closed, files that changed on
 * disk and made it check again, and what failed. One line each, through the connection's console
 * (the client shows them with their time and level). Never an offer's content: a value could be
 * a secret, so lines name files and counts only, with control characters escaped and anything
 * that looks like a secret hidden (a failure's message may quote a value). Every line the server
 * logs comes through here.
 */
import * as path from 'path';
import { pathOfFileUri } from '@core/files/fileUri';
import { escapeControlCharacters } from '@core/text/quote';
import { redactSecrets } from '@core/text/secrets';

/** `connection.console` fits; so does a test's recorder. */
export interface LogConsole {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface StartInfo {
  locale: string | undefined;
  workspaceFolders: readonly string[];
  pullDiagnostics: boolean;
  builtinRoles: number;
}

export class ServerLog {
  constructor(private readonly console: LogConsole) {}

  info(message: string): void {
    this.console.info(escapeControlCharacters(redactSecrets(message)));
  }

  warn(message: string): void {
    this.console.warn(escapeControlCharacters(redactSecrets(message)));
  }

  /** Also the guards' logger: a handler that throws is logged here, with its stack. */
  error(message: string): void {
    // A stack's line breaks are kept; anything else that would act on a terminal is escaped.
    this.console.error(redactSecrets(message).split('\n').map(escapeControlCharacters).join('\n'));
  }

  started({ locale, workspaceFolders, pullDiagnostics, builtinRoles }: StartInfo): void {
    const folders = workspaceFolders.length === 0 ? 'no workspace folder' : `workspace folders: ${workspaceFolders.join(', ')}`;
    this.info(
      `Marketplace Offer language server started (Node ${process.versions.node}, locale ${locale ?? 'en'}, ${
        pullDiagnostics ? 'pull' : 'push'
      } diagnostics; ${folders}).`,
    );
    this.info(`Role catalog: ${builtinRoles} built-in roles, shipped with the extension (marketplaceOffer.roleCatalogPath names another).`);
  }

  opened(uri: string, version: number): void {
    this.info(`Opened ${fileName(uri)} (version ${version}).`);
  }

  closed(uri: string): void {
    this.info(`Closed ${fileName(uri)}.`);
  }

  /** Images, audience CSVs or a baseline changed on disk: what was read of them is read again. */
  filesChanged(changes: readonly { uri: string }[], openOffers: number): void {
    const shown = changes.slice(0, 3).map((change) => fileName(change.uri));
    const more = changes.length > shown.length ? ` and ${changes.length - shown.length} more` : '';
    this.info(
      `${changes.length === 1 ? '1 file' : `${changes.length} files`} changed on disk (${shown.join(', ')}${more}): ${
        openOffers === 1 ? '1 open offer' : `${openOffers} open offers`
      } checked again, files re-read.`,
    );
  }
}

/** A file's path for a `file:` URI, else the URI itself. */
function fileName(uri: string): string {
  const filePath = pathOfFileUri(uri);
  return filePath === undefined ? uri : path.normalize(filePath);
}
