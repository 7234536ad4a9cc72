import { t } from '@core/l10n';
import type { Node } from 'jsonc-parser';
import type { RoleCatalog } from '@core/catalog/roleCatalog';
import { quoteValue } from '@core/text/quote';
import { items, prop, str } from '@core/model/nodes';
import { authorizationsOf, type AuthorizationKind } from '@core/model/offerStructure';
import { fromPointer } from '@core/model/jsonPointer';
import type { Rule } from '../rule';
import { present } from '../../edits/expectations';
import { removeValue } from '../../edits/pointerEdits';
import { quickFix } from '../../edits/quickFix';
import { intendedRole } from './roleReference';

const KINDS: AuthorizationKind[] = ['authorizations', 'eligibleAuthorizations'];

/**
 * What makes two authorizations the same: the principal, and the role meant (by id or name) or
 * else the value written, lowercase, joined by '|'.
 */
function duplicateKey(catalog: RoleCatalog, principalId: string, roleDefinitionId: string): string {
  return `${principalId.trim().toLowerCase()}|${(intendedRole(catalog, roleDefinitionId)?.id ?? roleDefinitionId.trim()).toLowerCase()}`;
}

export const authorizationDuplicate: Rule = {
  code: 'authorization-duplicate',
  severity: 'warning',
  scope: 'plan',
  docs: "Giving the same principal the same role twice in one plan's list adds nothing and hides mistakes (a role meant for another group); the later copy is reported.",
  check({ plans, catalog, document, report }) {
    for (const plan of plans) {
      for (const kind of KINDS) {
        const authorizations = authorizationsOf(plan, kind);
        // One pass per list. Most principals appear once in a list, and only a principal seen
        // before needs its key made: authorizations are grouped by the principal up to its first
        // '|' (two equal keys always share it), and keys are compared only within a group.
        // group → the index of its first authorization, then, once the group has a second one,
        // key → the index of the first authorization with that key.
        const byGroup = new Map<string, number | Map<string, number>>();
        for (const authorization of authorizations) {
          const { principalId, roleDefinitionId } = authorization;
          if (principalId === undefined || roleDefinitionId === undefined) {
            continue;
          }
          const principal = principalId.trim().toLowerCase();
          const bar = principal.indexOf('|');
          const group = bar < 0 ? principal : principal.slice(0, bar);
          let firstByKey = byGroup.get(group);
          if (firstByKey === undefined) {
            byGroup.set(group, authorization.index);
            continue;
          }
          if (typeof firstByKey === 'number') {
            const first = authorizations[firstByKey];
            firstByKey = new Map([[duplicateKey(catalog, first.principalId!, first.roleDefinitionId!), firstByKey]]);
            byGroup.set(group, firstByKey);
          }
          const key = duplicateKey(catalog, principalId, roleDefinitionId);
          const earlier = firstByKey.get(key);
          if (earlier === undefined) {
            firstByKey.set(key, authorization.index);
            continue;
          }
          const role = intendedRole(catalog, roleDefinitionId);
          // The squiggle goes on the principal; the path names the whole authorization.
          const principalNode = authorization.principalIdNode ?? authorization.node;
          report(
            { offset: principalNode.offset, length: principalNode.length, path: document.pointerOf(authorization.node) },
            t(
              "Principal '{0}' already has {1} in {2}[{3}] of this plan: remove this duplicate, or change its principal or role.",
              quoteValue(principalId),
              role?.roleName ?? quoteValue(roleDefinitionId),
              kind,
              earlier,
            ),
          );
        }
      }
    }
  },
  fix(diagnostic, context) {
    // "Remove this duplicate": the later authorization, when an earlier one still gives the same
    // principal the same role (never applied blindly: its display name may be the one meant).
    const path = fromPointer(diagnostic.path);
    const index = path[path.length - 1];
    const authorization = context.document.nodeAt(path);
    const list = authorization?.parent;
    if (typeof index !== 'number' || list?.type !== 'array') {
      return [];
    }
    const keyOf = (node: Node) => {
      const principalId = str(prop(node, 'principalId'));
      const roleId = str(prop(node, 'roleDefinitionId'));
      return principalId === undefined || roleId === undefined ? undefined : duplicateKey(context.catalog, principalId, roleId);
    };
    const key = keyOf(authorization!);
    const earlier = key !== undefined && items(list).slice(0, index).some((other) => keyOf(other) === key);
    return earlier ? quickFix(context, t('Remove this duplicate authorization'), removeValue(context, path, present)) : [];
  },
};
