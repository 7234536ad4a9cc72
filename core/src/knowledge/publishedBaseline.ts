/**
 * Where an offer's published baseline lives: beside the offer, its name with `.published`
 * before `.json`. *Record Published Baseline* writes it; the baseline rules read it.
 */

/** `offer.json` → `offer.published.json`, `gold.offer.json` → `gold.offer.published.json`. */
export function baselinePathOf(offerPath: string): string {
  return offerPath.replace(/\.json$/i, '') + '.published.json';
}
