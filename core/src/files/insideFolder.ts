/**
 * Whether a path is inside a folder, as written and once symbolic links are resolved. Both
 * matter: `../x` leaves the workspace as written, and `media/logo.png` may be a link that leads
 * out of it. The real path of a path that does not exist (yet) is the real path of its nearest
 * existing ancestor with the missing tail appended, so that a link to a folder outside is caught
 * even when the file named below it does not exist.
 */
import * as fs from 'fs';
import * as path from 'path';
import { driveAsync, driveSync } from './drive';

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
 * module comment), as steps (drive.ts): it yields each prefix to resolve, is sent back its real
 * path (undefined when it does not exist), and returns the answer. The prefix is found by halving: when
 * a prefix resolves so do all the shorter ones, and walking up one folder at a time cost time
 * quadratic in the path (5 s for an image path of 100,000 `a/`). One algorithm, driven below
 * synchronously (the language server) and asynchronously (the extension host).
 */
function* nearestExistingRealPath(absolutePath: string): Generator<string, string, string | undefined> {
  const resolved = path.resolve(absolutePath);
  const whole = yield resolved;
  if (whole !== undefined) {
    return whole;
  }
  const { root } = path.parse(resolved);
  const segments = resolved.slice(root.length).split(path.sep).filter((segment) => segment !== '');
  const prefix = (count: number) => root + segments.slice(0, count).join(path.sep);
  let real = yield root;
  if (real === undefined) {
    return resolved;
  }
  // `resolvedCount` segments resolve (to `real`); `failing` segments do not.
  let resolvedCount = 0;
  let failing = segments.length;
  while (failing - resolvedCount > 1) {
    const middle = (resolvedCount + failing) >> 1;
    const candidate = yield prefix(middle);
    if (candidate === undefined) {
      failing = middle;
    } else {
      resolvedCount = middle;
      real = candidate;
    }
  }
  return path.join(real, segments.slice(resolvedCount).join(path.sep));
}

/** {@link nearestExistingRealPath} with a synchronous `realpath` (the system's, or a test's). */
export function realPathOfNearestExisting(absolutePath: string, realpath: (candidate: string) => string): string {
  return driveSync(nearestExistingRealPath(absolutePath), (candidate) => {
    try {
      return realpath(candidate);
    } catch {
      return undefined;
    }
  });
}

/** {@link realPathOfNearestExisting} on the disk, synchronously. */
export function realPathSync(absolutePath: string): string {
  return realPathOfNearestExisting(absolutePath, (candidate) => fs.realpathSync.native(candidate));
}

/** {@link realPathOfNearestExisting} on the disk, for the extension host. */
export async function realPath(absolutePath: string): Promise<string> {
  return driveAsync(nearestExistingRealPath(absolutePath), (candidate) => fs.promises.realpath(candidate).catch(() => undefined));
}

/** A relative path of a file (an offer's image, CSV…) that can't name anything: a NUL byte. */
export function isUnusablePath(relativePath: string): boolean {
  return relativePath.includes('\0');
}

/**
 * The innermost of `folders` that holds `candidate` (as written; see {@link isInside}), or
 * undefined when none does: the workspace folder that confines an offer's paths.
 */
export function workspaceFolderOf(candidate: string, folders: readonly string[]): string | undefined {
  let innermost: string | undefined;
  for (const folder of folders) {
    if (isInside(folder, candidate) && (innermost === undefined || folder.length > innermost.length)) {
      innermost = folder;
    }
  }
  return innermost;
}
