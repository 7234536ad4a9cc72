import * as fs from 'fs';

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
  /** The path with symbolic links resolved (so a link can't lead outside the workspace). */
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
  realPath(absolutePath) {
    try {
      return fs.realpathSync.native(absolutePath);
    } catch {
      return absolutePath;
    }
  },
};
