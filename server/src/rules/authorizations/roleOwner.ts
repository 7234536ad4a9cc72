import { t } from '@core/l10n';
import { CONTRIBUTOR_ROLE_ID, roleRefusal } from '@core/knowledge/rolePolicy';
import { fromPointer } from '@core/model/jsonPointer';
import type { Rule } from '../rule';
import { holds, valueAt } from '../../edits/expectations';
import { setValue } from '../../edits/pointerEdits';
import { quickFix } from '../../edits/quickFix';
import { refusalMessage, resolveRoleReference, roleValuesOf } from './roleReference';
import { withAdministratorEdits } from './roleFixes';

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
    const title = t('Use Contributor, and add User Access Administrator for this principal (it may assign Contributor)');
    const withAdministrator = withAdministratorEdits(context, useContributor, { principalPath: authorizationPath, authorizationsPath: authorizationPath.slice(0, -1) }, [
      CONTRIBUTOR_ROLE_ID,
    ]);
    return [...quickFix(context, t('Use Contributor instead of Owner'), useContributor), ...quickFix(context, title, withAdministrator)];
  },
};
