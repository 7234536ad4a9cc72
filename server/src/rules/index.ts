/**
 * The rule table: every rule of `offer-format.md`, one module each. Adding a rule is writing its
 * module and adding one line here.
 */
import type { Rule } from './rule';
import { offerIdFormat } from './offerSetup/offerIdFormat';

export const rules: readonly Rule[] = [
  // Offer setup
  offerIdFormat,
];

export function ruleByCode(code: string): Rule | undefined {
  return rules.find((rule) => rule.code === code);
}
