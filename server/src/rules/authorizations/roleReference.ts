/**
 * What a `roleDefinitionId` (or an item of `delegatedRoleDefinitionIds`) refers to, decided once
 * so that every role rule agrees, plus the wording the role rules share.
 */
import { t } from '@core/l10n';
import { quoteValue } from '@core/text/quote';
import type { RoleCatalog, RoleDefinition } from '@core/catalog/roleCatalog';
import { CONTRIBUTOR_ROLE_ID, isUserAccessAdministratorId, READER_ROLE_ID, roleRefusal, type RoleSlot } from '@core/knowledge/rolePolicy';
import type { Node } from 'jsonc-parser';
import { isGuid, str } from '@core/model/nodes';
import { authorizationsOfPlans, type AuthorizationKind, type AuthorizationRef, type PlanRef } from '@core/model/offerStructure';
import { BoundedCache, MemoKey } from '@core/model/caching';

export type RoleReference =
  /** A GUID of a built-in role: what Partner Center expects. */
  | { kind: 'builtin'; role: RoleDefinition }
  /** A built-in role's display name ("Contributor", any case) written where its id belongs. */
  | { kind: 'name'; role: RoleDefinition }
  /** A well-formed GUID that is no built-in role (a custom role, or a typo). */
  | { kind: 'unknownGuid' }
  /** Anything else; `embedded` is the role when the text is a resource id ending in a role's GUID. */
  | { kind: 'notGuid'; embedded?: RoleDefinition };

const TRAILING_GUID = /([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/;

/**
 * Resolutions by text, kept on the catalog (see core/src/model/caching.ts): an offer writes the
 * same few role ids thousands of times, and a dozen rules ask about each. Bounded, for a hostile
 * file of endless distinct values.
 */
const RESOLVED = new MemoKey<BoundedCache<string, RoleReference>>('resolved role references');
const MAX_RESOLVED = 10_000;

export function resolveRoleReference(catalog: RoleCatalog, value: string): RoleReference {
  // Asked for every role value by a dozen rules: no closure is made per call.
  const resolved = catalog.memo.get(RESOLVED, newResolvedCache);
  let reference = resolved.peek(value);
  if (reference === undefined) {
    reference = resolveUncached(catalog, value);
    resolved.set(value, reference);
  }
  return reference;
}

function newResolvedCache(): BoundedCache<string, RoleReference> {
  return new BoundedCache(MAX_RESOLVED);
}

function resolveUncached(catalog: RoleCatalog, value: string): RoleReference {
  if (isGuid(value)) {
    const role = catalog.findById(value);
    return role ? { kind: 'builtin', role } : { kind: 'unknownGuid' };
  }
  const named = value.trim() === '' ? undefined : catalog.findByName(value);
  if (named) {
    return { kind: 'name', role: named };
  }
  // "/providers/Microsoft.Authorization/roleDefinitions/<guid>" is how templates often spell it.
  const trailing = TRAILING_GUID.exec(value.trim())?.[1];
  return { kind: 'notGuid', embedded: trailing ? catalog.findById(trailing) : undefined };
}

/**
 * The role a value means, by id or by name: for rules about *other* properties (delegated roles,
 * the delete role) that should follow what the publisher meant even while the value itself is
 * reported as written wrongly.
 */
export function intendedRole(catalog: RoleCatalog, value: string | undefined): RoleDefinition | undefined {
  if (value === undefined) {
    return undefined;
  }
  const reference = resolveRoleReference(catalog, value);
  return reference.kind === 'builtin' || reference.kind === 'name' ? reference.role : undefined;
}

export function isUserAccessAdministrator(role: RoleDefinition | undefined): boolean {
  return role !== undefined && isUserAccessAdministratorId(role.id);
}

/** The role slot of an authorization's roleDefinitionId. */
function roleSlotOf(kind: AuthorizationKind): RoleSlot {
  return kind === 'authorizations' ? 'authorization' : 'eligible';
}

/** The message for a value that is not a built-in role's GUID ('unknownGuid' / 'notGuid'). */
export function unknownRoleMessage(value: string, reference: RoleReference): string {
  if (reference.kind === 'notGuid' && reference.embedded) {
    return t(
      "'{0}' is a resource ID: write only the role's GUID, '{1}' ({2}).",
      quoteValue(value),
      reference.embedded.id,
      reference.embedded.roleName,
    );
  }
  if (reference.kind === 'unknownGuid') {
    return t(
      "'{0}' is not the ID of an Azure built-in role: Azure Lighthouse does not support custom roles, so use a built-in role's ID.",
      quoteValue(value),
    );
  }
  if (value.trim() === '') {
    return t("The role ID is empty: give a built-in role's GUID, for example Reader's '{0}'.", READER_ROLE_ID);
  }
  return t("'{0}' is not a role ID: give a built-in role's GUID, for example Reader's '{1}'.", quoteValue(value), READER_ROLE_ID);
}

export function roleNameMessage(value: string, role: RoleDefinition): string {
  return t("'{0}' is a role name, but an ID is needed here: use '{1}' ({2}).", quoteValue(value), role.id, role.roleName);
}

/**
 * Why Azure Lighthouse refuses a built-in role in an authorization of this kind, as the message
 * to show (undefined: the role is accepted there). The decision is the role policy's
 * (`@core/knowledge/rolePolicy`); the wording is the rules'.
 */
export function refusalMessage(role: RoleDefinition, kind: AuthorizationKind, catalog: RoleCatalog): string | undefined {
  switch (roleRefusal(roleSlotOf(kind), role)) {
    case 'owner':
      return kind === 'authorizations'
        ? t('Azure Lighthouse does not support the Owner role: use Contributor, and add User Access Administrator with delegatedRoleDefinitionIds if this principal must assign roles.')
        : t('Azure Lighthouse does not support the Owner role, eligible or not: use a role such as Contributor.');
    case 'dataActions':
      return dataActionsMessage(role, catalog);
    case 'notEligible':
      return t('User Access Administrator cannot be an eligible role: give it in authorizations, with delegatedRoleDefinitionIds.');
    default:
      return undefined;
  }
}

/** "Log Analytics Reader has DataActions, which Azure Lighthouse does not support: choose … such as …" */
export function dataActionsMessage(role: RoleDefinition, catalog: RoleCatalog): string {
  const [first, second] = alternativesWithoutDataActions(role, catalog).map((alternative) => alternative.roleName);
  return second
    ? t(
        '{0} has DataActions, which Azure Lighthouse does not support: choose a role without DataActions, such as {1} or {2}.',
        role.roleName,
        first,
        second,
      )
    : t(
        '{0} has DataActions, which Azure Lighthouse does not support: choose a role without DataActions, such as {1}.',
        role.roleName,
        first,
      );
}

/**
 * Up to two supported roles to suggest instead of a DataActions role, in this order: roles of the
 * same resource provider with the same kind of name ("… Reader" for a reader), the general role
 * of that kind (Reader, Contributor), other roles of the provider, and Reader as a last resort.
 */
export function alternativesWithoutDataActions(role: RoleDefinition, catalog: RoleCatalog): RoleDefinition[] {
  const kind = lastWord(role.roleName);
  const sameProvider = catalog
    .supportedRoles()
    .filter((candidate) => candidate.category === role.category && candidate.category !== 'General')
    .filter((candidate) => !isUserAccessAdministrator(candidate));
  const generalOfKind = kind === 'reader' ? READER_ROLE_ID : kind === 'contributor' ? CONTRIBUTOR_ROLE_ID : undefined;
  const ranked = [
    ...sameProvider.filter((candidate) => lastWord(candidate.roleName) === kind),
    ...(generalOfKind ? [catalog.findById(generalOfKind)] : []),
    ...sameProvider.filter((candidate) => lastWord(candidate.roleName) !== kind),
    catalog.findById(READER_ROLE_ID),
  ];
  const unique = [...new Set(ranked.filter((candidate): candidate is RoleDefinition => candidate !== undefined))];
  return unique.slice(0, 2);
}

function lastWord(name: string): string {
  return name.trim().split(/\s+/).pop()?.toLowerCase() ?? '';
}

/** A `roleDefinitionId` string of an authorization, with what it refers to. */
export interface RoleValue {
  authorization: AuthorizationRef;
  node: Node;
  value: string;
  reference: RoleReference;
}

/**
 * Role values found once per list of plans and catalog (kept on the catalog, by a version's plans
 * array: see core/src/model/caching.ts): four role rules walk the same ones.
 */
const ROLE_VALUES = new MemoKey<WeakMap<readonly PlanRef[], RoleValue[]>>('role values by plans');

/**
 * Every `roleDefinitionId` string of the plans' authorizations of `kinds` (both by default),
 * resolved: the walk the role rules share, each then keeping the references it is about.
 */
export function roleValuesOf(
  plans: readonly PlanRef[],
  catalog: RoleCatalog,
  kinds: readonly AuthorizationKind[] = ['authorizations', 'eligibleAuthorizations'],
): readonly RoleValue[] {
  const byPlans = catalog.memo.get(ROLE_VALUES, () => new WeakMap());
  let values = byPlans.get(plans);
  if (!values) {
    values = [];
    for (const authorization of authorizationsOfPlans(plans)) {
      const node = authorization.roleDefinitionIdNode;
      const value = str(node);
      if (node && value !== undefined) {
        values.push({ authorization, node, value, reference: resolveRoleReference(catalog, value) });
      }
    }
    byPlans.set(plans, values);
  }
  return kinds.length === 2 ? values : values.filter((value) => kinds.includes(value.authorization.kind));
}
