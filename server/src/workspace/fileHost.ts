import * as fs from 'fs';
import * as path from 'path';

/** A file's identity for caching: when either changes, what was read from it is stale. */
export interface FileStamp {
  mtimeMs: number;
  size: number;
}

/** The file system as the language service sees it: tests give an in-memory one. */
export interface FileHost {
  /** undefined when the path does not exist or is not a regular file. */
  stat(absolutePath: string): FileStamp | undefined;
  readFile(absolutePath: string): Uint8Array | undefined;
  /**
   * At most the first `bytes` bytes of the file (fewer when it is shorter): an image's size is in
   * its first bytes, so a 10 MB screenshot costs one small read.
   */
  readHead(absolutePath: string, bytes: number): Uint8Array | undefined;
  /** The names in a folder (undefined when it is not one): to suggest a path for a mistyped one. */
  readDirectory(absolutePath: string): string[] | undefined;
  /**
   * The path with symbolic links resolved (so a link can't lead outside the workspace). A path
   * that does not exist keeps its missing tail, appended to its nearest existing ancestor resolved.
   */
  realPath(absolutePath: string): string;
}

export const nodeFileHost: FileHost = {
  stat(absolutePath) {
    try {
      const stats = fs.statSync(absolutePath);
      return stats.isFile() ? { mtimeMs: stats.mtimeMs, size: stats.size } : undefined;
    } catch {
      return undefined;
    }
  },
  readFile(absolutePath) {
    try {
      return fs.readFileSync(absolutePath);
    } catch {
      return undefined;
    }
  },
  readHead(absolutePath, bytes) {
    let descriptor: number | undefined;
    try {
      descriptor = fs.openSync(absolutePath, 'r');
      const buffer = Buffer.alloc(bytes);
      let filled = 0;
      // readSync may return fewer bytes than asked before the end of the file.
      while (filled < bytes) {
        const count = fs.readSync(descriptor, buffer, filled, bytes - filled, filled);
        if (count === 0) {
          break;
        }
        filled += count;
      }
      return buffer.subarray(0, filled);
    } catch {
      return undefined;
    } finally {
      if (descriptor !== undefined) {
        fs.closeSync(descriptor);
      }
    }
  },
  readDirectory(absolutePath) {
    try {
      return fs.readdirSync(absolutePath);
    } catch {
      return undefined;
    }
  },
  realPath(absolutePath) {
    return realPathOfNearestExisting(absolutePath, (candidate) => fs.realpathSync.native(candidate));
  },
};

/**
 * Resolves links in the longest existing prefix of a path and keeps the rest as written: a link
 * to a folder outside the workspace is caught even when the file named below it doesn't exist.
 */
export function realPathOfNearestExisting(absolutePath: string, realpath: (candidate: string) => string): string {
  const missing: string[] = [];
  let current = path.resolve(absolutePath);
  for (;;) {
    try {
      return path.join(realpath(current), ...missing.reverse());
    } catch {
      const parent = path.dirname(current);
      if (parent === current) {
        return path.resolve(absolutePath);
      }
      missing.push(path.basename(current));
      current = parent;
    }
  }
}
