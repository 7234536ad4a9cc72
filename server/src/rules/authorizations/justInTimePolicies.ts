/** The just-in-time access policy of every eligible authorization of the plans. */
import type { Node } from 'jsonc-parser';
import { prop } from '@core/model/nodes';
import { authorizationsOf, type PlanRef } from '@core/model/offerStructure';

export function justInTimePoliciesOf(plans: readonly PlanRef[]): Node[] {
  const policies: Node[] = [];
  for (const plan of plans) {
    for (const authorization of authorizationsOf(plan, 'eligibleAuthorizations')) {
      const policy = prop(authorization.node, 'justInTimeAccessPolicy');
      if (policy?.type === 'object') {
        policies.push(policy);
      }
    }
  }
  return policies;
}
