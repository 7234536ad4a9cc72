/**
 * Where an offer holds role ids: the paths of the role slots and the role id values of a document.
 * Which roles each slot accepts, and why, is the role policy's (`@core/knowledge/rolePolicy`).
 */
import type { JSONPath, Node } from 'jsonc-parser';
import { items, prop } from '@core/model/nodes';
import { allAuthorizationsOf } from '@core/model/offerStructure';
import { matches, type PathPattern } from '@core/knowledge/fieldLimits';
import type { RoleSlot } from '@core/knowledge/rolePolicy';

const SLOT_PATTERNS: readonly { kind: RoleSlot; pattern: PathPattern }[] = [
  { kind: 'authorization', pattern: ['plans', '*', 'technicalConfiguration', 'authorizations', '*', 'roleDefinitionId'] },
  { kind: 'eligible', pattern: ['plans', '*', 'technicalConfiguration', 'eligibleAuthorizations', '*', 'roleDefinitionId'] },
  {
    kind: 'delegated',
    pattern: ['plans', '*', 'technicalConfiguration', 'authorizations', '*', 'delegatedRoleDefinitionIds', '*'],
  },
];

/** The kind of role slot at a path, if the value there is a role id. */
export function roleSlotAt(path: JSONPath): RoleSlot | undefined {
  return SLOT_PATTERNS.find((slot) => matches(slot.pattern, path))?.kind;
}

/** Every role id value of the offer (strings only), with the kind of its slot. */
export function roleIdNodesOf(root: Node | undefined): { kind: RoleSlot; node: Node }[] {
  const found: { kind: RoleSlot; node: Node }[] = [];
  for (const authorization of allAuthorizationsOf(root)) {
    const role = prop(authorization.node, 'roleDefinitionId');
    if (role?.type === 'string') {
      found.push({ kind: authorization.kind === 'authorizations' ? 'authorization' : 'eligible', node: role });
    }
    if (authorization.kind === 'authorizations') {
      for (const item of items(prop(authorization.node, 'delegatedRoleDefinitionIds'))) {
        if (item.type === 'string') {
          found.push({ kind: 'delegated', node: item });
        }
      }
    }
  }
  return found;
}
