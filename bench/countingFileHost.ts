import type { FileHost } from '../server/src/workspace/fileHost';

/**
 * The real file system, counting what the language service asks of it: the benchmark proves
 * with these counts that a keystroke re-validates without reading images or CSVs again.
 */
export class CountingFileHost implements FileHost {
  reads = 0;
  stats = 0;

  constructor(private readonly inner: FileHost) {}

  reset(): void {
    this.reads = 0;
    this.stats = 0;
  }

  stat(absolutePath: string) {
    this.stats++;
    return this.inner.stat(absolutePath);
  }

  readFile(absolutePath: string, maxBytes: number) {
    this.reads++;
    return this.inner.readFile(absolutePath, maxBytes);
  }

  readHead(absolutePath: string, bytes: number) {
    this.reads++;
    return this.inner.readHead(absolutePath, bytes);
  }

  realPath(absolutePath: string) {
    return this.inner.realPath(absolutePath);
  }

  readDirectory(absolutePath: string) {
    return this.inner.readDirectory(absolutePath);
  }
}
