import { t } from '@core/l10n';
import { roleRefusal } from '@core/knowledge/rolePolicy';
import { items, str } from '@core/model/nodes';
import { authorizationsOf } from '@core/model/offerStructure';
import type { Rule } from '../rule';
import { replaceValueFix } from '../../edits/quickFix';
import { embeddedRoleIdFixes, replacementRoleFixes } from './roleFixes';
import {
  dataActionsMessage,
  intendedRole,
  isUserAccessAdministrator,
  resolveRoleReference,
  roleNameMessage,
  unknownRoleMessage,
} from './roleReference';

export const delegatedRoleInvalid: Rule = {
  code: 'delegated-role-invalid',
  severity: 'error',
  scope: 'plan',
  docs: 'Each role User Access Administrator may assign must itself be a built-in role that Azure Lighthouse supports, and neither Owner nor User Access Administrator.',
  check({ plans, catalog, report }) {
    for (const plan of plans) {
      for (const authorization of authorizationsOf(plan, 'authorizations')) {
        const delegated = items(authorization.delegatedRoleDefinitionIdsNode);
        if (delegated.length === 0) {
          continue;
        }
        const role = intendedRole(catalog, authorization.roleDefinitionId);
        // On any other role the whole list is wrong (delegated-roles-not-allowed): no detail.
        if (role && !isUserAccessAdministrator(role)) {
          continue;
        }
        for (const item of delegated) {
          const value = str(item);
          if (value === undefined) {
            continue;
          }
          const reference = resolveRoleReference(catalog, value);
          if (reference.kind === 'unknownGuid' || reference.kind === 'notGuid') {
            report(item, unknownRoleMessage(value, reference));
          } else if (reference.kind === 'name') {
            report(item, roleNameMessage(value, reference.role), {
              roleId: reference.role.id,
              roleName: reference.role.roleName,
              reported: value,
            });
          } else {
            const refusal = roleRefusal('delegated', reference.role);
            if (refusal === 'owner') {
              report(item, t('User Access Administrator may not assign Owner: Azure Lighthouse does not support it. List roles such as Contributor instead.'));
            } else if (refusal === 'assignsItself') {
              report(item, t('User Access Administrator may not assign User Access Administrator itself: list the roles to assign, such as Contributor.'));
            } else if (refusal === 'dataActions') {
              report(item, dataActionsMessage(reference.role, catalog));
            }
          }
        }
      }
    }
  },
  fix(diagnostic, context) {
    // A role written by name has a sure fix: its ID.
    const { roleId, roleName, reported } = diagnostic.data ?? {};
    if (typeof roleId === 'string' && typeof roleName === 'string') {
      return replaceValueFix(diagnostic, context, { title: t("Use the ID of {0} ('{1}')", roleName, roleId), reported, replacement: roleId, isPreferred: true });
    }
    // A refused role: the roles the message suggests, or removing it; a resource id: its GUID.
    return [...replacementRoleFixes(diagnostic, context, 'delegated'), ...embeddedRoleIdFixes(diagnostic, context)];
  },
};
