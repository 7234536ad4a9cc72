import * as fs from 'fs';
import { realPathSync } from '@core/files/insideFolder';
import { FileStamp, readRegularFileSync, regularFileStampSync } from '@core/files/regularFile';

export type { FileStamp } from '@core/files/regularFile';

/**
 * The file system as the language service sees it: tests give an in-memory one. The disk's
 * (`nodeFileHost`) reads through the shared file layer (`core/src/files/`): regular files only,
 * never a FIFO or a device, never more bytes than asked, whatever `stat` said.
 *
 * `readFile` and `readHead` are given only real paths, confined and checked
 * (`core/src/files/confinedFolder.ts`): a link found there at the read was put there since the
 * check, and the disk's host does not follow it.
 */
export interface FileHost {
  /** undefined when the path does not exist or is not a regular file. */
  stat(absolutePath: string): FileStamp | undefined;
  /** The whole file, or undefined when it is not a regular file, can't be read or has more than `maxBytes` bytes. */
  readFile(absolutePath: string, maxBytes: number): Uint8Array | undefined;
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
  stat: regularFileStampSync,
  readFile(absolutePath, maxBytes) {
    const read = readRegularFileSync(absolutePath, maxBytes, { noFollow: true });
    return read.ok ? read.bytes : undefined;
  },
  readHead(absolutePath, bytes) {
    const read = readRegularFileSync(absolutePath, bytes, { head: true, noFollow: true });
    return read.ok ? read.bytes : undefined;
  },
  readDirectory(absolutePath) {
    try {
      return fs.readdirSync(absolutePath);
    } catch {
      return undefined;
    }
  },
  realPath: realPathSync,
};
