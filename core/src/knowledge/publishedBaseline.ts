/**
 * Where the published baseline of an offer lives: `<name>.published.json` beside the offer.
 * *Record Published Baseline* writes it; the rules that compare with what was published
 * (immutable IDs, public-to-private, manifest versions) read it.
 */

/** `offer.json` → `offer.published.json`, `gold.offer.json` → `gold.offer.published.json`. */
export function baselinePathOf(offerPath: string): string {
  return offerPath.replace(/\.json$/i, '') + '.published.json';
}

/**
 * A baseline is an offer: a few hundred KiB for the largest. Anything far larger is not read (a
 * repository could name a huge file, or a link to one).
 */
export const MAX_BASELINE_BYTES = 16 * 1024 * 1024;
