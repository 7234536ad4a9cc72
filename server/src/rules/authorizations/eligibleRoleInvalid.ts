import { t } from '@core/l10n';
import { READER_ROLE_ID, roleRefusal } from '@core/knowledge/rolePolicy';
import { fromPointer } from '@core/model/jsonPointer';
import { str } from '@core/model/nodes';
import { authorizationsOf } from '@core/model/offerStructure';
import type { FixContext, QuickFix, Rule } from '../rule';
import { present, valueAt } from '../../edits/expectations';
import { removeValue } from '../../edits/pointerEdits';
import { quickFix } from '../../edits/quickFix';
import { replacementRoleFixes, withAdministratorEdits } from './roleFixes';
import { refusalMessage, resolveRoleReference } from './roleReference';

export const eligibleRoleInvalid: Rule = {
  code: 'eligible-role-invalid',
  severity: 'error',
  scope: 'plan',
  docs: 'An eligible (just-in-time) authorization cannot hold User Access Administrator, Owner or a role with DataActions; this one code covers them all for eligible authorizations.',
  check({ plans, catalog, report }) {
    for (const plan of plans) {
      for (const authorization of authorizationsOf(plan, 'eligibleAuthorizations')) {
        const node = authorization.roleDefinitionIdNode;
        const value = str(node);
        const reference = value === undefined ? undefined : resolveRoleReference(catalog, value);
        const refusal = reference?.kind === 'builtin' ? refusalMessage(reference.role, 'eligibleAuthorizations', catalog) : undefined;
        if (node && refusal) {
          report(node, refusal);
        }
      }
    }
  },
  fix(diagnostic, context) {
    return [...replacementRoleFixes(diagnostic, context, 'eligible'), ...permanentAdministratorFix(diagnostic.path, context)];
  },
};

/**
 * User Access Administrator cannot be eligible: the message says to give it in authorizations,
 * with delegatedRoleDefinitionIds. The eligible authorization moves there (its activation policy
 * has no place in a permanent one), allowed to assign Reader, the least a principal could assign,
 * to change as needed.
 */
function permanentAdministratorFix(pointer: string, context: FixContext): QuickFix[] {
  const value = valueAt(context.document, pointer);
  const reference = typeof value === 'string' ? resolveRoleReference(context.catalog, value) : undefined;
  if (reference?.kind !== 'builtin' || roleRefusal('eligible', reference.role) !== 'notEligible') {
    return [];
  }
  const eligiblePath = fromPointer(pointer).slice(0, -1);
  const configurationPath = eligiblePath.slice(0, -2);
  const title = t('Make it a permanent authorization that may assign Reader (change it to the roles you need)');
  const place = { principalPath: eligiblePath, authorizationsPath: [...configurationPath, 'authorizations'] };
  return quickFix(context, title, withAdministratorEdits(context, removeValue(context, eligiblePath, present), place, [READER_ROLE_ID], reference.role.id));
}
