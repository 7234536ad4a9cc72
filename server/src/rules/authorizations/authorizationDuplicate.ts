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

/** What makes two authorizations the same: the principal, trimmed and lowercase… */
function principalKey(principalId: string): string {
  return principalId.trim().toLowerCase();
}

/** …and the role meant (by id or name), or else the value written, lowercase. */
function roleKey(catalog: RoleCatalog, roleDefinitionId: string): string {
  return (intendedRole(catalog, roleDefinitionId)?.id ?? roleDefinitionId.trim()).toLowerCase();
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
        // before needs its role's key made: authorizations are grouped by their principal, and
        // roles are compared only within a group. principal → the index of its first
        // authorization, then, once the principal has a second one, role key → the index of the
        // first authorization with that role.
        const byPrincipal = new Map<string, number | Map<string, number>>();
        for (const authorization of authorizations) {
          const { principalId, roleDefinitionId } = authorization;
          if (principalId === undefined || roleDefinitionId === undefined) {
            continue;
          }
          const principal = principalKey(principalId);
          let firstByRole = byPrincipal.get(principal);
          if (firstByRole === undefined) {
            byPrincipal.set(principal, authorization.index);
            continue;
          }
          if (typeof firstByRole === 'number') {
            firstByRole = new Map([[roleKey(catalog, authorizations[firstByRole].roleDefinitionId!), firstByRole]]);
            byPrincipal.set(principal, firstByRole);
          }
          const role = roleKey(catalog, roleDefinitionId);
          const earlier = firstByRole.get(role);
          if (earlier === undefined) {
            firstByRole.set(role, authorization.index);
            continue;
          }
          const meant = intendedRole(catalog, roleDefinitionId);
          // The squiggle goes on the principal; the path names the whole authorization.
          const principalNode = authorization.principalIdNode ?? authorization.node;
          report(
            { offset: principalNode.offset, length: principalNode.length, path: document.pointerOf(authorization.node) },
            t(
              "Principal '{0}' already has {1} in {2}[{3}] of this plan: remove this duplicate, or change its principal or role.",
              quoteValue(principalId),
              meant?.roleName ?? quoteValue(roleDefinitionId),
              kind,
              earlier,
            ),
            { earlier },
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
    // The check names the earlier authorization: only that one is compared again.
    const earlierIndex = diagnostic.data?.earlier;
    const earlierNode = typeof earlierIndex === 'number' && earlierIndex < index ? items(list)[earlierIndex] : undefined;
    const keysOf = (node: Node | undefined) => {
      const principalId = str(prop(node, 'principalId'));
      const roleId = str(prop(node, 'roleDefinitionId'));
      return principalId === undefined || roleId === undefined ? undefined : { principal: principalKey(principalId), role: roleKey(context.catalog, roleId) };
    };
    const keys = keysOf(authorization);
    const earlierKeys = keys && keysOf(earlierNode);
    const earlier = keys !== undefined && earlierKeys !== undefined && keys.principal === earlierKeys.principal && keys.role === earlierKeys.role;
    return earlier ? quickFix(context, t('Remove this duplicate authorization'), removeValue(context, path, present)) : [];
  },
};
