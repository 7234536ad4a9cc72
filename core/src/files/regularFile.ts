/**
 * Reading one file that must be a regular file, at most a given number of bytes of it, without
 * ever blocking. A workspace someone else wrote may name a FIFO (opening it for reading waits for
 * a writer forever), a device (`/dev/zero` never ends) or a file that grows while it is read, and
 * `stat` may say one thing and `read` find another. So:
 *
 * - the path is `stat`ed first and anything but a regular file is refused without being opened
 *   (opening a device can have effects of its own);
 * - it is opened with `O_NONBLOCK` (a FIFO swapped in after the `stat` opens at once instead of
 *   waiting) and `O_NOCTTY`, then `fstat`ed: the open file itself must be a regular file, the same
 *   one that was `stat`ed;
 * - at most `maxBytes` bytes are read whatever the size said, plus one to tell "too large".
 *
 * A synchronous form for the language server and the checker (which answer from one synchronous
 * pass over the offer) and an asynchronous one for the extension host, which must never block.
 */
import * as fs from 'fs';
import { driveAsync, driveSync } from './drive';

/** A file's identity for caching: when either changes, what was read from it is stale. */
export interface FileStamp {
  mtimeMs: number;
  size: number;
}

/** Why a file gave no bytes. */
export type FileReadFailure =
  /** Nothing at that path (or a link that leads nowhere). */
  | 'not-found'
  /** A folder, FIFO, socket or device: never read. */
  | 'not-a-file'
  /** More than the bytes allowed: not read at all (or no further than the limit). */
  | 'too-large'
  /** Anything else the system refused (permissions, I/O errors). */
  | 'unreadable';

export type FileRead = { ok: true; bytes: Uint8Array; stamp: FileStamp } | { ok: false; reason: FileReadFailure };

export interface ReadOptions {
  /**
   * Read only the first `maxBytes` bytes, and accept a longer file: an image's size is in its
   * first bytes, so a 10 MB screenshot costs one small read.
   */
  head?: boolean;
  /**
   * The path is a real path (links already resolved and checked): a link found there now was put
   * there since, and is not followed.
   */
  noFollow?: boolean;
}

/** Opens for reading without waiting on a FIFO and without taking a terminal (0 where the platform lacks them). */
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOCTTY ?? 0);
const NO_FOLLOW = fs.constants.O_NOFOLLOW ?? 0;

function openFlags(options: ReadOptions): number {
  return options.noFollow ? OPEN_FLAGS | NO_FOLLOW : OPEN_FLAGS;
}

function failureOf(error: unknown): FileReadFailure {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP') {
    return 'not-found';
  }
  // EAGAIN/ENXIO: something that is not a file (a FIFO or socket) answered the open.
  if (code === 'EISDIR' || code === 'EAGAIN' || code === 'ENXIO' || code === 'EWOULDBLOCK') {
    return 'not-a-file';
  }
  return 'unreadable';
}

function sameFile(before: fs.Stats, after: fs.Stats): boolean {
  return before.dev === after.dev && before.ino === after.ino;
}

function stampOf(stats: fs.Stats): FileStamp {
  return { mtimeMs: stats.mtimeMs, size: stats.size };
}

/** The stamp of a regular file (links followed); undefined for anything else or nothing. Never opens it. */
export function regularFileStampSync(absolutePath: string): FileStamp | undefined {
  try {
    const stats = fs.statSync(absolutePath);
    return stats.isFile() ? stampOf(stats) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What reading a file asks of the file system, one operation at a time: the read is written once,
 * as steps (`readSteps`), and run synchronously or not (see drive.ts).
 */
type FileOperation =
  | { kind: 'stat'; path: string; noFollow: boolean }
  | { kind: 'open'; path: string; flags: number }
  | { kind: 'fstat' }
  | { kind: 'read'; buffer: Buffer; offset: number; length: number; position: number }
  | { kind: 'close' };

/** The read as steps: each yields an operation and is sent back its answer (or thrown its error). */
function* readSteps(absolutePath: string, maxBytes: number, options: ReadOptions): Generator<FileOperation, FileRead, unknown> {
  let before: fs.Stats;
  try {
    before = (yield { kind: 'stat', path: absolutePath, noFollow: !!options.noFollow }) as fs.Stats;
  } catch (error) {
    return { ok: false, reason: failureOf(error) };
  }
  if (!before.isFile()) {
    return { ok: false, reason: 'not-a-file' };
  }
  if (!options.head && before.size > maxBytes) {
    return { ok: false, reason: 'too-large' };
  }
  let opened = false;
  try {
    yield { kind: 'open', path: absolutePath, flags: openFlags(options) };
    opened = true;
    const stats = (yield { kind: 'fstat' }) as fs.Stats;
    if (!stats.isFile() || !sameFile(before, stats)) {
      return { ok: false, reason: 'not-a-file' };
    }
    // One byte more than allowed tells a file that grew past the limit since its stat. The buffer
    // grows as needed, never past the limit: the stat's size is a hint, not a promise.
    const wanted = options.head ? maxBytes : maxBytes + 1;
    let buffer: Buffer = Buffer.alloc(Math.min(wanted, Math.max(stats.size, 0) + 1));
    let filled = 0;
    while (filled < wanted) {
      if (filled === buffer.length) {
        buffer = grown(buffer, filled, wanted);
      }
      const count = (yield { kind: 'read', buffer, offset: filled, length: buffer.length - filled, position: filled }) as number;
      if (count === 0) {
        break;
      }
      filled += count;
    }
    if (!options.head && filled > maxBytes) {
      return { ok: false, reason: 'too-large' };
    }
    return { ok: true, bytes: buffer.subarray(0, filled), stamp: stampOf(stats) };
  } catch (error) {
    return { ok: false, reason: failureOf(error) };
  } finally {
    if (opened) {
      yield { kind: 'close' };
    }
  }
}

/** A buffer twice as large (at most `limit`) holding the first `filled` bytes of `buffer`. */
function grown(buffer: Buffer, filled: number, limit: number): Buffer {
  const larger = Buffer.alloc(Math.min(limit, Math.max(buffer.length * 2, 4096)));
  buffer.copy(larger, 0, 0, filled);
  return larger;
}

/** At most `maxBytes` of a regular file; see the module comment. Never throws. */
export function readRegularFileSync(absolutePath: string, maxBytes: number, options: ReadOptions = {}): FileRead {
  let descriptor = -1;
  const perform = (operation: FileOperation): unknown => {
    switch (operation.kind) {
      case 'stat':
        return operation.noFollow ? fs.lstatSync(operation.path) : fs.statSync(operation.path);
      case 'open':
        return (descriptor = fs.openSync(operation.path, operation.flags));
      case 'fstat':
        return fs.fstatSync(descriptor);
      case 'read':
        return fs.readSync(descriptor, operation.buffer, operation.offset, operation.length, operation.position);
      case 'close':
        // A failed close changes nothing of what was read.
        try {
          fs.closeSync(descriptor);
        } catch {
          // nothing to do
        }
        return undefined;
    }
  };
  return driveSync(readSteps(absolutePath, maxBytes, options), perform);
}

/** {@link readRegularFileSync} for the extension host: the same steps, nothing synchronous. */
export async function readRegularFile(absolutePath: string, maxBytes: number, options: ReadOptions = {}): Promise<FileRead> {
  let handle: fs.promises.FileHandle | undefined;
  const perform = async (operation: FileOperation): Promise<unknown> => {
    switch (operation.kind) {
      case 'stat':
        return operation.noFollow ? fs.promises.lstat(operation.path) : fs.promises.stat(operation.path);
      case 'open':
        return (handle = await fs.promises.open(operation.path, operation.flags));
      case 'fstat':
        return handle!.stat();
      case 'read':
        return (await handle!.read(operation.buffer, operation.offset, operation.length, operation.position)).bytesRead;
      case 'close':
        // A failed close changes nothing of what was read.
        return handle!.close().catch(() => undefined);
    }
  };
  return driveAsync(readSteps(absolutePath, maxBytes, options), perform);
}
