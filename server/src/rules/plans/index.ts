import type { Rule } from '../rule';

/** Plans: ids, listing, pricing, visibility, manifest version. */
export const planRules: Rule[] = [
];
