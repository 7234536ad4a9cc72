import { prop, str } from '../../model/nodes';
import { allAuthorizationsOf } from '../../model/offerStructure';
import type { Rule } from '../rule';
import { resolveRoleReference, unknownRoleMessage } from './roleReference';

export const roleUnknown: Rule = {
  code: 'role-unknown',
  severity: 'error',
  docs: 'Azure Lighthouse accepts only Azure built-in roles, named by their GUID: a custom role or a mistyped ID makes the delegation fail.',
  check({ root, catalog, report }) {
    for (const authorization of allAuthorizationsOf(root)) {
      const node = prop(authorization.node, 'roleDefinitionId');
      const value = str(node);
      if (!node || value === undefined) {
        continue;
      }
      const reference = resolveRoleReference(catalog, value);
      // A role's name has its own rule, with a fix.
      if (reference.kind === 'unknownGuid' || reference.kind === 'notGuid') {
        report(node, unknownRoleMessage(value, reference));
      }
    }
  },
};
