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

function lstatOrMissingSync(file: string): fs.Stats | undefined {
  try {
    return fs.lstatSync(file);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') {
      return undefined;
    }
    throw error;
  }
}

async function lstatOrMissing(file: string): Promise<fs.Stats | undefined> {
  try {
    return await fs.promises.lstat(file);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') {
      return undefined;
    }
    throw error;
  }
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

/** The folders from the folder up to (not including) its nearest existing ancestor, nearest last. */
function missingFoldersSync(folder: string): string[] {
  const missing: string[] = [];
  let current = path.resolve(folder);
  while (lstatOrMissingSync(current) === undefined) {
    missing.push(current);
    const parent = path.dirname(current);
    if (parent === current) {
      break;
    }
    current = parent;
  }
  return missing.reverse();
}

async function missingFolders(folder: string): Promise<string[]> {
  const missing: string[] = [];
  let current = path.resolve(folder);
  while ((await lstatOrMissing(current)) === undefined) {
    missing.push(current);
    const parent = path.dirname(current);
    if (parent === current) {
      break;
    }
    current = parent;
  }
  return missing.reverse();
}

function temporaryName(name: string): string {
  return `.${name}.${randomBytes(6).toString('hex')}.tmp`;
}

function bytesOf(contents: string | Uint8Array): Uint8Array {
  return typeof contents === 'string' ? Buffer.from(contents, 'utf8') : contents;
}

/** Writes the files as the module comment says; never throws. */
export function writeFilesSafelySync(request: WriteRequest, confirmOverwrite: (existing: readonly string[]) => boolean): WriteOutcome {
  const invalid = checkRequest(request);
  if (invalid) {
    return invalid;
  }
  let current = request.folder;
  try {
    const realBoundary = realPathSync(request.boundary);
    // Checked before anything is created: an existing ancestor may be a link out of the boundary.
    if (!isInside(realBoundary, realPathSync(request.folder))) {
      return refusal('outside', request.folder, request.boundary);
    }
    // Each folder created is a real folder, not a link someone put there meanwhile.
    for (const folder of missingFoldersSync(request.folder)) {
      current = folder;
      fs.mkdirSync(folder);
      const created = stateOf(fs.lstatSync(folder));
      if (created.kind === 'symlink') {
        return refusal('symlink', folder);
      }
    }
    current = request.folder;
    const realFolder = realPathSync(request.folder);
    if (!isInside(realBoundary, realFolder)) {
      return refusal('outside', request.folder, request.boundary);
    }
    const folderProblem = folderRefusal(fs.lstatSync(realFolder), request.folder);
    if (folderProblem) {
      return folderProblem;
    }
    const targets = request.files.map((file) => ({ file, target: path.join(realFolder, file.name), shownPath: path.join(request.folder, file.name) }));
    const states: TargetState[] = [];
    for (const { target, shownPath } of targets) {
      current = shownPath;
      const state = stateOf(lstatOrMissingSync(target));
      if (state.kind === 'symlink' || state.kind === 'other') {
        return refusal(state.kind === 'symlink' ? 'symlink' : 'not-a-file', shownPath);
      }
      states.push(state);
    }
    const existing = targets.filter((_, i) => states[i].kind === 'file').map(({ shownPath }) => shownPath);
    if (existing.length > 0 && !confirmOverwrite(existing)) {
      return { ...refusal('declined', existing.join(', ')), existing };
    }
    const written: string[] = [];
    for (const [i, { file, target, shownPath }] of targets.entries()) {
      current = shownPath;
      const outcome = replaceSync(realFolder, target, file, states[i]);
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

/** Puts one file in place through a temporary file; a refusal when the target changed meanwhile. */
function replaceSync(folder: string, target: string, file: FileToWrite, expected: TargetState): WriteRefusal | undefined {
  const temporary = path.join(folder, temporaryName(file.name));
  // 'wx': created exclusively, so a link or file already at the temporary name fails the open.
  const descriptor = fs.openSync(temporary, 'wx', expected.kind === 'file' ? expected.mode : 0o666);
  try {
    try {
      fs.writeFileSync(descriptor, bytesOf(file.contents));
      fs.fsyncSync(descriptor);
    } finally {
      fs.closeSync(descriptor);
    }
    const now = stateOf(lstatOrMissingSync(target));
    if (now.kind !== expected.kind) {
      return 'changed';
    }
    if (now.kind === 'missing') {
      // link() fails if a file appeared meanwhile; where links are unsupported, rename is the fallback.
      try {
        fs.linkSync(temporary, target);
        return undefined;
      } catch (error) {
        if (errorCode(error) === 'EEXIST') {
          return 'changed';
        }
      }
    }
    // rename replaces the directory entry itself: it never writes through a link.
    fs.renameSync(temporary, target);
    return undefined;
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}

/** {@link writeFilesSafelySync} for the extension host: the same checks, nothing synchronous. */
export async function writeFilesSafely(request: WriteRequest, confirmOverwrite: ConfirmOverwrite): Promise<WriteOutcome> {
  const invalid = checkRequest(request);
  if (invalid) {
    return invalid;
  }
  let current = request.folder;
  try {
    const realBoundary = await realPath(request.boundary);
    if (!isInside(realBoundary, await realPath(request.folder))) {
      return refusal('outside', request.folder, request.boundary);
    }
    for (const folder of await missingFolders(request.folder)) {
      current = folder;
      await fs.promises.mkdir(folder);
      const created = stateOf(await fs.promises.lstat(folder));
      if (created.kind === 'symlink') {
        return refusal('symlink', folder);
      }
    }
    current = request.folder;
    const realFolder = await realPath(request.folder);
    if (!isInside(realBoundary, realFolder)) {
      return refusal('outside', request.folder, request.boundary);
    }
    const folderProblem = folderRefusal(await fs.promises.lstat(realFolder), request.folder);
    if (folderProblem) {
      return folderProblem;
    }
    const targets = request.files.map((file) => ({ file, target: path.join(realFolder, file.name), shownPath: path.join(request.folder, file.name) }));
    const states: TargetState[] = [];
    for (const { target, shownPath } of targets) {
      current = shownPath;
      const state = stateOf(await lstatOrMissing(target));
      if (state.kind === 'symlink' || state.kind === 'other') {
        return refusal(state.kind === 'symlink' ? 'symlink' : 'not-a-file', shownPath);
      }
      states.push(state);
    }
    const existing = targets.filter((_, i) => states[i].kind === 'file').map(({ shownPath }) => shownPath);
    if (existing.length > 0 && !(await confirmOverwrite(existing))) {
      return { ...refusal('declined', existing.join(', ')), existing };
    }
    const written: string[] = [];
    for (const [i, { file, target, shownPath }] of targets.entries()) {
      current = shownPath;
      const outcome = await replace(realFolder, target, file, states[i]);
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

async function replace(folder: string, target: string, file: FileToWrite, expected: TargetState): Promise<WriteRefusal | undefined> {
  const temporary = path.join(folder, temporaryName(file.name));
  const handle = await fs.promises.open(temporary, 'wx', expected.kind === 'file' ? expected.mode : 0o666);
  try {
    try {
      await handle.writeFile(bytesOf(file.contents));
      await handle.sync();
    } finally {
      await handle.close();
    }
    const now = stateOf(await lstatOrMissing(target));
    if (now.kind !== expected.kind) {
      return 'changed';
    }
    if (now.kind === 'missing') {
      try {
        await fs.promises.link(temporary, target);
        return undefined;
      } catch (error) {
        if (errorCode(error) === 'EEXIST') {
          return 'changed';
        }
      }
    }
    await fs.promises.rename(temporary, target);
    return undefined;
  } finally {
    await fs.promises.rm(temporary, { force: true });
  }
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
