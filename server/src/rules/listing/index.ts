import type { Rule } from '../rule';

/** Offer listing: texts, description, URLs, contacts. */
export const listingRules: Rule[] = [
];
