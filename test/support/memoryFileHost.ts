import * as path from 'path';
import type { FileHost } from '../../server/src/workspace/fileHost';

/**
 * An in-memory file system for rule tests: paths are absolute, contents are bytes or text.
 * `reads` counts readFile calls per path, to prove the stamp cache works.
 */
export class MemoryFileHost implements FileHost {
  readonly files = new Map<string, { bytes: Uint8Array; mtimeMs: number }>();
  readonly reads = new Map<string, number>();
  /** Symbolic links: path → target. */
  readonly links = new Map<string, string>();

  constructor(files: Record<string, Uint8Array | string> = {}) {
    for (const [file, content] of Object.entries(files)) {
      this.write(file, content);
    }
  }

  write(file: string, content: Uint8Array | string, mtimeMs = Date.now()): void {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    this.files.set(path.resolve(file), { bytes, mtimeMs });
  }

  stat(absolutePath: string) {
    const entry = this.files.get(this.realPath(absolutePath));
    return entry ? { mtimeMs: entry.mtimeMs, size: entry.bytes.length } : undefined;
  }

  /** Like the disk's: nothing for a file of more than `maxBytes` bytes. */
  readFile(absolutePath: string, maxBytes: number) {
    const bytes = this.read(absolutePath);
    return bytes && bytes.length <= maxBytes ? bytes : undefined;
  }

  /** Counted in `reads` like readFile: a read is a read, however short. */
  readHead(absolutePath: string, bytes: number) {
    return this.read(absolutePath)?.subarray(0, bytes);
  }

  private read(absolutePath: string) {
    const real = this.realPath(absolutePath);
    this.reads.set(real, (this.reads.get(real) ?? 0) + 1);
    return this.files.get(real)?.bytes;
  }

  /** The names of the files and folders directly under a folder that holds any. */
  readDirectory(absolutePath: string) {
    const folder = this.realPath(absolutePath);
    const names = new Set<string>();
    for (const file of this.files.keys()) {
      const relative = path.relative(folder, file);
      if (relative && !relative.startsWith('..') && !path.isAbsolute(relative)) {
        names.add(relative.split(path.sep)[0]);
      }
    }
    return names.size > 0 ? [...names] : undefined;
  }

  realPath(absolutePath: string) {
    const resolved = path.resolve(absolutePath);
    for (const [link, target] of this.links) {
      if (resolved === link || resolved.startsWith(link + path.sep)) {
        return target + resolved.slice(link.length);
      }
    }
    return resolved;
  }
}
