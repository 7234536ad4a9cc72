/**
 * The files of a workspace folder, for path completions (PNG images, audience CSVs). The walk is
 * bounded (a folder with a million files must not stall the editor), skips node_modules and dot
 * folders, never follows symbolic links (they could lead outside the workspace, or loop), and is
 * remembered for a few seconds so that typing in a path field doesn't walk the disk per key.
 */
import * as fs from 'fs';
import * as path from 'path';

export interface DirectoryEntry {
  name: string;
  kind: 'file' | 'directory' | 'other';
}

/** How the index reads a folder (tests give an in-memory one). Throws or answers [] when unreadable. */
export interface DirectoryReader {
  readDirectory(absolutePath: string): DirectoryEntry[];
}

export const nodeDirectoryReader: DirectoryReader = {
  readDirectory(absolutePath) {
    return fs.readdirSync(absolutePath, { withFileTypes: true }).map((entry) => ({
      name: entry.name,
      // A Dirent of a symbolic link says isSymbolicLink(), not isFile()/isDirectory(): skipped.
      kind: entry.isFile() ? 'file' : entry.isDirectory() ? 'directory' : 'other',
    }));
  },
};

export interface WorkspaceFileIndexOptions {
  /** At most this many files are listed per workspace folder. */
  maxFiles?: number;
  /** At most this many folders are read per walk. */
  maxDirectories?: number;
  /** A walk is reused for this long. */
  ttlMs?: number;
  now?: () => number;
}

const SKIPPED_DIRECTORIES = new Set(['node_modules']);

export class WorkspaceFileIndex {
  private readonly walks = new Map<string, { at: number; files: string[] }>();
  private readonly maxFiles: number;
  private readonly maxDirectories: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(
    private readonly reader: DirectoryReader = nodeDirectoryReader,
    options: WorkspaceFileIndexOptions = {},
  ) {
    this.maxFiles = options.maxFiles ?? 2000;
    this.maxDirectories = options.maxDirectories ?? 2000;
    this.ttlMs = options.ttlMs ?? 5000;
    this.now = options.now ?? Date.now;
  }

  /** Absolute paths of the files under `root` (bounded, breadth first: shallow files first). */
  files(root: string): readonly string[] {
    const key = path.resolve(root);
    const cached = this.walks.get(key);
    if (cached && this.now() - cached.at < this.ttlMs) {
      return cached.files;
    }
    const files = this.walk(key);
    this.walks.set(key, { at: this.now(), files });
    return files;
  }

  /** Files whose name ends with one of `extensions` (case-insensitive, with the dot: `.png`). */
  filesWithExtension(root: string, extensions: readonly string[]): string[] {
    const wanted = extensions.map((extension) => extension.toLowerCase());
    return this.files(root).filter((file) => wanted.includes(path.extname(file).toLowerCase()));
  }

  /** Forgets every walk (files were created or deleted). */
  invalidate(): void {
    this.walks.clear();
  }

  private walk(root: string): string[] {
    const files: string[] = [];
    const queue = [root];
    let directoriesRead = 0;
    while (queue.length > 0 && files.length < this.maxFiles && directoriesRead < this.maxDirectories) {
      const directory = queue.shift()!;
      directoriesRead++;
      let entries: DirectoryEntry[];
      try {
        entries = this.reader.readDirectory(directory);
      } catch {
        continue; // unreadable folder: list the rest
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const entry of entries) {
        if (entry.kind === 'file') {
          files.push(path.join(directory, entry.name));
          if (files.length >= this.maxFiles) {
            break;
          }
        } else if (entry.kind === 'directory' && !entry.name.startsWith('.') && !SKIPPED_DIRECTORIES.has(entry.name)) {
          queue.push(path.join(directory, entry.name));
        }
      }
    }
    return files;
  }
}

/** A path of the offer as the offer writes it: relative to its folder, with forward slashes. */
export function offerRelativePath(offerDirectory: string, absolutePath: string): string {
  return path.relative(offerDirectory, absolutePath).split(path.sep).join('/');
}
