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
  readonly principalId: string;
  /** The first non-empty display name the offer gives it ('' when none). */
  readonly displayName: string;
}

/** The valid principal mentions of a tree grouped by principal, found once per parsed version. */
interface PrincipalIndex {
  /** Each valid principal id once (case-insensitively), in order of first mention. */
  principals: readonly KnownPrincipal[];
  /** Per principal (same order): its key and its valid mentions, as indexes into the mentions. */
  keys: readonly string[];
  mentionsByKey: ReadonlyMap<string, readonly number[]>;
  /** The principal key of each valid mention's id node. */
  keyByIdNode: ReadonlyMap<Node, string>;
}

const principalIndexByRoot = new WeakMap<Node, PrincipalIndex>();

function principalIndexOf(root: Node | undefined): PrincipalIndex {
  const cached = root && principalIndexByRoot.get(root);
  if (cached) {
    return cached;
  }
  const mentions = principalMentionsOf(root);
  const keys: string[] = [];
  const mentionsByKey = new Map<string, number[]>();
  const keyByIdNode = new Map<Node, string>();
  mentions.forEach((mention, index) => {
    if (!isGuid(mention.principalId)) {
      return;
    }
    const key = mention.principalId.toLowerCase();
    keyByIdNode.set(mention.idNode, key);
    const ofKey = mentionsByKey.get(key);
    if (ofKey) {
      ofKey.push(index);
    } else {
      keys.push(key);
      mentionsByKey.set(key, [index]);
    }
  });
  const index: PrincipalIndex = {
    principals: keys.map((key) => principalFrom(mentions, mentionsByKey.get(key)!)),
    keys,
    mentionsByKey,
    keyByIdNode,
  };
  if (root) {
    principalIndexByRoot.set(root, index);
  }
  return index;
}

/** A principal as its mentions (indexes, in order, at least one) give it: the first id as written, the first display name. */
function principalFrom(mentions: readonly PrincipalMention[], indexes: readonly number[]): KnownPrincipal {
  const named = indexes.find((index) => mentions[index].displayName !== '');
  return { principalId: mentions[indexes[0]].principalId, displayName: named === undefined ? '' : mentions[named].displayName };
}

/**
 * Each valid principal id once (case-insensitively), in order of first mention, except `exclude`
 * (the id node being edited: a principal mentioned only there is not offered, and one mentioned
 * there first moves to its next mention). Found once per parsed version; the answer is shared, not
 * to be changed.
 */
export function knownPrincipals(root: Node | undefined, exclude?: Node): readonly KnownPrincipal[] {
  const index = principalIndexOf(root);
  const excludedKey = exclude && index.keyByIdNode.get(exclude);
  if (!excludedKey) {
    return index.principals;
  }
  // Only the excluded mention's principal changes: it is written again from its other mentions.
  const mentions = principalMentionsOf(root);
  const rest = index.mentionsByKey.get(excludedKey)!.filter((mentionIndex) => mentions[mentionIndex].idNode !== exclude);
  const replacement = rest.length > 0 ? principalFrom(mentions, rest) : undefined;
  const firstMention = (key: string) => index.mentionsByKey.get(key)![0];
  const result: KnownPrincipal[] = [];
  let placed = replacement === undefined;
  index.keys.forEach((key, position) => {
    if (key === excludedKey) {
      return;
    }
    if (!placed && firstMention(key) > rest[0]) {
      result.push(replacement!);
      placed = true;
    }
    result.push(index.principals[position]);
  });
  if (!placed) {
    result.push(replacement!);
  }
  return result;
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
