/**
 * The principals an offer names (authorizations, eligible authorizations, just-in-time approvers)
 * and the tenant ids of its plans: so that a principal written once can be picked by its display
 * name elsewhere, and a hover on an id can say who it is.
 */
import { perVersion } from '@core/model/caching';
import type { Node } from 'jsonc-parser';
import { at, isGuid, items, prop, str } from '@core/model/nodes';
import { allAuthorizationsOf, plansOf } from '@core/model/offerStructure';

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
 * Mentions found once per version (kept under its root, see core/src/model/caching.ts): hovers and
 * completions at many positions of a large offer then cost a lookup, not a walk.
 */
const mentionsOfRoot = perVersion((root: Node): readonly PrincipalMention[] => findPrincipalMentions(root));

export function principalMentionsOf(root: Node | undefined): readonly PrincipalMention[] {
  return root ? mentionsOfRoot(root) : [];
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

/** A mention whose id is a GUID, with the id as the key that tells principals apart. */
interface ValidMention {
  key: string;
  mention: PrincipalMention;
}

/**
 * The valid mentions found once per version: testing and lowercasing thousands of ids was most of
 * a principal completion on a large offer; grouping them afresh is cheap.
 */
const validMentionsOfRoot = perVersion((root: Node): readonly ValidMention[] =>
  principalMentionsOf(root)
    .filter((mention) => isGuid(mention.principalId))
    .map((mention) => ({ key: mention.principalId.toLowerCase(), mention })),
);

function validMentionsOf(root: Node | undefined): readonly ValidMention[] {
  return root ? validMentionsOfRoot(root) : [];
}

/** The answer without anything left out, kept per version: shared, not to be changed. */
const knownOfRoot = perVersion((root: Node): readonly KnownPrincipal[] => groupedByPrincipal(validMentionsOf(root), undefined));

/**
 * Each valid principal id once (case-insensitively), in order of first mention, with the first
 * non-empty display name, except the mention at `exclude` (the id node being edited: a principal
 * mentioned only there is not offered).
 */
export function knownPrincipals(root: Node | undefined, exclude?: Node): readonly KnownPrincipal[] {
  if (exclude !== undefined || !root) {
    return groupedByPrincipal(validMentionsOf(root), exclude);
  }
  return knownOfRoot(root);
}

function groupedByPrincipal(mentions: readonly ValidMention[], exclude: Node | undefined): KnownPrincipal[] {
  const byKey = new Map<string, KnownPrincipal>();
  for (const { key, mention } of mentions) {
    if (mention.idNode === exclude) {
      continue;
    }
    const known = byKey.get(key);
    if (!known) {
      byKey.set(key, { principalId: mention.principalId, displayName: mention.displayName });
    } else if (known.displayName === '' && mention.displayName !== '') {
      known.displayName = mention.displayName;
    }
  }
  return [...byKey.values()];
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
