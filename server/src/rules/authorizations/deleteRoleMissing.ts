import { t } from '@core/l10n';
import { DELETE_ROLE_ID } from '@core/catalog/roleCatalog';
import { fromPointer } from '@core/model/jsonPointer';
import type { Rule } from '../rule';
import { addAuthorizationFix, plansLackingRole } from './technicalConfigurationTarget';

const PLACEHOLDER_DISPLAY_NAME = 'PLACEHOLDER: set principalId to the group allowed to remove this delegation';

export const deleteRoleMissing: Rule = {
  code: 'delete-role-missing',
  severity: 'warning',
  scope: 'plan',
  docs: 'Without an authorization (permanent or eligible) holding Managed Services Registration assignment Delete Role, only the customer can remove the delegation; you could not end it yourself.',
  check(context) {
    // An eligible authorization counts: the delegation can still be ended after activating it.
    // plansLackingRole hands over the role's id lowercased, as DELETE_ROLE_ID is written.
    const lacking = plansLackingRole(context, ['authorizations', 'eligibleAuthorizations'], (roleId) => roleId === DELETE_ROLE_ID);
    for (const { target } of lacking) {
      context.report(
        target,
        t(
          "No authorization in this plan has Managed Services Registration assignment Delete Role ({0}): only the customer could remove the delegation. Give it to a group of yours.",
          DELETE_ROLE_ID,
        ),
      );
    }
  },
  fix(diagnostic, context) {
    return addAuthorizationFix(
      context,
      fromPointer(diagnostic.path),
      t('Add an authorization with Managed Services Registration assignment Delete Role (then set its principalId)'),
      DELETE_ROLE_ID,
      PLACEHOLDER_DISPLAY_NAME,
    );
  },
};
