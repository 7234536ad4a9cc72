import { prop, str } from '../../model/nodes';
import { authorizationsOf, plansOf } from '../../model/offerStructure';
import type { Rule } from '../rule';
import { refusalMessage, resolveRoleReference } from './roleReference';

export const roleDataActions: Rule = {
  code: 'role-data-actions',
  severity: 'error',
  docs: 'Azure Lighthouse refuses built-in roles with DataActions (the catalog says which, and roles gain them over time); this names a similar role without them. (Eligible authorizations are checked by eligible-role-invalid.)',
  check({ root, catalog, report }) {
    for (const plan of plansOf(root)) {
      for (const authorization of authorizationsOf(plan, 'authorizations')) {
        const node = prop(authorization.node, 'roleDefinitionId');
        const value = str(node);
        const reference = value === undefined ? undefined : resolveRoleReference(catalog, value);
        if (node && reference?.kind === 'builtin' && reference.role.hasDataActions) {
          report(node, refusalMessage(reference.role, 'authorizations', catalog)!);
        }
      }
    }
  },
};
