import { t } from '@core/l10n';
import type { Rule } from '../rule';
import { replaceValueFix } from '../../edits/quickFix';
import { refusalMessage, roleNameMessage, roleValuesOf } from './roleReference';

export const roleNameInsteadOfId: Rule = {
  code: 'role-name-instead-of-id',
  severity: 'error',
  scope: 'plan',
  docs: "roleDefinitionId takes a built-in role's GUID, not its name: 'Contributor' must be written b24988ac-6180-42a0-ab88-20f7382dd24c (the quick fix does it).",
  check({ plans, catalog, report }) {
    for (const { authorization, node, value, reference } of roleValuesOf(plans, catalog)) {
      if (reference.kind === 'name') {
        // A role refused here anyway is said at once, and its ID is no fix to apply blindly.
        const refusal = refusalMessage(reference.role, authorization.kind, catalog);
        const message = roleNameMessage(value, reference.role);
        report(node, refusal ? `${message} ${refusal}` : message, {
          roleId: reference.role.id,
          roleName: reference.role.roleName,
          reported: value,
          preferred: refusal === undefined,
        });
      }
    }
  },
  fix(diagnostic, context) {
    const { roleId, roleName, reported } = diagnostic.data ?? {};
    if (typeof roleId !== 'string' || typeof roleName !== 'string') {
      return [];
    }
    return replaceValueFix(diagnostic, context, {
      title: t("Use the ID of {0} ('{1}')", roleName, roleId),
      reported,
      replacement: roleId,
      isPreferred: diagnostic.data?.preferred === true,
    });
  },
};
