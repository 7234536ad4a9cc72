import type { Rule } from '../rule';
import { embeddedRoleIdFixes } from './roleFixes';
import { roleValuesOf, unknownRoleMessage } from './roleReference';

export const roleUnknown: Rule = {
  code: 'role-unknown',
  severity: 'error',
  scope: 'plan',
  docs: 'Azure Lighthouse accepts only Azure built-in roles, named by their GUID: a custom role or a mistyped ID makes the delegation fail.',
  check({ plans, catalog, report }) {
    for (const { node, value, reference } of roleValuesOf(plans, catalog)) {
      // A role's name has its own rule, with a fix.
      if (reference.kind === 'unknownGuid' || reference.kind === 'notGuid') {
        report(node, unknownRoleMessage(value, reference));
      }
    }
  },
  fix(diagnostic, context) {
    return embeddedRoleIdFixes(diagnostic, context);
  },
};
