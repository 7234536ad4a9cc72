/**
 * A role catalog chosen by the user (`marketplaceOffer.roleCatalogPath`): the output of
 * `az role definition list`, or a file in the shape this package ships. It lets a publisher use
 * roles newer than the release without waiting for one.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { t } from '../l10n';
import { RoleCatalog } from './roleCatalog';
import { parseRoleCatalog, RoleCatalogFormatError } from './roleCatalogParser';

/** `az role definition list` prints a few MiB; anything far larger is not a catalog. */
const MAX_CATALOG_BYTES = 64 * 1024 * 1024;

/** A catalog file that could not be used, with a message for the user. */
export class RoleCatalogFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RoleCatalogFileError';
  }
}

/** How the loader reads a file (tests give their own). */
export interface CatalogFileReader {
  size(absolutePath: string): number;
  read(absolutePath: string): string;
}

const nodeReader: CatalogFileReader = {
  size: (absolutePath) => fs.statSync(absolutePath).size,
  read: (absolutePath) => fs.readFileSync(absolutePath, 'utf8'),
};

/**
 * The absolute path a setting names: `~` is the home folder, `${workspaceFolder}` and relative
 * paths are taken from the first workspace folder. Undefined when the setting is empty or a
 * relative path has no folder to be relative to.
 */
export function resolveCatalogPath(setting: string | undefined, workspaceFolders: readonly string[]): string | undefined {
  const trimmed = (setting ?? '').trim();
  if (trimmed === '') {
    return undefined;
  }
  const folder = workspaceFolders[0];
  let expanded = trimmed;
  if (expanded.includes('${workspaceFolder}')) {
    if (!folder) {
      return undefined;
    }
    expanded = expanded.split('${workspaceFolder}').join(folder);
  }
  if (expanded === '~' || expanded.startsWith('~/') || expanded.startsWith('~\\')) {
    expanded = path.join(os.homedir(), expanded.slice(1));
  }
  if (path.isAbsolute(expanded)) {
    return path.normalize(expanded);
  }
  return folder ? path.resolve(folder, expanded) : undefined;
}

/** Reads and parses a catalog file; throws a RoleCatalogFileError that says what is wrong. */
export function loadRoleCatalogFile(absolutePath: string, reader: CatalogFileReader = nodeReader): RoleCatalog {
  let text: string;
  try {
    const size = reader.size(absolutePath);
    if (size > MAX_CATALOG_BYTES) {
      throw new RoleCatalogFileError(
        t('The role catalog {0} has {1} MiB; a role catalog is at most {2} MiB.', absolutePath, Math.ceil(size / 1024 / 1024), MAX_CATALOG_BYTES / 1024 / 1024),
      );
    }
    text = reader.read(absolutePath);
  } catch (error) {
    if (error instanceof RoleCatalogFileError) {
      throw error;
    }
    throw new RoleCatalogFileError(t('The role catalog {0} could not be read: {1}', absolutePath, describe(error)));
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    // The parser's message quotes the file's first characters: not repeated to the user, in case
    // the setting names a file that is no catalog at all.
    throw new RoleCatalogFileError(t('The role catalog {0} is not valid JSON: use the output of `az role definition list`.', absolutePath));
  }
  try {
    return new RoleCatalog(parseRoleCatalog(json));
  } catch (error) {
    if (error instanceof RoleCatalogFormatError) {
      throw new RoleCatalogFileError(
        error.reason === 'not-an-array'
          ? t('The role catalog {0} is not a JSON array of role definitions: use the output of `az role definition list`.', absolutePath)
          : t('The role catalog {0} holds no built-in role definitions: use the output of `az role definition list`.', absolutePath),
      );
    }
    throw error;
  }
}

function describe(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && (error as { code: unknown }).code === 'ENOENT') {
    return t('the file does not exist');
  }
  return error instanceof Error ? error.message : String(error);
}
