/**
 * Every object of the plans that names a principal: the authorizations and eligible
 * authorizations of each plan, and the approvers of each just-in-time policy.
 */
import type { Node } from 'jsonc-parser';
import { at, isObject, items, prop } from '@core/model/nodes';
import { perVersion } from '@core/model/caching';
import { authorizationsOfPlans, type PlanRef } from '@core/model/offerStructure';

export interface PrincipalHolder {
  /** The object with `principalId` and `principalIdDisplayName`. */
  node: Node;
  /** Approvers may leave out their display name (the schema makes it optional there). */
  isApprover: boolean;
  /** `prop(node, 'principalId')` and `prop(node, 'principalIdDisplayName')`, found once. */
  principalIdNode: Node | undefined;
  principalIdDisplayNameNode: Node | undefined;
}

/** Found once per list of plans of a version (the rules that read principals share it; see caching.ts). */
export const principalHoldersOf = perVersion((plans: readonly PlanRef[]): readonly PrincipalHolder[] => {
  const holders: PrincipalHolder[] = [];
  for (const authorization of authorizationsOfPlans(plans)) {
    if (!isObject(authorization.node)) {
      continue;
    }
    const { principalIdNode, principalIdDisplayNameNode } = authorization;
    holders.push({ node: authorization.node, isApprover: false, principalIdNode, principalIdDisplayNameNode });
    if (authorization.kind === 'eligibleAuthorizations') {
      for (const approver of items(at(authorization.node, 'justInTimeAccessPolicy', 'managedByTenantApprovers'))) {
        if (isObject(approver)) {
          holders.push({
            node: approver,
            isApprover: true,
            principalIdNode: prop(approver, 'principalId'),
            principalIdDisplayNameNode: prop(approver, 'principalIdDisplayName'),
          });
        }
      }
    }
  }
  return holders;
});
