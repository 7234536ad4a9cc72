/**
 * The one way the extension and the checker write files (exported templates, the published
 * baseline, a new offer). A repository written by someone else may have put a symbolic link
 * where a file is about to be written, or a name may have come from the offer itself; so:
 *
 * - every file name is a plain name (no separator, no `..`), and the folder and each file must
 *   resolve inside the boundary (the workspace folder, or the folder the user chose outside it);
 * - nothing is written through a link: each target and each folder created is `lstat`ed, and a
 *   link there (even one that leads nowhere) is refused;
 * - a missing output folder is created, one level at a time, inside the boundary;
 * - each file is written to a temporary file in the same folder, opened exclusively (so never
 *   through a link either), then moved into place: a reader sees the old file or the new one;
 * - an existing file is replaced only after `confirmOverwrite` says yes (the editor asks in a
 *   modal dialog, the checker needs `--force`), and a file that appears meanwhile is not replaced.
 *
 * A synchronous form for the checker and an asynchronous one for the extension host.
 */
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { t } from '../l10n';
import { escapeControlCharacters } from '../text/quote';
import { driveAsync, driveSync } from './drive';
import { isInside, realPath, realPathSync } from './insideFolder';

export interface FileToWrite {
  /** A plain file name: no folder, no `..`. */
  name: string;
  contents: string | Uint8Array;
}

export interface WriteRequest {
  /** The folder the files go in (absolute); created when missing. */
  folder: string;
  /** Everything written must resolve inside it: see {@link writeBoundary}. */
  boundary: string;
  files: readonly FileToWrite[];
}

/** Why nothing (or not everything) was written. */
export type WriteRefusal = 'bad-name' | 'outside' | 'symlink' | 'not-a-folder' | 'not-a-file' | 'declined' | 'changed' | 'failed';

/** `path`: the file or folder concerned; `existing`: for `declined`, the files that would have been replaced. */
export type WriteFailure = { ok: false; reason: WriteRefusal; path: string; message: string; existing?: string[] };

export type WriteOutcome = { ok: true; written: string[] } | WriteFailure;

/** Asked once with every file that would be replaced; false leaves them all as they are. */
export type ConfirmOverwrite = (existing: readonly string[]) => boolean | Promise<boolean>;

/**
 * The boundary for a folder the user chose: the workspace folder when the chosen folder is in it
 * as written (a link inside the workspace then can't lead the files out of it), else the chosen
 * folder itself (the user named a place outside the workspace on purpose).
 */
export function writeBoundary(folder: string, workspaceRoot: string | undefined): string {
  return workspaceRoot !== undefined && isInside(path.resolve(workspaceRoot), path.resolve(folder)) ? path.resolve(workspaceRoot) : path.resolve(folder);
}

/** A name that is one file in the folder: not empty, no separator, not `.` or `..`, no NUL. */
export function isPlainFileName(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && !/[\\/\0]/.test(name) && path.basename(name) === name;
}

const shown = (file: string) => escapeControlCharacters(file);

function refusal(reason: WriteRefusal, file: string, detail?: string): WriteFailure {
  const messages: Record<WriteRefusal, string> = {
    'bad-name': t('{0} is not a plain file name: nothing was written.', shown(file)),
    outside: t('{0} leads outside {1}: nothing was written there.', shown(file), shown(detail ?? '')),
    symlink: t('{0} is a symbolic link: nothing is written through a link. Remove the link or choose another folder.', shown(file)),
    'not-a-folder': t('{0} exists and is not a folder: nothing was written.', shown(file)),
    'not-a-file': t('{0} exists and is not a regular file: nothing was written.', shown(file)),
    declined: t('{0} already exists: nothing was replaced.', shown(file)),
    changed: t('{0} changed while it was being written: it was left as it is.', shown(file)),
    failed: t('Cannot write {0}: {1}', shown(file), detail ?? ''),
  };
  return { ok: false, reason, path: file, message: messages[reason] };
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException | undefined)?.code ?? (error instanceof Error ? error.message : String(error));
}

/** What is at a target path now: nothing, a regular file (with its mode), or something not to write over. */
type TargetState = { kind: 'missing' } | { kind: 'file'; mode: number } | { kind: 'symlink' } | { kind: 'other' };

function stateOf(stats: fs.Stats | undefined): TargetState {
  if (!stats) {
    return { kind: 'missing' };
  }
  if (stats.isSymbolicLink()) {
    return { kind: 'symlink' };
  }
  return stats.isFile() ? { kind: 'file', mode: stats.mode & 0o777 } : { kind: 'other' };
}

/** The request's checks that need no disk: names and the folder as written. */
function checkRequest(request: WriteRequest): WriteFailure | undefined {
  const bad = request.files.find((file) => !isPlainFileName(file.name));
  if (bad) {
    return refusal('bad-name', bad.name);
  }
  if (!isInside(path.resolve(request.boundary), path.resolve(request.folder))) {
    return refusal('outside', request.folder, request.boundary);
  }
  return undefined;
}

/** The output folder, links resolved, must be a folder: a link still there leads nowhere. */
function folderRefusal(stats: fs.Stats, folder: string): WriteFailure | undefined {
  if (stats.isSymbolicLink()) {
    return refusal('symlink', folder);
  }
  return stats.isDirectory() ? undefined : refusal('not-a-folder', folder);
}

function temporaryName(name: string): string {
  return `.${name}.${randomBytes(6).toString('hex')}.tmp`;
}

function bytesOf(contents: string | Uint8Array): Uint8Array {
  return typeof contents === 'string' ? Buffer.from(contents, 'utf8') : contents;
}

/**
 * What writing asks of the file system, one operation at a time: the write is written once, as
 * steps (`writeSteps`), and run synchronously by the checker or asynchronously by the extension
 * (see drive.ts). At most one file is open at a time (`create` … `close`).
 */
type WriteOperation =
  | { kind: 'realPath'; path: string }
  /** The entry itself (a link is not followed); undefined when there is none. */
  | { kind: 'lstat'; path: string }
  | { kind: 'mkdir'; path: string }
  | { kind: 'confirm'; existing: readonly string[] }
  /** Created exclusively ('wx'): a link or file already at that name fails it. */
  | { kind: 'create'; path: string; mode: number }
  /** Into the file `create` opened, then flushed to disk. */
  | { kind: 'writeAll'; bytes: Uint8Array }
  | { kind: 'close' }
  | { kind: 'link'; from: string; to: string }
  | { kind: 'rename'; from: string; to: string }
  | { kind: 'remove'; path: string };

/** The write as steps; see the module comment for what each check is for. */
function* writeSteps(request: WriteRequest): Generator<WriteOperation, WriteOutcome, unknown> {
  const invalid = checkRequest(request);
  if (invalid) {
    return invalid;
  }
  let current = request.folder;
  try {
    const realBoundary = (yield { kind: 'realPath', path: request.boundary }) as string;
    // Checked before anything is created: an existing ancestor may be a link out of the boundary.
    if (!isInside(realBoundary, (yield { kind: 'realPath', path: request.folder }) as string)) {
      return refusal('outside', request.folder, request.boundary);
    }
    // Each folder created is a real folder, not a link someone put there meanwhile.
    for (const folder of yield* missingFolders(request.folder)) {
      current = folder;
      yield { kind: 'mkdir', path: folder };
      if (stateOf((yield { kind: 'lstat', path: folder }) as fs.Stats | undefined).kind === 'symlink') {
        return refusal('symlink', folder);
      }
    }
    current = request.folder;
    const realFolder = (yield { kind: 'realPath', path: request.folder }) as string;
    if (!isInside(realBoundary, realFolder)) {
      return refusal('outside', request.folder, request.boundary);
    }
    const folderStats = (yield { kind: 'lstat', path: realFolder }) as fs.Stats | undefined;
    const folderProblem = folderStats ? folderRefusal(folderStats, request.folder) : refusal('not-a-folder', request.folder);
    if (folderProblem) {
      return folderProblem;
    }
    const targets = request.files.map((file) => ({ file, target: path.join(realFolder, file.name), shownPath: path.join(request.folder, file.name) }));
    const states: TargetState[] = [];
    for (const { target, shownPath } of targets) {
      current = shownPath;
      const state = stateOf((yield { kind: 'lstat', path: target }) as fs.Stats | undefined);
      if (state.kind === 'symlink' || state.kind === 'other') {
        return refusal(state.kind === 'symlink' ? 'symlink' : 'not-a-file', shownPath);
      }
      states.push(state);
    }
    const existing = targets.filter((_, i) => states[i].kind === 'file').map(({ shownPath }) => shownPath);
    if (existing.length > 0 && !((yield { kind: 'confirm', existing }) as boolean)) {
      return { ...refusal('declined', existing.join(', ')), existing };
    }
    const written: string[] = [];
    for (const [i, { file, target, shownPath }] of targets.entries()) {
      current = shownPath;
      const outcome = yield* replaceSteps(realFolder, target, file, states[i]);
      if (outcome !== undefined) {
        return refusal(outcome, shownPath);
      }
      written.push(shownPath);
    }
    return { ok: true, written };
  } catch (error) {
    return refusal('failed', current, errorCode(error));
  }
}

/** The folders from the folder up to (not including) its nearest existing ancestor, nearest last. */
function* missingFolders(folder: string): Generator<WriteOperation, string[], unknown> {
  const missing: string[] = [];
  let current = path.resolve(folder);
  while ((yield { kind: 'lstat', path: current }) === undefined) {
    missing.push(current);
    const parent = path.dirname(current);
    if (parent === current) {
      break;
    }
    current = parent;
  }
  return missing.reverse();
}

/** Puts one file in place through a temporary file; a refusal when the target changed meanwhile. */
function* replaceSteps(folder: string, target: string, file: FileToWrite, expected: TargetState): Generator<WriteOperation, WriteRefusal | undefined, unknown> {
  const temporary = path.join(folder, temporaryName(file.name));
  // Created before the cleanup below is armed: a file that was already at the temporary name is not ours to remove.
  yield { kind: 'create', path: temporary, mode: expected.kind === 'file' ? expected.mode : 0o666 };
  try {
    try {
      yield { kind: 'writeAll', bytes: bytesOf(file.contents) };
    } finally {
      yield { kind: 'close' };
    }
    const now = stateOf((yield { kind: 'lstat', path: target }) as fs.Stats | undefined);
    if (now.kind !== expected.kind) {
      return 'changed';
    }
    if (now.kind === 'missing') {
      // link() fails if a file appeared meanwhile; where links are unsupported, rename is the fallback.
      try {
        yield { kind: 'link', from: temporary, to: target };
        return undefined;
      } catch (error) {
        if (errorCode(error) === 'EEXIST') {
          return 'changed';
        }
      }
    }
    // rename replaces the directory entry itself: it never writes through a link.
    yield { kind: 'rename', from: temporary, to: target };
    return undefined;
  } finally {
    yield { kind: 'remove', path: temporary };
  }
}

function missingIsUndefined<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch (error) {
    if (errorCode(error) === 'ENOENT') {
      return undefined;
    }
    throw error;
  }
}

/** Writes the files as the module comment says; never throws. */
export function writeFilesSafelySync(request: WriteRequest, confirmOverwrite: (existing: readonly string[]) => boolean): WriteOutcome {
  let descriptor = -1;
  return driveSync(writeSteps(request), (operation: WriteOperation): unknown => {
    switch (operation.kind) {
      case 'realPath':
        return realPathSync(operation.path);
      case 'lstat':
        return missingIsUndefined(() => fs.lstatSync(operation.path));
      case 'mkdir':
        return fs.mkdirSync(operation.path);
      case 'confirm':
        return confirmOverwrite(operation.existing);
      case 'create':
        return (descriptor = fs.openSync(operation.path, 'wx', operation.mode));
      case 'writeAll':
        fs.writeFileSync(descriptor, operation.bytes);
        return fs.fsyncSync(descriptor);
      case 'close':
        return fs.closeSync(descriptor);
      case 'link':
        return fs.linkSync(operation.from, operation.to);
      case 'rename':
        return fs.renameSync(operation.from, operation.to);
      case 'remove':
        return fs.rmSync(operation.path, { force: true });
    }
  });
}

/** {@link writeFilesSafelySync} for the extension host: the same steps, nothing synchronous. */
export async function writeFilesSafely(request: WriteRequest, confirmOverwrite: ConfirmOverwrite): Promise<WriteOutcome> {
  let handle: fs.promises.FileHandle | undefined;
  return driveAsync(writeSteps(request), async (operation: WriteOperation): Promise<unknown> => {
    switch (operation.kind) {
      case 'realPath':
        return realPath(operation.path);
      case 'lstat':
        return fs.promises.lstat(operation.path).catch((error: unknown) => {
          if (errorCode(error) === 'ENOENT') {
            return undefined;
          }
          throw error;
        });
      case 'mkdir':
        return fs.promises.mkdir(operation.path);
      case 'confirm':
        return confirmOverwrite(operation.existing);
      case 'create':
        return (handle = await fs.promises.open(operation.path, 'wx', operation.mode));
      case 'writeAll':
        await handle!.writeFile(operation.bytes);
        return handle!.sync();
      case 'close':
        return handle!.close();
      case 'link':
        return fs.promises.link(operation.from, operation.to);
      case 'rename':
        return fs.promises.rename(operation.from, operation.to);
      case 'remove':
        return fs.promises.rm(operation.path, { force: true });
    }
  });
}

/**
 * The first of `names` that nothing in `folder` has taken yet, a link included (even one that
 * leads nowhere): for a command that must never replace a file, such as New Offer.
 */
export async function firstUnusedName(folder: string, names: readonly string[]): Promise<string | undefined> {
  for (const name of names) {
    try {
      await fs.promises.lstat(path.join(folder, name));
    } catch {
      return name;
    }
  }
  return undefined;
}
