/**
 * A file host that remembers for a moment whether each file exists, its stamp and where its
 * links lead. Every check of an offer asks this of each image and audience CSV it names (a large
 * offer names a hundred), and asking the disk again on every keystroke cost a quarter of a
 * check. The server forgets everything as soon as the editor reports a change to a watched file,
 * so the moment only matters for changes the editor does not watch.
 */
import type { FileHost, FileStamp } from './fileHost';

interface Remembered<T> {
  value: T;
  at: number;
}

/** More answers than any offer asks for: past it they are all forgotten rather than tracked. */
const MAX_REMEMBERED = 10_000;

export class RememberingFileHost implements FileHost {
  private readonly stats = new Map<string, Remembered<FileStamp | undefined>>();
  private readonly realPaths = new Map<string, Remembered<string>>();

  constructor(
    private readonly host: FileHost,
    /** How long an answer is used before the disk is asked again. */
    private readonly forMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  stat(absolutePath: string): FileStamp | undefined {
    return this.remembered(this.stats, absolutePath, () => this.host.stat(absolutePath));
  }

  realPath(absolutePath: string): string {
    return this.remembered(this.realPaths, absolutePath, () => this.host.realPath(absolutePath));
  }

  readFile(absolutePath: string, maxBytes: number): Uint8Array | undefined {
    return this.host.readFile(absolutePath, maxBytes);
  }

  readHead(absolutePath: string, bytes: number): Uint8Array | undefined {
    return this.host.readHead(absolutePath, bytes);
  }

  readDirectory(absolutePath: string): string[] | undefined {
    return this.host.readDirectory(absolutePath);
  }

  /** Files changed on disk: the next question of each goes to the disk. */
  forget(): void {
    this.stats.clear();
    this.realPaths.clear();
  }

  private remembered<T>(answers: Map<string, Remembered<T>>, absolutePath: string, ask: () => T): T {
    const now = this.now();
    const answer = answers.get(absolutePath);
    if (answer && now - answer.at < this.forMs && now >= answer.at) {
      return answer.value;
    }
    if (answers.size >= MAX_REMEMBERED) {
      answers.clear();
    }
    const value = ask();
    answers.set(absolutePath, { value, at: now });
    return value;
  }
}
