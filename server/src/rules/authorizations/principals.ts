/**
 * Every object of the plans that names a principal: the authorizations and eligible
 * authorizations of each plan, and the approvers of each just-in-time policy.
 */
import type { Node } from 'jsonc-parser';
import { at, isObject, items } from '@core/model/nodes';
import { authorizationsOfPlans, type PlanRef } from '@core/model/offerStructure';

export interface PrincipalHolder {
  /** The object with `principalId` and `principalIdDisplayName`. */
  node: Node;
  /** Approvers may leave out their display name (the schema makes it optional there). */
  isApprover: boolean;
}

export function principalHoldersOf(plans: readonly PlanRef[]): PrincipalHolder[] {
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
}
