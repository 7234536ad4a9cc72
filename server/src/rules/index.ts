/**
 * The rule table: every rule of `offer-format.md`, one module each, grouped by the part of the
 * offer it checks (each group's `index.ts` lists its rules, one line per rule). Adding a rule is
 * writing its module and adding one line to its group.
 */
import type { Rule } from './rule';
import { offerSetupRules } from './offerSetup';
import { propertiesRules } from './properties';
import { listingRules } from './listing';
import { mediaRules } from './media';
import { audienceRules } from './audience';
import { planRules } from './plans';
import { authorizationRules } from './authorizations';

export const rules: readonly Rule[] = [
  ...offerSetupRules,
  ...propertiesRules,
  ...listingRules,
  ...mediaRules,
  ...audienceRules,
  ...planRules,
  ...authorizationRules,
];

const byCode = new Map(rules.map((rule) => [rule.code, rule]));

export function ruleByCode(code: string): Rule | undefined {
  return byCode.get(code);
}
