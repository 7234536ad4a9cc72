import type { Rule } from '../rule';

/** Technical configuration: tenant, authorizations, roles, just-in-time access. */
export const authorizationRules: Rule[] = [
];
