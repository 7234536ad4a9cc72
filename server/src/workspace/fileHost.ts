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
 * The prefix is found by halving: when a prefix resolves so do all the shorter ones, and walking
 * up one folder at a time cost time quadratic in the path (5 s for an image path of 100,000 `a/`).
 */
export function realPathOfNearestExisting(absolutePath: string, realpath: (candidate: string) => string): string {
  const resolved = path.resolve(absolutePath);
  const whole = tryRealpath(resolved, realpath);
  if (whole !== undefined) {
    return whole;
  }
  const { root } = path.parse(resolved);
  const segments = resolved.slice(root.length).split(path.sep).filter((segment) => segment !== '');
  const prefix = (count: number) => root + segments.slice(0, count).join(path.sep);
  // `resolvedCount` segments resolve (to `real`); `segments.length` do not.
  let resolvedCount = 0;
  let real = tryRealpath(root, realpath);
  if (real === undefined) {
    return resolved;
  }
  let failing = segments.length;
  while (failing - resolvedCount > 1) {
    const middle = (resolvedCount + failing) >> 1;
    const candidate = tryRealpath(prefix(middle), realpath);
    if (candidate === undefined) {
      failing = middle;
    } else {
      resolvedCount = middle;
      real = candidate;
    }
  }
  return path.join(real, segments.slice(resolvedCount).join(path.sep));
}

function tryRealpath(candidate: string, realpath: (candidate: string) => string): string | undefined {
  try {
    return realpath(candidate);
  } catch {
    return undefined;
  }
}
