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

/*
 * Found once per tree: some thirty rules and features ask for the same plans and authorizations,
 * and on an offer of 100 plans × 20 authorizations finding them again for each was a third of a
 * check. A tree is never changed (a new version of the text is a new tree), so the answers are
 * kept by node and shared: callers must not modify the arrays they get.
 */
const plansByRoot = new WeakMap<Node, PlanRef[]>();
const authorizationsByPlan = new WeakMap<PlanRef, Partial<Record<AuthorizationKind, AuthorizationRef[]>>>();
const allAuthorizationsByPlans = new WeakMap<readonly PlanRef[], AuthorizationRef[]>();

export function plansOf(root: Node | undefined): readonly PlanRef[] {
  if (!root) {
    return [];
  }
  let plans = plansByRoot.get(root);
  if (!plans) {
    plans = items(prop(root, 'plans')).map((node, index) => ({
      node,
      index,
      planId: str(prop(node, 'planId')),
      technicalConfiguration: prop(node, 'technicalConfiguration'),
    }));
    plansByRoot.set(root, plans);
  }
  return plans;
}

export function authorizationsOf(plan: PlanRef, kind: AuthorizationKind = 'authorizations'): readonly AuthorizationRef[] {
  let byKind = authorizationsByPlan.get(plan);
  if (!byKind) {
    byKind = {};
    authorizationsByPlan.set(plan, byKind);
  }
  return (byKind[kind] ??= items(at(plan.technicalConfiguration, kind)).map((node, index) => ({
    plan,
    kind,
    node,
    index,
    principalId: str(prop(node, 'principalId')),
    roleDefinitionId: str(prop(node, 'roleDefinitionId')),
  })));
}

/** Every authorization and eligible authorization of every plan. */
export function allAuthorizationsOf(root: Node | undefined): readonly AuthorizationRef[] {
  return authorizationsOfPlans(plansOf(root));
}

/** Every authorization and eligible authorization of `plans` (kept while the array is the same). */
export function authorizationsOfPlans(plans: readonly PlanRef[]): readonly AuthorizationRef[] {
  let all = allAuthorizationsByPlans.get(plans);
  if (!all) {
    all = [];
    // One by one: a plan may have 200,000 of them, too many to pass as arguments to push.
    for (const plan of plans) {
      for (const kind of ['authorizations', 'eligibleAuthorizations'] as const) {
        for (const authorization of authorizationsOf(plan, kind)) {
          all.push(authorization);
        }
      }
    }
    allAuthorizationsByPlans.set(plans, all);
  }
  return all;
}
