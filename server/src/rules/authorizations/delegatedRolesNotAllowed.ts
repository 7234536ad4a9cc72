import { t } from '@core/l10n';
import { fromPointer } from '@core/model/jsonPointer';
import { items } from '@core/model/nodes';
import { authorizationsOf } from '@core/model/offerStructure';
import type { Rule } from '../rule';
import { holds, valueAt } from '../../edits/expectations';
import { removeValue } from '../../edits/pointerEdits';
import { quickFix } from '../../edits/quickFix';
import { intendedRole, isUserAccessAdministrator } from './roleReference';
import { withAdministratorEdits } from './roleFixes';

export const delegatedRolesNotAllowed: Rule = {
  code: 'delegated-roles-not-allowed',
  severity: 'error',
  scope: 'plan',
  docs: 'delegatedRoleDefinitionIds belongs only to a User Access Administrator authorization; on any other role the delegation is refused. An empty list is tolerated, and an unknown role is left to role-unknown.',
  check({ plans, catalog, report }) {
    for (const plan of plans) {
      for (const authorization of authorizationsOf(plan, 'authorizations')) {
        const list = authorization.delegatedRoleDefinitionIdsNode;
        if (!list || items(list).length === 0) {
          continue;
        }
        // Only an authorization with a list needs its role looked up.
        const role = intendedRole(catalog, authorization.roleDefinitionId);
        if (!role || isUserAccessAdministrator(role)) {
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
    const list = valueAt(context.document, diagnostic.path);
    if (list === undefined) {
      return [];
    }
    const path = fromPointer(diagnostic.path);
    const removal = removeValue(context, path, holds(list));
    // The message's other way: the same principal as User Access Administrator, in an authorization of its own.
    const title = t('Move these roles to a User Access Administrator authorization for the same principal');
    const moved = withAdministratorEdits(context, removal, { principalPath: path.slice(0, -1), authorizationsPath: path.slice(0, -2) }, list);
    return [...quickFix(context, t("Remove 'delegatedRoleDefinitionIds'"), removal, true), ...quickFix(context, title, moved)];
  },
};
