/**
 * Whether a path is inside a folder, as written and once symbolic links are resolved. Both
 * matter: `../x` leaves the workspace as written, and `media/logo.png` may be a link that leads
 * out of it. The real path of a path that does not exist (yet) is the real path of its nearest
 * existing ancestor with the missing tail appended, so that a link to a folder outside is caught
 * even when the file named below it does not exist.
 */
import * as fs from 'fs';
import * as path from 'path';

export function isInside(root: string, candidate: string): boolean {
  // A candidate that starts with the root and a separator is inside, whatever the platform: the
  // common answer, for a hundred paths per check, without resolving both paths again.
  const prefix = root.endsWith(path.sep) ? root : root + path.sep;
  if (candidate.startsWith(prefix) && path.isAbsolute(root) && !candidate.includes('..')) {
    return true;
  }
  const relative = path.relative(path.resolve(root), path.resolve(candidate));
  // `..` as a whole first segment leaves the root; a name that merely starts with dots doesn't.
  return relative !== '..' && !relative.startsWith('..' + path.sep) && !path.isAbsolute(relative);
}

/**
 * Resolves links in the longest existing prefix of a path and keeps the rest as written (see the
 * module comment). `realpath` is the system's, or a test's.
 */
export function realPathOfNearestExisting(absolutePath: string, realpath: (candidate: string) => string): string {
  const missing: string[] = [];
  let current = path.resolve(absolutePath);
  for (;;) {
    try {
      return path.join(realpath(current), ...missing.reverse());
    } catch {
      const parent = path.dirname(current);
      if (parent === current) {
        return path.resolve(absolutePath);
      }
      missing.push(path.basename(current));
      current = parent;
    }
  }
}

/** {@link realPathOfNearestExisting} on the disk, synchronously. */
export function realPathSync(absolutePath: string): string {
  return realPathOfNearestExisting(absolutePath, (candidate) => fs.realpathSync.native(candidate));
}

/** {@link realPathOfNearestExisting} on the disk, for the extension host. */
export async function realPath(absolutePath: string): Promise<string> {
  const missing: string[] = [];
  let current = path.resolve(absolutePath);
  for (;;) {
    try {
      return path.join(await fs.promises.realpath(current), ...missing.reverse());
    } catch {
      const parent = path.dirname(current);
      if (parent === current) {
        return path.resolve(absolutePath);
      }
      missing.push(path.basename(current));
      current = parent;
    }
  }
}

/** A relative path of a file (an offer's image, CSV…) that can't name anything: a NUL byte. */
export function isUnusablePath(relativePath: string): boolean {
  return relativePath.includes('\0');
}
