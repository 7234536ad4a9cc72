import * as path from 'path';
import { pathToFileURL } from 'url';
import { isInside } from '@core/files/insideFolder';

/**
 * Where a checked file is, as CI tools want it: relative to the `--root` folder with `/`
 * separators (GitHub matches annotations and code-scanning alerts to repository paths), or
 * absolute when the file lies outside that folder, so that nothing points at the wrong file.
 */
export interface ArtifactPath {
  /** `examples/contoso-sentinel/offer.json`, or the absolute path outside the root. */
  path: string;
  /** Whether `path` is relative to the root. */
  underRoot: boolean;
  absolutePath: string;
}

export function artifactPath(file: string, root: string, cwd: string): ArtifactPath {
  const absolutePath = path.resolve(cwd, file);
  const rootPath = path.resolve(cwd, root);
  const relative = path.relative(rootPath, absolutePath);
  // isInside: a folder named `..x` is inside the root; only a whole `..` segment leaves it.
  const underRoot = relative !== '' && isInside(rootPath, absolutePath);
  return { path: underRoot ? relative.split(path.sep).join('/') : absolutePath, underRoot, absolutePath };
}

/** A relative path as a URI reference: each segment percent-encoded (`my offer.json` → `my%20offer.json`). */
export function relativeUri(relativePath: string): string {
  return relativePath.split('/').map(encodeURIComponent).join('/');
}

/** The root folder as the base URI that relative artifact URIs are resolved against (ends in `/`). */
export function rootUri(root: string, cwd: string): string {
  const href = pathToFileURL(path.resolve(cwd, root)).href;
  return href.endsWith('/') ? href : href + '/';
}
