import { t } from '@core/l10n';
import { fromPointer } from '@core/model/jsonPointer';
import { items, prop } from '@core/model/nodes';
import { authorizationsOf } from '@core/model/offerStructure';
import type { Rule } from '../rule';
import { removePropertyFix, valueAt } from './quickFix';
import { intendedRole, isUserAccessAdministrator } from './roleReference';

export const delegatedRolesNotAllowed: Rule = {
  code: 'delegated-roles-not-allowed',
  severity: 'error',
  scope: 'plan',
  docs: 'delegatedRoleDefinitionIds belongs only to a User Access Administrator authorization; on any other role the delegation is refused. An empty list is tolerated, and an unknown role is left to role-unknown.',
  check({ plans, catalog, report }) {
    for (const plan of plans) {
      for (const authorization of authorizationsOf(plan, 'authorizations')) {
        const list = prop(authorization.node, 'delegatedRoleDefinitionIds');
        const role = intendedRole(catalog, authorization.roleDefinitionId);
        if (!list || items(list).length === 0 || !role || isUserAccessAdministrator(role)) {
          continue;
        }
        report(
          list,
          t(
            "'delegatedRoleDefinitionIds' is allowed only with User Access Administrator, not with {0}: remove it, or give this principal User Access Administrator in a separate authorization.",
            role.roleName,
          ),
        );
      }
    }
  },
  fix(diagnostic, context) {
    if (valueAt(context, diagnostic.path) === undefined) {
      return [];
    }
    const fix = removePropertyFix(context, fromPointer(diagnostic.path), t("Remove 'delegatedRoleDefinitionIds'"), true);
    return fix ? [fix] : [];
  },
};
