import { t } from '@core/l10n';
import type { Node } from 'jsonc-parser';
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

export const authorizationDuplicate: Rule = {
  code: 'authorization-duplicate',
  severity: 'warning',
  scope: 'plan',
  docs: "Giving the same principal the same role twice in one plan's list adds nothing and hides mistakes (a role meant for another group); the later copy is reported.",
  check({ plans, catalog, document, report }) {
    for (const plan of plans) {
      for (const kind of KINDS) {
        // principal|role → index of the first authorization that gives it (one pass per list).
        const firstIndex = new Map<string, number>();
        for (const authorization of authorizationsOf(plan, kind)) {
          const { principalId, roleDefinitionId } = authorization;
          if (principalId === undefined || roleDefinitionId === undefined) {
            continue;
          }
          const role = intendedRole(catalog, roleDefinitionId);
          const key = `${principalId.trim().toLowerCase()}|${(role?.id ?? roleDefinitionId.trim()).toLowerCase()}`;
          const earlier = firstIndex.get(key);
          if (earlier === undefined) {
            firstIndex.set(key, authorization.index);
            continue;
          }
          // The squiggle goes on the principal; the path names the whole authorization.
          const principalNode = prop(authorization.node, 'principalId') ?? authorization.node;
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
      const role = intendedRole(context.catalog, roleId);
      return principalId === undefined || roleId === undefined ? undefined : `${principalId.trim().toLowerCase()}|${(role?.id ?? roleId.trim()).toLowerCase()}`;
    };
    const key = keyOf(authorization!);
    const earlier = key !== undefined && items(list).slice(0, index).some((other) => keyOf(other) === key);
    return earlier ? quickFix(context, t('Remove this duplicate authorization'), removeValue(context, path, present)) : [];
  },
};
