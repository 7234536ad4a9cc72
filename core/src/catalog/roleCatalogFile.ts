/**
 * A role catalog chosen by the user (`marketplaceOffer.roleCatalogPath`): the output of
 * `az role definition list`, or a file in the shape this package ships. It lets a publisher use
 * roles newer than the release without waiting for one.
 *
 * The file is read through the shared file layer (`core/src/files/regularFile.ts`): a regular file
 * only (a FIFO or a device such as `/dev/zero` is refused at once, never waited on), at most
 * {@link MAX_CATALOG_BYTES} bytes whatever its size said, and asynchronously, so that neither the
 * language server nor the extension host ever blocks on it. Its content is never quoted in a
 * message: a setting may name a file that is no catalog at all.
 *
 * Where it may be: the setting is the user's, so a user-level value may name any file (`~/roles.json`);
 * a workspace-level value counts only in a trusted workspace (the manifest lists the setting in
 * `restrictedConfigurations`, so VS Code withholds a workspace's value until the user trusts it,
 * as it withholds the workspace's tasks), and is then the user's choice as much as a user-level one.
 */
import * as os from 'os';
import * as path from 'path';
import { FileRead, readRegularFile } from '../files/regularFile';
import { t } from '../l10n';
import { escapeControlCharacters } from '../text/quote';
import { RoleCatalog } from './roleCatalog';
import { parseRoleCatalog, RoleCatalogFormatError } from './roleCatalogParser';

/** `az role definition list` prints a few MiB; anything far larger is not a catalog. */
export const MAX_CATALOG_BYTES = 64 * 1024 * 1024;

/** A catalog file that could not be used, with a message for the user. */
export class RoleCatalogFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RoleCatalogFileError';
  }
}

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

/** Reads and parses a catalog file without blocking; rejects with a RoleCatalogFileError that says what is wrong. */
export async function readRoleCatalogFile(absolutePath: string): Promise<RoleCatalog> {
  return catalogFrom(await readRegularFile(absolutePath, MAX_CATALOG_BYTES), absolutePath);
}

function catalogFrom(read: FileRead, filePath: string): RoleCatalog {
  // The path comes from a setting a workspace may write: shown with its control characters escaped.
  const absolutePath = escapeControlCharacters(filePath);
  if (!read.ok) {
    throw new RoleCatalogFileError(
      read.reason === 'too-large'
        ? t('The role catalog {0} is larger than {1} MiB: it is not a role catalog.', absolutePath, MAX_CATALOG_BYTES / 1024 / 1024)
        : t('The role catalog {0} could not be read: {1}.', absolutePath, describe(read.reason)),
    );
  }
  let json: unknown;
  try {
    const text = Buffer.from(read.bytes).toString('utf8');
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

function describe(reason: Exclude<FileRead, { ok: true }>['reason']): string {
  switch (reason) {
    case 'not-found':
      return t('the file does not exist');
    case 'not-a-file':
      return t('it is not a regular file (a folder, a pipe or a device is never read)');
    default:
      return t('the file cannot be read');
  }
}
