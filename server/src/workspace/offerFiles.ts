import * as path from 'path';
import { AudienceEntry, parseAudienceCsv } from './audienceCsv';
import { FileHost, FileStamp } from './fileHost';
import { PngHeader, readPngHeader } from './png';

/** Why a path of the offer could not be read, or what was read from it. */
export type FileLookup<T> =
  | { status: 'ok'; absolutePath: string; result: T }
  | { status: 'outside' }
  | { status: 'not-found'; absolutePath: string }
  | { status: 'unreadable'; absolutePath: string; reason: string };

/**
 * What was read from a file, keyed by its path and stamp: a keystroke in the offer re-validates
 * without reading images or CSVs again, and a change on disk (new stamp) is picked up.
 */
export class FileCache {
  private readonly entries = new Map<string, { stamp: FileStamp; kind: string; value: unknown }>();

  get<T>(absolutePath: string, kind: string, stamp: FileStamp, read: () => T): T {
    const key = kind + '\0' + absolutePath;
    const entry = this.entries.get(key);
    if (entry && entry.stamp.mtimeMs === stamp.mtimeMs && entry.stamp.size === stamp.size) {
      return entry.value as T;
    }
    const value = read();
    this.entries.set(key, { stamp, kind, value });
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}

/** Audience files larger than this are not parsed: the limits are 100 and 10,000 ids. */
const MAX_CSV_BYTES = 4 * 1024 * 1024;

/**
 * The files an offer names, resolved relative to the offer's folder and confined to the
 * workspace folder: a path that leads outside it (by `..`, an absolute path or a link) is
 * reported and never read.
 */
export class OfferFiles {
  readonly offerDirectory: string;

  constructor(
    readonly offerPath: string,
    readonly workspaceRoot: string,
    private readonly host: FileHost,
    private readonly cache: FileCache = new FileCache(),
  ) {
    this.offerDirectory = path.dirname(offerPath);
  }

  /** The absolute path of a relative path of the offer, or undefined when it leaves the workspace. */
  resolve(relativePath: string): string | undefined {
    if (relativePath.includes('\0')) {
      return undefined;
    }
    const absolutePath = path.resolve(this.offerDirectory, relativePath);
    if (!isInside(this.workspaceRoot, absolutePath)) {
      return undefined;
    }
    const real = this.host.realPath(absolutePath);
    return isInside(this.host.realPath(this.workspaceRoot), real) ? absolutePath : undefined;
  }

  isOutsideWorkspace(relativePath: string): boolean {
    return this.resolve(relativePath) === undefined;
  }

  png(relativePath: string): FileLookup<PngHeader> {
    return this.lookup(relativePath, 'png', (bytes) => readPngHeader(bytes.subarray(0, 32)));
  }

  audienceCsv(relativePath: string): FileLookup<AudienceEntry[]> {
    return this.lookup(relativePath, 'csv', (bytes, stamp) => {
      if (stamp.size > MAX_CSV_BYTES) {
        throw new Error(`the file is larger than ${MAX_CSV_BYTES / 1024 / 1024} MiB`);
      }
      return parseAudienceCsv(Buffer.from(bytes).toString('utf8'));
    });
  }

  /** The text of the published baseline beside the offer, if there is one. */
  baselineText(): string | undefined {
    const baselinePath = baselinePathOf(this.offerPath);
    const bytes = this.host.stat(baselinePath) ? this.host.readFile(baselinePath) : undefined;
    return bytes ? Buffer.from(bytes).toString('utf8') : undefined;
  }

  private lookup<T>(relativePath: string, kind: string, read: (bytes: Uint8Array, stamp: FileStamp) => T): FileLookup<T> {
    const absolutePath = this.resolve(relativePath);
    if (absolutePath === undefined) {
      return { status: 'outside' };
    }
    const stamp = this.host.stat(absolutePath);
    if (!stamp) {
      return { status: 'not-found', absolutePath };
    }
    try {
      const result = this.cache.get(absolutePath, kind, stamp, () => {
        const bytes = this.host.readFile(absolutePath);
        if (!bytes) {
          throw new Error('the file could not be read');
        }
        return read(bytes, stamp);
      });
      return { status: 'ok', absolutePath, result };
    } catch (error) {
      return { status: 'unreadable', absolutePath, reason: error instanceof Error ? error.message : String(error) };
    }
  }
}

/** `offer.json` → `offer.published.json`, `gold.offer.json` → `gold.offer.published.json`. */
export function baselinePathOf(offerPath: string): string {
  return offerPath.replace(/\.json$/i, '') + '.published.json';
}

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(path.resolve(root), path.resolve(candidate));
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
