/**
 * The checker's workspace folder when `--root` is not given: the repository that holds the offer
 * (the nearest folder, from the offer's own upwards, with a `.git` — a folder, or the file a git
 * worktree or submodule has), else the offer's folder. An offer checked from another folder then
 * reads its images and CSV files as the editor would, instead of finding them all "outside".
 */
import * as fs from 'fs';
import * as path from 'path';

export function defaultRootOf(offerFile: string, exists: (file: string) => boolean = fs.existsSync): string {
  const offerFolder = path.dirname(path.resolve(offerFile));
  // Bounded by the path's depth: each step removes one segment, and the file system root ends it.
  for (let folder = offerFolder; ; folder = path.dirname(folder)) {
    if (exists(path.join(folder, '.git'))) {
      return folder;
    }
    if (path.dirname(folder) === folder) {
      return offerFolder;
    }
  }
}
