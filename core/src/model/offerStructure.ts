/**
 * Where things live in an offer: the plans and their authorizations, found once from the tree so
 * that rules and features name them the same way.
 */
import type { Node } from 'jsonc-parser';
import { perVersion } from './caching';
import { at, items, prop, str } from './nodes';

export interface PlanRef {
  node: Node;
  index: number;
  planId: string | undefined;
  technicalConfiguration: Node | undefined;
}

export type AuthorizationKind = 'authorizations' | 'eligibleAuthorizations';

export interface AuthorizationRef {
  plan: PlanRef;
  kind: AuthorizationKind;
  node: Node;
  index: number;
  principalId: string | undefined;
  roleDefinitionId: string | undefined;
  /** The value nodes of the properties the checks read, each as `prop` finds it. */
  principalIdNode: Node | undefined;
  principalIdDisplayNameNode: Node | undefined;
  roleDefinitionIdNode: Node | undefined;
  delegatedRoleDefinitionIdsNode: Node | undefined;
}

/*
 * Found once per version: some thirty rules and features ask for the same plans and
 * authorizations, and on an offer of 100 plans × 20 authorizations finding them again for each was
 * a third of a check. Kept under the version's root, its PlanRefs and its plans arrays (each made
 * for one version: see caching.ts) and shared: callers must not modify the arrays they get.
 */
const plansOfRoot = perVersion((root: Node): readonly PlanRef[] =>
  items(prop(root, 'plans')).map((node, index) => ({
    node,
    index,
    planId: str(prop(node, 'planId')),
    technicalConfiguration: prop(node, 'technicalConfiguration'),
  })),
);
const authorizationsByKind = perVersion((_plan: PlanRef): Partial<Record<AuthorizationKind, AuthorizationRef[]>> => ({}));

export function plansOf(root: Node | undefined): readonly PlanRef[] {
  return root ? plansOfRoot(root) : [];
}

export function authorizationsOf(plan: PlanRef, kind: AuthorizationKind = 'authorizations'): readonly AuthorizationRef[] {
  const byKind = authorizationsByKind(plan);
  return (byKind[kind] ??= items(at(plan.technicalConfiguration, kind)).map((node, index) => authorizationRef(plan, kind, node, index)));
}

/**
 * An authorization with the properties the checks read, found in one pass over its properties
 * rather than by a `prop` per property per check (a dozen checks read them, on thousands of
 * authorizations). Each is what `prop` answers: the value of the first property of that name.
 */
function authorizationRef(plan: PlanRef, kind: AuthorizationKind, node: Node, index: number): AuthorizationRef {
  let principalIdNode: Node | undefined;
  let principalIdDisplayNameNode: Node | undefined;
  let roleDefinitionIdNode: Node | undefined;
  let delegatedRoleDefinitionIdsNode: Node | undefined;
  let found = 0;
  if (node.type === 'object' && node.children) {
    for (const property of node.children) {
      const key: unknown = property.children?.[0]?.value;
      const bit = key === 'principalId' ? 1 : key === 'principalIdDisplayName' ? 2 : key === 'roleDefinitionId' ? 4 : key === 'delegatedRoleDefinitionIds' ? 8 : 0;
      if (bit === 0 || found & bit) {
        continue;
      }
      found |= bit;
      const value = property.children?.[1];
      if (bit === 1) {
        principalIdNode = value;
      } else if (bit === 2) {
        principalIdDisplayNameNode = value;
      } else if (bit === 4) {
        roleDefinitionIdNode = value;
      } else {
        delegatedRoleDefinitionIdsNode = value;
      }
    }
  }
  return {
    plan,
    kind,
    node,
    index,
    principalId: str(principalIdNode),
    roleDefinitionId: str(roleDefinitionIdNode),
    principalIdNode,
    principalIdDisplayNameNode,
    roleDefinitionIdNode,
    delegatedRoleDefinitionIdsNode,
  };
}

/** Every authorization and eligible authorization of every plan. */
export function allAuthorizationsOf(root: Node | undefined): readonly AuthorizationRef[] {
  return authorizationsOfPlans(plansOf(root));
}

/** Every authorization and eligible authorization of `plans` (kept while the array is the same). */
export const authorizationsOfPlans = perVersion((plans: readonly PlanRef[]): readonly AuthorizationRef[] => {
  const all: AuthorizationRef[] = [];
  // One by one: a plan may have 200,000 of them, too many to pass as arguments to push.
  for (const plan of plans) {
    for (const kind of ['authorizations', 'eligibleAuthorizations'] as const) {
      for (const authorization of authorizationsOf(plan, kind)) {
        all.push(authorization);
      }
    }
  }
  return all;
});

/**
 * What an offer is called, as the plans tree and the hand-off sheet name it: its listing name, else
 * its alias, else its offer ID, the first that is not blank; undefined when it has none of them.
 */
export function offerName(root: Node | undefined): string | undefined {
  for (const name of [str(at(root, 'listing', 'name')), str(prop(root, 'alias')), str(prop(root, 'offerId'))]) {
    if (name !== undefined && name.trim() !== '') {
      return name;
    }
  }
  return undefined;
}
