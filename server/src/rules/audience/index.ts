import type { Rule } from '../rule';

/** Preview and private audiences: inline subscription ids and CSV files. */
export const audienceRules: Rule[] = [
];
