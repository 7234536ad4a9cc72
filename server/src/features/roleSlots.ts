/**
 * The places in an offer that hold a role id, and which roles Azure Lighthouse accepts in each:
 * completion offers only those, the hover says why another one is refused, and inlay hints name
 * the role of every id.
 */
import type { JSONPath, Node } from 'jsonc-parser';
import { RoleCatalog, RoleDefinition, USER_ACCESS_ADMINISTRATOR_ROLE_ID } from '@core/catalog/roleCatalog';
import { t } from '@core/l10n';
import { items, prop } from '@core/model/nodes';
import { allAuthorizationsOf } from '@core/model/offerStructure';
import { matches } from '@core/knowledge/fieldLimits';

/**
 * `authorization`: an authorization's roleDefinitionId; `eligible`: an eligible authorization's
 * (just-in-time) roleDefinitionId; `delegated`: a role that User Access Administrator may assign.
 */
export type RoleSlotKind = 'authorization' | 'eligible' | 'delegated';

const SLOT_PATTERNS: readonly { kind: RoleSlotKind; pattern: readonly (string | '*')[] }[] = [
  { kind: 'authorization', pattern: ['plans', '*', 'technicalConfiguration', 'authorizations', '*', 'roleDefinitionId'] },
  { kind: 'eligible', pattern: ['plans', '*', 'technicalConfiguration', 'eligibleAuthorizations', '*', 'roleDefinitionId'] },
  {
    kind: 'delegated',
    pattern: ['plans', '*', 'technicalConfiguration', 'authorizations', '*', 'delegatedRoleDefinitionIds', '*'],
  },
];

/** Whether a value (from a completion item's data, say) names a kind of role slot. */
export function isRoleSlotKind(value: unknown): value is RoleSlotKind {
  return SLOT_PATTERNS.some((slot) => slot.kind === value);
}

/** The kind of role slot at a path, if the value there is a role id. */
export function roleSlotKindAt(path: JSONPath): RoleSlotKind | undefined {
  return SLOT_PATTERNS.find((slot) => matches(slot.pattern, path))?.kind;
}

/** The roles to offer in a slot: every role Lighthouse accepts there. */
export function rolesAllowedIn(kind: RoleSlotKind, catalog: RoleCatalog): RoleDefinition[] {
  // UAA may only be given with the roles it assigns, and never assigned by itself or made eligible.
  return kind === 'authorization' ? catalog.supportedRoles() : catalog.assignableRoles();
}

export interface RoleVerdict {
  allowed: boolean;
  /** One sentence for the user: why the role is refused here, or what it needs. */
  explanation: string;
}

/** Whether Lighthouse accepts `role` in a slot of `kind`, and why not. */
export function roleVerdict(kind: RoleSlotKind, role: RoleDefinition, catalog: RoleCatalog): RoleVerdict {
  const support = catalog.lighthouseSupport(role);
  if (!support.supported) {
    return {
      allowed: false,
      explanation:
        support.reason === 'owner'
          ? t('Azure Lighthouse does not support the Owner role: choose a role with fewer permissions, such as Contributor.')
          : t('{0} has DataActions, which Azure Lighthouse does not support: choose a role without DataActions.', role.roleName),
    };
  }
  if (role.id.toLowerCase() === USER_ACCESS_ADMINISTRATOR_ROLE_ID) {
    if (kind === 'delegated') {
      return {
        allowed: false,
        explanation: t('User Access Administrator cannot assign itself: list the roles it may assign instead.'),
      };
    }
    if (kind === 'eligible') {
      return {
        allowed: false,
        explanation: t('User Access Administrator cannot be an eligible (just-in-time) role: give it in a permanent authorization.'),
      };
    }
    return {
      allowed: true,
      explanation: t('Supported by Azure Lighthouse only with delegatedRoleDefinitionIds: the roles it may assign to managed identities.'),
    };
  }
  return { allowed: true, explanation: t('Supported by Azure Lighthouse.') };
}

/** Every role id value of the offer (strings only), with the kind of its slot. */
export function roleIdNodesOf(root: Node | undefined): { kind: RoleSlotKind; node: Node }[] {
  const found: { kind: RoleSlotKind; node: Node }[] = [];
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
