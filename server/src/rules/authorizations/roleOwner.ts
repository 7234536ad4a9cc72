import { roleRefusal } from '@core/knowledge/rolePolicy';
import type { Rule } from '../rule';
import { refusalMessage, roleValuesOf } from './roleReference';

export const roleOwner: Rule = {
  code: 'role-owner',
  severity: 'error',
  scope: 'plan',
  docs: 'Azure Lighthouse does not delegate the Owner role; use Contributor, and User Access Administrator with delegatedRoleDefinitionIds when a principal must assign roles. (Eligible authorizations are checked by eligible-role-invalid.)',
  check({ plans, catalog, report }) {
    for (const { node, reference } of roleValuesOf(plans, catalog, ['authorizations'])) {
      if (reference.kind === 'builtin' && roleRefusal('authorization', reference.role) === 'owner') {
        report(node, refusalMessage(reference.role, 'authorizations', catalog)!);
      }
    }
  },
};
