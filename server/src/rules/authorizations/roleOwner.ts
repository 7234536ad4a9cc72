import { OWNER_ROLE_ID } from '../../catalog/roleCatalog';
import { prop, str } from '../../model/nodes';
import { authorizationsOf, plansOf } from '../../model/offerStructure';
import type { Rule } from '../rule';
import { refusalMessage, resolveRoleReference, sameId } from './roleReference';

export const roleOwner: Rule = {
  code: 'role-owner',
  severity: 'error',
  docs: 'Azure Lighthouse does not delegate the Owner role; use Contributor, and User Access Administrator with delegatedRoleDefinitionIds when a principal must assign roles. (Eligible authorizations are checked by eligible-role-invalid.)',
  check({ root, catalog, report }) {
    for (const plan of plansOf(root)) {
      for (const authorization of authorizationsOf(plan, 'authorizations')) {
        const node = prop(authorization.node, 'roleDefinitionId');
        const value = str(node);
        const reference = value === undefined ? undefined : resolveRoleReference(catalog, value);
        if (node && reference?.kind === 'builtin' && sameId(reference.role.id, OWNER_ROLE_ID)) {
          report(node, refusalMessage(reference.role, 'authorizations', catalog)!);
        }
      }
    }
  },
};
