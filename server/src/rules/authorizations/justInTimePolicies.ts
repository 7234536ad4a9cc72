/** The just-in-time access policy of every eligible authorization of every plan. */
import type { Node } from 'jsonc-parser';
import { prop } from '../../model/nodes';
import { authorizationsOf, plansOf } from '../../model/offerStructure';

export function justInTimePoliciesOf(root: Node): Node[] {
  const policies: Node[] = [];
  for (const plan of plansOf(root)) {
    for (const authorization of authorizationsOf(plan, 'eligibleAuthorizations')) {
      const policy = prop(authorization.node, 'justInTimeAccessPolicy');
      if (policy?.type === 'object') {
        policies.push(policy);
      }
    }
  }
  return policies;
}
