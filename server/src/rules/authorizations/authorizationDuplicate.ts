import { t } from '@core/l10n';
import { quoteValue } from '@core/text/quote';
import { prop } from '@core/model/nodes';
import { authorizationsOf, type AuthorizationKind } from '@core/model/offerStructure';
import type { Rule } from '../rule';
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
};
