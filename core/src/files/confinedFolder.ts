/**
 * The one way to reach a file of the workspace: a path is resolved relative to a folder of the
 * workspace and must stay inside the workspace's root, as written and with its links resolved;
 * only its real path is then read, as a regular file, at most a given number of bytes, and a
 * link found there at the read (swapped in since the check) is not followed (`regularFile.ts`).
 * Images, audience CSVs, the published baseline and offers no editor has open are all resolved
 * here (the language server reads their real paths through its file host, `fileHost.ts`), so
 * that a repository written by someone else cannot make the extension or the checker read a
 * file outside it, wait on a FIFO or read a device without end.
 */
import * as path from 'path';
import { isInside, isUnusablePath, realPath, realPathSync } from './insideFolder';
import { FileRead, ReadOptions, readRegularFile, readRegularFileSync } from './regularFile';

/** A path inside the root: as written (for messages and URIs) and with its links resolved (to read). */
export interface ConfinedPath {
  absolutePath: string;
  realPath: string;
}

/** A read refused because the path leads outside the root, or what reading it gave. */
export type ConfinedRead = FileRead | { ok: false; reason: 'outside' };

export class ConfinedFolder {
  private realRootSync: string | undefined;
  private realRootAsync: Promise<string> | undefined;

  constructor(
    /** The workspace folder: nothing outside it is read. */
    readonly root: string,
    /** How links are resolved synchronously (the disk's, or a test's in-memory one). */
    private readonly realPathOf: (absolutePath: string) => string = realPathSync,
  ) {}

  /** The path inside the root that `relativePath` names from `from` (default: the root), or undefined when it leaves it. */
  resolveSync(relativePath: string, from: string = this.root): ConfinedPath | undefined {
    const absolutePath = this.lexical(relativePath, from);
    if (absolutePath === undefined) {
      return undefined;
    }
    this.realRootSync ??= this.realPathOf(this.root);
    const real = this.realPathOf(absolutePath);
    return isInside(this.realRootSync, real) ? { absolutePath, realPath: real } : undefined;
  }

  /** {@link resolveSync} without blocking (links resolved by the disk). */
  async resolve(relativePath: string, from: string = this.root): Promise<ConfinedPath | undefined> {
    const absolutePath = this.lexical(relativePath, from);
    if (absolutePath === undefined) {
      return undefined;
    }
    this.realRootAsync ??= realPath(this.root);
    const [realRoot, real] = await Promise.all([this.realRootAsync, realPath(absolutePath)]);
    return isInside(realRoot, real) ? { absolutePath, realPath: real } : undefined;
  }

  /** At most `maxBytes` of a regular file inside the root; see the module comment. */
  readSync(relativePath: string, maxBytes: number, options: ReadOptions & { from?: string } = {}): ConfinedRead {
    const confined = this.resolveSync(relativePath, options.from);
    return confined ? readRegularFileSync(confined.realPath, maxBytes, { ...options, noFollow: true }) : { ok: false, reason: 'outside' };
  }

  /** {@link readSync} for the extension host: nothing synchronous. */
  async read(relativePath: string, maxBytes: number, options: ReadOptions & { from?: string } = {}): Promise<ConfinedRead> {
    const confined = await this.resolve(relativePath, options.from);
    return confined ? readRegularFile(confined.realPath, maxBytes, { ...options, noFollow: true }) : { ok: false, reason: 'outside' };
  }

  /** The absolute path as written, or undefined when it already leaves the root before any link. */
  private lexical(relativePath: string, from: string): string | undefined {
    if (isUnusablePath(relativePath)) {
      return undefined;
    }
    const absolutePath = path.resolve(from, relativePath);
    return isInside(this.root, absolutePath) ? absolutePath : undefined;
  }
}
