import { roleRefusal } from '@core/knowledge/rolePolicy';
import type { Rule } from '../rule';
import { replacementRoleFixes } from './roleFixes';
import { refusalMessage, roleValuesOf } from './roleReference';

export const roleDataActions: Rule = {
  code: 'role-data-actions',
  severity: 'error',
  scope: 'plan',
  docs: 'Azure Lighthouse refuses built-in roles with DataActions (the catalog says which, and roles gain them over time); this names a similar role without them. (Eligible authorizations are checked by eligible-role-invalid.)',
  check({ plans, catalog, report }) {
    for (const { node, reference } of roleValuesOf(plans, catalog, ['authorizations'])) {
      if (reference.kind === 'builtin' && roleRefusal('authorization', reference.role) === 'dataActions') {
        report(node, refusalMessage(reference.role, 'authorizations', catalog)!);
      }
    }
  },
  fix(diagnostic, context) {
    return replacementRoleFixes(diagnostic, context, 'authorization');
  },
};
