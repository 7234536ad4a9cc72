/**
 * Where things live in an offer: the plans and their authorizations, found once from the tree so
 * that rules and features name them the same way.
 */
import type { Node } from 'jsonc-parser';
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
}

export function plansOf(root: Node | undefined): PlanRef[] {
  return items(prop(root, 'plans')).map((node, index) => ({
    node,
    index,
    planId: str(prop(node, 'planId')),
    technicalConfiguration: prop(node, 'technicalConfiguration'),
  }));
}

export function authorizationsOf(plan: PlanRef, kind: AuthorizationKind = 'authorizations'): AuthorizationRef[] {
  return items(at(plan.technicalConfiguration, kind)).map((node, index) => ({
    plan,
    kind,
    node,
    index,
    principalId: str(prop(node, 'principalId')),
    roleDefinitionId: str(prop(node, 'roleDefinitionId')),
  }));
}

/** Every authorization and eligible authorization of every plan. */
export function allAuthorizationsOf(root: Node | undefined): AuthorizationRef[] {
  return plansOf(root).flatMap((plan) => [
    ...authorizationsOf(plan, 'authorizations'),
    ...authorizationsOf(plan, 'eligibleAuthorizations'),
  ]);
}
