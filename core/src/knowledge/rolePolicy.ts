/**
 * Azure Lighthouse's role policy, in one place: the role ids the offer's rules and features name,
 * which built-in roles each kind of role slot of an offer accepts and why the others are refused,
 * and the order in which publishers reach for roles. The role rules, completion, hover, inlay
 * hints and the Add Authorization picker all read it here.
 */
import { t } from '../l10n';
import type { RoleCatalog, RoleDefinition } from '../catalog/roleCatalog';
import { MemoKey } from '../model/caching';

export const OWNER_ROLE_ID = '8e3af657-a8ff-443c-a75c-2fe8c4bcb635';
export const USER_ACCESS_ADMINISTRATOR_ROLE_ID = '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9';
export const READER_ROLE_ID = 'acdd72a7-3385-48ef-bd42-f606fba81ae7';
export const CONTRIBUTOR_ROLE_ID = 'b24988ac-6180-42a0-ab88-20f7382dd24c';
/** Managed Services Registration assignment Delete Role: lets the provider remove a delegation. */
export const DELETE_ROLE_ID = '91c1777a-f3dc-4fae-b103-61d183457e46';
export const MONITORING_READER_ROLE_ID = '43d0d8ad-25c7-4714-9337-8ba259a9fe05';
export const MONITORING_CONTRIBUTOR_ROLE_ID = '749f88d5-cbae-40b8-bcfc-e573ddc772fa';

/**
 * The places of an offer that hold a role id. `authorization`: a permanent authorization's
 * roleDefinitionId; `eligible`: an eligible (just-in-time) authorization's; `delegated`: an item of
 * delegatedRoleDefinitionIds, a role that User Access Administrator may assign.
 */
export type RoleSlot = 'authorization' | 'eligible' | 'delegated';

export const ROLE_SLOTS: readonly RoleSlot[] = ['authorization', 'eligible', 'delegated'];

/** Whether a value (from a completion item's data, a request's parameter) names a role slot. */
export function isRoleSlot(value: unknown): value is RoleSlot {
  return ROLE_SLOTS.includes(value as RoleSlot);
}

/**
 * Why Azure Lighthouse refuses a role in a slot: `owner` (never delegated), `dataActions` (roles
 * that act on data are not supported), `assignsItself` (User Access Administrator listed among the
 * roles it may assign), `notEligible` (User Access Administrator cannot be activated just in time).
 */
export type RoleRefusal = 'owner' | 'dataActions' | 'assignsItself' | 'notEligible';

/**
 * The same id, ignoring the case of its hex letters. Compared code by code, without lowercased
 * copies: every role rule asks this of every authorization (thousands on a large offer).
 */
function sameId(a: string, b: string): boolean {
  if (a === b) {
    return true;
  }
  if (a.length !== b.length) {
    return false;
  }
  for (let i = 0; i < a.length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    // | 0x20 lowercases an ASCII letter; only letters may differ that way.
    if (x !== y && !((x | 0x20) === (y | 0x20) && (x | 0x20) >= 0x61 && (x | 0x20) <= 0x7a)) {
      return false;
    }
  }
  return true;
}

export function isUserAccessAdministratorId(id: string): boolean {
  return sameId(id, USER_ACCESS_ADMINISTRATOR_ROLE_ID);
}

/** Why `role` is refused in a slot of this kind (undefined: Lighthouse accepts it there). */
export function roleRefusal(slot: RoleSlot, role: RoleDefinition): RoleRefusal | undefined {
  if (sameId(role.id, OWNER_ROLE_ID)) {
    return 'owner';
  }
  if (role.hasDataActions) {
    return 'dataActions';
  }
  if (isUserAccessAdministratorId(role.id)) {
    if (slot === 'delegated') {
      return 'assignsItself';
    }
    if (slot === 'eligible') {
      return 'notEligible';
    }
  }
  return undefined;
}

export function isAllowedIn(slot: RoleSlot, role: RoleDefinition): boolean {
  return roleRefusal(slot, role) === undefined;
}

/** User Access Administrator, in a permanent authorization, only with the roles it may assign. */
export function needsDelegatedRoles(role: RoleDefinition): boolean {
  return isUserAccessAdministratorId(role.id);
}

/** One sentence for the user (hover, completion, inlay hint): whether a role fits a slot, and why not. */
export function roleExplanation(slot: RoleSlot, role: RoleDefinition): string {
  switch (roleRefusal(slot, role)) {
    case 'owner':
      return t('Azure Lighthouse does not support the Owner role: choose a role with fewer permissions, such as Contributor.');
    case 'dataActions':
      return t('{0} has DataActions, which Azure Lighthouse does not support: choose a role without DataActions.', role.roleName);
    case 'assignsItself':
      return t('User Access Administrator cannot assign itself: list the roles it may assign instead.');
    case 'notEligible':
      return t('User Access Administrator cannot be an eligible (just-in-time) role: give it in a permanent authorization.');
    case undefined:
      return needsDelegatedRoles(role)
        ? t('Supported by Azure Lighthouse only with delegatedRoleDefinitionIds: the roles it may assign to managed identities.')
        : t('Supported by Azure Lighthouse.');
  }
}

/**
 * The roles publishers reach for first, in this order: Reader and Contributor (Microsoft's samples
 * start with them), the delete role (so that the provider can end the delegation), then the
 * monitoring and security roles that managed services run on. Every other role follows, by name.
 * By id: names of built-in roles change ("Azure Sentinel" became "Microsoft Sentinel"), ids don't.
 */
export const PREFERRED_ROLE_IDS: readonly string[] = [
  READER_ROLE_ID,
  CONTRIBUTOR_ROLE_ID,
  DELETE_ROLE_ID,
  MONITORING_READER_ROLE_ID,
  MONITORING_CONTRIBUTOR_ROLE_ID,
  '39bc4728-0917-49c7-9d2c-d95423bc2eb4', // Security Reader
  'fb1c8493-542b-48eb-b624-b4c8fea62acd', // Security Admin
  '8d289c81-5878-46d4-8554-54e1e3d8b5cb', // Microsoft Sentinel Reader
  '3e150937-b8fe-4cfb-8069-0eaf05ecd056', // Microsoft Sentinel Responder
  'ab8e14d6-4a74-4a29-9ba8-549422addade', // Microsoft Sentinel Contributor
  'f4c81013-99ee-4d62-a7ee-b3f1f648599a', // Microsoft Sentinel Automation Contributor
  '612c2aa1-cb24-443b-ac28-3ab7272de6f5', // Security Assessment Contributor
  '47be4a87-7950-4631-9daf-b664a405f074', // Monitoring Policy Contributor
  'b279062a-9be3-42a0-92ae-8b3cf002ec4d', // Workbook Reader
  'e8ddcd69-c73f-4f9f-9844-4100522f16ad', // Workbook Contributor
];

const PREFERRED_RANK = new Map(PREFERRED_ROLE_IDS.map((id, index) => [id, index]));

/** Sorts roles in the order publishers reach for them: the preferred ones first, the rest by name. */
function inPublisherOrder(roles: readonly RoleDefinition[]): RoleDefinition[] {
  const rank = (role: RoleDefinition) => PREFERRED_RANK.get(role.id.toLowerCase()) ?? PREFERRED_ROLE_IDS.length;
  return [...roles].sort(
    (a, b) => rank(a) - rank(b) || a.roleName.localeCompare(b.roleName, 'en', { sensitivity: 'base' }) || a.id.localeCompare(b.id),
  );
}

/** Choices by slot, kept on the catalog (which never changes once made: see model/caching.ts). */
const CHOICES = new MemoKey<Map<RoleSlot, readonly RoleDefinition[]>>('role choices by slot');

/**
 * The roles a slot accepts, in the order publishers reach for them: what completion offers in a
 * role slot, and what the Add Authorization picker lists (`authorization` for a new permanent
 * authorization). Computed once per catalog and slot; the array is shared, not to be changed.
 */
export function roleChoices(slot: RoleSlot, catalog: RoleCatalog): readonly RoleDefinition[] {
  const bySlot = catalog.memo.get(CHOICES, () => new Map<RoleSlot, readonly RoleDefinition[]>());
  let choices = bySlot.get(slot);
  if (!choices) {
    choices = inPublisherOrder(catalog.roles.filter((role) => isAllowedIn(slot, role)));
    bySlot.set(slot, choices);
  }
  return choices;
}
