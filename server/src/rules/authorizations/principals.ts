/**
 * Every object of the plans that names a principal: the authorizations and eligible
 * authorizations of each plan, and the approvers of each just-in-time policy.
 */
import type { Node } from 'jsonc-parser';
import { at, isObject, items } from '@core/model/nodes';
import { perVersion } from '@core/model/caching';
import { authorizationsOfPlans, type PlanRef } from '@core/model/offerStructure';

export interface PrincipalHolder {
  /** The object with `principalId` and `principalIdDisplayName`. */
  node: Node;
  /** Approvers may leave out their display name (the schema makes it optional there). */
  isApprover: boolean;
}

/** Found once per list of plans of a version (the rules that read principals share it; see caching.ts). */
export const principalHoldersOf = perVersion((plans: readonly PlanRef[]): readonly PrincipalHolder[] => {
  const holders: PrincipalHolder[] = [];
  for (const authorization of authorizationsOfPlans(plans)) {
    if (!isObject(authorization.node)) {
      continue;
    }
    holders.push({ node: authorization.node, isApprover: false });
    if (authorization.kind === 'eligibleAuthorizations') {
      for (const approver of items(at(authorization.node, 'justInTimeAccessPolicy', 'managedByTenantApprovers'))) {
        if (isObject(approver)) {
          holders.push({ node: approver, isApprover: true });
        }
      }
    }
  }
  return holders;
});
