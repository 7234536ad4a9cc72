import * as path from 'path';
import { ConfinedFolder, ConfinedPath } from '@core/files/confinedFolder';
import { baselinePathOf, MAX_BASELINE_BYTES } from '@core/knowledge/publishedBaseline';
import { AudienceEntry, parseAudienceCsv } from './audienceCsv';
import { FileHost, FileStamp } from './fileHost';
import { closestName } from './pathSuggestion';
import { PNG_HEADER_BYTES, PngHeader, readPngHeader } from './png';

/** Why a path of the offer could not be read, or what was read from it. */
export type FileLookup<T> =
  | { status: 'ok'; absolutePath: string; result: T }
  | { status: 'outside' }
  | { status: 'not-found'; absolutePath: string }
  /** `too-large`: over the size limit of its kind, so not read at all. */
  | { status: 'unreadable'; absolutePath: string; reason: 'unreadable' | 'too-large' };

/** Audience files larger than this are not parsed: the limits are 100 and 10,000 ids. */
export const MAX_CSV_BYTES = 4 * 1024 * 1024;

/** Thrown inside a cached read to say why the file gives no result. */
class UnreadableFile extends Error {
  constructor(readonly reason: 'unreadable' | 'too-large') {
    super(reason);
  }
}

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

/**
 * The files an offer names, resolved relative to the offer's folder and confined to the
 * workspace folder (`core/src/files/confinedFolder.ts`): a path that leads outside it (by `..`,
 * an absolute path or a link) is reported and never read. What is inside is read by its real
 * path, as a regular file, never more than its kind allows.
 *
 * One instance serves one validation: several rules ask about the same path, so each answer
 * (links resolved, stat, cache lookup) is kept for the instance's life. A new validation makes
 * a new instance and sees the disk afresh; the contents stay in the shared {@link FileCache}.
 */
export class OfferFiles {
  readonly offerDirectory: string;
  private readonly answers = new Map<string, FileLookup<unknown>>();
  private readonly resolved = new Map<string, ConfinedPath | undefined>();
  private readonly folders = new Map<string, string[] | undefined>();
  private readonly workspace: ConfinedFolder;

  constructor(
    readonly offerPath: string,
    readonly workspaceRoot: string,
    private readonly host: FileHost,
    private readonly cache: FileCache = new FileCache(),
  ) {
    this.offerDirectory = path.dirname(offerPath);
    this.workspace = new ConfinedFolder(workspaceRoot, (absolutePath) => host.realPath(absolutePath));
  }

  /** The absolute path of a relative path of the offer, or undefined when it leaves the workspace. */
  resolve(relativePath: string): string | undefined {
    return this.confined(relativePath)?.absolutePath;
  }

  /** The path as written and as it really is (what is read), or undefined when it leaves the workspace. */
  private confined(relativePath: string): ConfinedPath | undefined {
    if (!this.resolved.has(relativePath)) {
      this.resolved.set(relativePath, this.workspace.resolveSync(relativePath, this.offerDirectory));
    }
    return this.resolved.get(relativePath);
  }

  isOutsideWorkspace(relativePath: string): boolean {
    return this.resolve(relativePath) === undefined;
  }

  /** The header of an image: only its first bytes are read. */
  png(relativePath: string): FileLookup<PngHeader> {
    return this.lookup(relativePath, 'png', (realPath) => {
      const head = this.host.readHead(realPath, PNG_HEADER_BYTES);
      if (!head) {
        throw new UnreadableFile('unreadable');
      }
      return readPngHeader(head);
    });
  }

  /** The subscription ids of an audience CSV, with their line numbers. */
  audienceCsv(relativePath: string): FileLookup<AudienceEntry[]> {
    return this.lookup(relativePath, 'csv', (realPath, stamp) => {
      if (stamp.size > MAX_CSV_BYTES) {
        throw new UnreadableFile('too-large');
      }
      const bytes = this.host.readFile(realPath, MAX_CSV_BYTES);
      if (!bytes) {
        throw new UnreadableFile('unreadable');
      }
      return parseAudienceCsv(Buffer.from(bytes).toString('utf8'));
    });
  }

  /**
   * For a path that names no file: an existing file of the workspace it probably meant (same
   * folder, the name in another case or one or two keystrokes away, or `\` written for `/`),
   * as a path to write instead; undefined when there is no single good guess.
   */
  suggestPath(relativePath: string): string | undefined {
    if (relativePath.includes('\\')) {
      const forward = relativePath.replace(/\\/g, '/');
      return this.isExistingFile(forward) ? forward : undefined;
    }
    const slash = relativePath.lastIndexOf('/');
    const folder = slash >= 0 ? relativePath.slice(0, slash + 1) : '';
    const folderPath = this.resolve(folder === '' ? '.' : folder);
    const names = folderPath === undefined ? undefined : this.namesIn(folderPath);
    const name = names && closestName(relativePath.slice(slash + 1), names);
    return name !== undefined && this.isExistingFile(folder + name) ? folder + name : undefined;
  }

  private namesIn(folderPath: string): string[] | undefined {
    if (!this.folders.has(folderPath)) {
      this.folders.set(folderPath, this.host.readDirectory(folderPath));
    }
    return this.folders.get(folderPath);
  }

  private isExistingFile(relativePath: string): boolean {
    const confined = this.confined(relativePath);
    return confined !== undefined && this.host.stat(confined.realPath) !== undefined;
  }

  /**
   * The text of the published baseline beside the offer, if there is one (read once per stamp).
   * Confined like every other file: a baseline that is a link to a file outside the workspace is
   * not read, so nothing of that file (its plan IDs…) is ever quoted.
   */
  baselineText(): string | undefined {
    const baseline = this.confined(path.basename(baselinePathOf(this.offerPath)));
    const stamp = baseline && this.host.stat(baseline.realPath);
    if (!baseline || !stamp || stamp.size > MAX_BASELINE_BYTES) {
      return undefined;
    }
    return this.cache.get(baseline.realPath, 'baseline', stamp, () => {
      const bytes = this.host.readFile(baseline.realPath, MAX_BASELINE_BYTES);
      return bytes ? Buffer.from(bytes).toString('utf8') : undefined;
    });
  }

  /**
   * Resolves, confines and stats a path, then reads it through the cache: the same file with
   * the same stamp is read once, however many rules and validations ask. A failed read is
   * cached too, so a broken file is not re-read on every keystroke either.
   */
  private lookup<T>(relativePath: string, kind: string, read: (realPath: string, stamp: FileStamp) => T): FileLookup<T> {
    const key = kind + '\0' + relativePath;
    let answer = this.answers.get(key) as FileLookup<T> | undefined;
    if (!answer) {
      answer = this.lookupOnDisk(relativePath, kind, read);
      this.answers.set(key, answer);
    }
    return answer;
  }

  private lookupOnDisk<T>(relativePath: string, kind: string, read: (realPath: string, stamp: FileStamp) => T): FileLookup<T> {
    const confined = this.confined(relativePath);
    if (confined === undefined) {
      return { status: 'outside' };
    }
    const { absolutePath, realPath } = confined;
    const stamp = this.host.stat(realPath);
    if (!stamp) {
      return { status: 'not-found', absolutePath };
    }
    const outcome = this.cache.get(realPath, kind, stamp, (): { result: T } | { failure: 'unreadable' | 'too-large' } => {
      try {
        return { result: read(realPath, stamp) };
      } catch (error) {
        return { failure: error instanceof UnreadableFile ? error.reason : 'unreadable' };
      }
    });
    return 'result' in outcome
      ? { status: 'ok', absolutePath, result: outcome.result }
      : { status: 'unreadable', absolutePath, reason: outcome.failure };
  }
}
