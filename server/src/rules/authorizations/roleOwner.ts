import { t } from '@core/l10n';
import { CONTRIBUTOR_ROLE_ID, roleRefusal, USER_ACCESS_ADMINISTRATOR_ROLE_ID } from '@core/knowledge/rolePolicy';
import { fromPointer } from '@core/model/jsonPointer';
import { prop, str } from '@core/model/nodes';
import type { Rule } from '../rule';
import { holds, valueAt } from '../../edits/expectations';
import { combineEdits } from '../../edits/offsetEdits';
import { appendItem, setValue } from '../../edits/pointerEdits';
import { quickFix } from '../../edits/quickFix';
import { refusalMessage, resolveRoleReference, roleValuesOf } from './roleReference';

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
  fix(diagnostic, context) {
    // What the message says: Contributor; and, for a principal that must assign roles (as Owner
    // could), User Access Administrator beside it, allowed to assign Contributor.
    const value = valueAt(context.document, diagnostic.path);
    const reference = typeof value === 'string' ? resolveRoleReference(context.catalog, value) : undefined;
    if (reference?.kind !== 'builtin' || roleRefusal('authorization', reference.role) !== 'owner') {
      return [];
    }
    const rolePath = fromPointer(diagnostic.path);
    const authorizationPath = rolePath.slice(0, -1);
    const useContributor = setValue(context, rolePath, CONTRIBUTOR_ROLE_ID, holds(value));
    const authorization = context.document.nodeAt(authorizationPath);
    const administrator = {
      principalId: str(prop(authorization, 'principalId')) ?? '',
      principalIdDisplayName: str(prop(authorization, 'principalIdDisplayName')) ?? '',
      roleDefinitionId: USER_ACCESS_ADMINISTRATOR_ROLE_ID,
      delegatedRoleDefinitionIds: [CONTRIBUTOR_ROLE_ID],
    };
    const title = t('Use Contributor, and add User Access Administrator for this principal (it may assign Contributor)');
    const withAdministrator = combineEdits([useContributor, appendItem(context, authorizationPath.slice(0, -1), administrator)]);
    return [...quickFix(context, t('Use Contributor instead of Owner'), useContributor), ...quickFix(context, title, withAdministrator)];
  },
};
