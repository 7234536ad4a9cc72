import type { Rule } from '../rule';

/** Properties: categories and terms. */
export const propertiesRules: Rule[] = [
];
