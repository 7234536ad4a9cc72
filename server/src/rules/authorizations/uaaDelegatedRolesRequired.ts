import { t } from '@core/l10n';
import { READER_ROLE_ID } from '@core/catalog/roleCatalog';
import { fromPointer } from '@core/model/jsonPointer';
import { isObject, items } from '@core/model/nodes';
import { authorizationsOf } from '@core/model/offerStructure';
import type { Rule } from '../rule';
import { holds, valueAt } from '../../edits/expectations';
import { addProperty, setValue } from '../../edits/pointerEdits';
import { quickFix } from '../../edits/quickFix';
import { intendedRole, isUserAccessAdministrator } from './roleReference';

export const uaaDelegatedRolesRequired: Rule = {
  code: 'uaa-delegated-roles-required',
  severity: 'error',
  scope: 'plan',
  docs: 'Azure Lighthouse grants User Access Administrator only to assign the roles listed in delegatedRoleDefinitionIds (for example to managed identities), so the list must name at least one.',
  check({ plans, catalog, report }) {
    for (const plan of plans) {
      for (const authorization of authorizationsOf(plan, 'authorizations')) {
        if (!isObject(authorization.node) || !isUserAccessAdministrator(intendedRole(catalog, authorization.roleDefinitionId))) {
          continue;
        }
        const list = authorization.delegatedRoleDefinitionIdsNode;
        if (!list) {
          report(
            { missing: 'delegatedRoleDefinitionIds', in: authorization.node },
            t("User Access Administrator needs 'delegatedRoleDefinitionIds': list the built-in roles this principal may assign, such as Contributor."),
          );
        } else if (list.type === 'array' && items(list).length === 0) {
          report(
            list,
            t("'delegatedRoleDefinitionIds' is empty: list the built-in roles User Access Administrator may assign, such as Contributor."),
          );
        }
      }
    }
  },
  fix(diagnostic, context) {
    const path = fromPointer(diagnostic.path);
    const current = valueAt(context.document, diagnostic.path);
    // Reader is the least privilege a principal could assign: a safe start, to change as needed.
    const title = t('Let User Access Administrator assign Reader (change it to the roles you need)');
    if (current === undefined) {
      return quickFix(context, title, addProperty(context, path.slice(0, -1), 'delegatedRoleDefinitionIds', [READER_ROLE_ID]));
    }
    if (Array.isArray(current) && current.length === 0) {
      return quickFix(context, title, setValue(context, path, [READER_ROLE_ID], holds([])));
    }
    return [];
  },
};
