/**
 * Manifest versions (`technicalConfiguration.version`): the `n.n.n` form Partner Center asks for,
 * numeric comparison and the next version above a published one. Components are compared as
 * digit strings, not JavaScript numbers, so that a 30-digit component is still ordered exactly.
 */

const VERSION_PATTERN = /^(\d+)\.(\d+)\.(\d+)$/;

export type ManifestVersion = readonly [string, string, string];

/** The three components of an `n.n.n` version (leading zeros dropped), or undefined. */
export function parseManifestVersion(text: string): ManifestVersion | undefined {
  const match = VERSION_PATTERN.exec(text);
  if (!match) {
    return undefined;
  }
  return [stripZeros(match[1]), stripZeros(match[2]), stripZeros(match[3])];
}

/** Negative, zero or positive as `a` is lower than, equal to or greater than `b`. */
export function compareManifestVersions(a: ManifestVersion, b: ManifestVersion): number {
  for (let i = 0; i < 3; i++) {
    const order = compareDigits(a[i], b[i]);
    if (order !== 0) {
      return order;
    }
  }
  return 0;
}

/** The minor bump that follows a published version: 1.0.0 → 1.1.0, 1.9.3 → 1.10.0. */
export function nextMinorVersion(version: ManifestVersion): string {
  return `${version[0]}.${(BigInt(version[1]) + 1n).toString()}.0`;
}

function stripZeros(digits: string): string {
  return digits.replace(/^0+(?=\d)/, '');
}

/** Orders two digit strings without leading zeros by value. */
function compareDigits(a: string, b: string): number {
  if (a.length !== b.length) {
    return a.length - b.length;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}
