/**
 * The principals an offer names (authorizations, eligible authorizations, just-in-time approvers)
 * and the tenant ids of its plans: so that a principal written once can be picked by its display
 * name elsewhere, and a hover on an id can say who it is.
 */
import type { Node } from 'jsonc-parser';
import { at, isGuid, items, prop, str } from '../model/nodes';
import { allAuthorizationsOf, plansOf } from '../model/offerStructure';

export type PrincipalPlace = 'authorization' | 'eligibleAuthorization' | 'approver';

export interface PrincipalMention {
  principalId: string;
  /** The display name written beside it ('' when absent or empty). */
  displayName: string;
  /** The principalId value node. */
  idNode: Node;
  /** The object that holds principalId and principalIdDisplayName. */
  holder: Node;
  place: PrincipalPlace;
  planId: string | undefined;
  /** The role id of the authorization (or of the eligible authorization an approver approves). */
  roleDefinitionId: string | undefined;
}

/**
 * Mentions found once per parsed version (the tree's root is new for every version): hovers and
 * completions at many positions of a large offer then cost a lookup, not a walk.
 */
const mentionsByRoot = new WeakMap<Node, readonly PrincipalMention[]>();

export function principalMentionsOf(root: Node | undefined): readonly PrincipalMention[] {
  if (!root) {
    return [];
  }
  let mentions = mentionsByRoot.get(root);
  if (!mentions) {
    mentions = findPrincipalMentions(root);
    mentionsByRoot.set(root, mentions);
  }
  return mentions;
}

function findPrincipalMentions(root: Node): PrincipalMention[] {
  const mentions: PrincipalMention[] = [];
  const add = (holder: Node, place: PrincipalPlace, planId: string | undefined, roleDefinitionId: string | undefined) => {
    const idNode = prop(holder, 'principalId');
    const principalId = str(idNode);
    if (idNode && principalId !== undefined) {
      mentions.push({
        principalId,
        displayName: str(prop(holder, 'principalIdDisplayName'))?.trim() ?? '',
        idNode,
        holder,
        place,
        planId,
        roleDefinitionId,
      });
    }
  };
  for (const authorization of allAuthorizationsOf(root)) {
    const eligible = authorization.kind === 'eligibleAuthorizations';
    add(authorization.node, eligible ? 'eligibleAuthorization' : 'authorization', authorization.plan.planId, authorization.roleDefinitionId);
    if (eligible) {
      for (const approver of items(at(authorization.node, 'justInTimeAccessPolicy', 'managedByTenantApprovers'))) {
        add(approver, 'approver', authorization.plan.planId, authorization.roleDefinitionId);
      }
    }
  }
  return mentions;
}

export interface KnownPrincipal {
  principalId: string;
  /** The first non-empty display name the offer gives it ('' when none). */
  displayName: string;
}

/** Each valid principal id once (case-insensitively), in order of first mention, except `exclude`. */
export function knownPrincipals(root: Node | undefined, exclude?: Node): KnownPrincipal[] {
  const byId = new Map<string, KnownPrincipal>();
  for (const mention of principalMentionsOf(root)) {
    if (mention.idNode === exclude || !isGuid(mention.principalId)) {
      continue;
    }
    const key = mention.principalId.toLowerCase();
    const known = byId.get(key);
    if (!known) {
      byId.set(key, { principalId: mention.principalId, displayName: mention.displayName });
    } else if (known.displayName === '' && mention.displayName !== '') {
      known.displayName = mention.displayName;
    }
  }
  return [...byId.values()];
}

/** The valid tenant ids of the plans (each once), with the plans that use them, except `exclude`. */
export function knownTenants(root: Node | undefined, exclude?: Node): { tenantId: string; planIds: string[] }[] {
  const byId = new Map<string, { tenantId: string; planIds: string[] }>();
  for (const plan of plansOf(root)) {
    const node = prop(plan.technicalConfiguration, 'tenantId');
    const tenantId = str(node);
    if (!node || node === exclude || tenantId === undefined || !isGuid(tenantId)) {
      continue;
    }
    const key = tenantId.toLowerCase();
    const entry = byId.get(key) ?? { tenantId, planIds: [] };
    entry.planIds.push(plan.planId ?? `#${plan.index + 1}`);
    byId.set(key, entry);
  }
  return [...byId.values()];
}
