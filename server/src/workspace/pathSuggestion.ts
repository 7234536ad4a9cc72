/**
 * A guess at the file a mistyped path meant, among the names of its folder: the same name in
 * another case (works on Windows and macOS, fails on Linux and in a build), or a name one or two
 * keystrokes away ("logo-smal.png" → "logo-small.png"). Only a single best guess is returned.
 */
export function closestName(wanted: string, names: readonly string[]): string | undefined {
  const lower = wanted.toLowerCase();
  const sameLetters = names.filter((name) => name !== wanted && name.toLowerCase() === lower);
  if (sameLetters.length === 1) {
    return sameLetters[0];
  }
  // Short names are all within two edits of each other: a guess would be noise.
  const allowed = wanted.length < 6 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = allowed + 1;
  let tie = false;
  for (const name of names) {
    if (name === wanted || Math.abs(name.length - wanted.length) > allowed) {
      continue;
    }
    const distance = editDistance(lower, name.toLowerCase(), allowed);
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
      tie = false;
    } else if (distance === bestDistance) {
      tie = true;
    }
  }
  return best !== undefined && !tie ? best : undefined;
}

/** Levenshtein distance, giving up (returning limit + 1) as soon as it must exceed `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      current.push(value);
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum > limit) {
      return limit + 1;
    }
    previous = current;
  }
  return previous[b.length];
}
