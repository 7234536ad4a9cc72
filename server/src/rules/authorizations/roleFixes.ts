/**
 * Quick fixes that put another role where a refused one stands, as the refusal's message
 * suggests: Contributor for Owner (and for User Access Administrator listed among the roles it may
 * assign), and for a role with DataActions the roles the message names, without DataActions and
 * of the same category first. Each fix reads the value again: a diagnostic can come back from the
 * editor after the text changed.
 */
import { t } from '@core/l10n';
import type { RoleDefinition } from '@core/catalog/roleCatalog';
import { CONTRIBUTOR_ROLE_ID, isAllowedIn, roleRefusal, USER_ACCESS_ADMINISTRATOR_ROLE_ID, type RoleSlot } from '@core/knowledge/rolePolicy';
import { fromPointer } from '@core/model/jsonPointer';
import { items, prop, str } from '@core/model/nodes';
import type { JSONPath, Node } from 'jsonc-parser';
import { perVersion } from '@core/model/caching';
import type { OfferDiagnostic } from '../diagnostic';
import type { FixContext, QuickFix } from '../rule';
import { holds, valueAt } from '../../edits/expectations';
import { combineEdits, type OffsetEdit } from '../../edits/offsetEdits';
import { appendItem, removeValue } from '../../edits/pointerEdits';
import { quickFix, replaceValueFix } from '../../edits/quickFix';
import { alternativesWithoutDataActions, resolveRoleReference } from './roleReference';

/** The ids (trimmed, lowercased) a list of roles holds, once per list node (caching.ts, rule 2: its items never change). */
const rolesListedIn = perVersion((list: Node): ReadonlySet<string> => {
  const listed = new Set<string>();
  for (const item of items(list)) {
    const id = str(item)?.trim().toLowerCase();
    if (id !== undefined) {
      listed.add(id);
    }
  }
  return listed;
});

export function replacementRoleFixes(diagnostic: OfferDiagnostic, context: FixContext, slot: RoleSlot): QuickFix[] {
  const value = valueAt(context.document, diagnostic.path);
  const reference = typeof value === 'string' ? resolveRoleReference(context.catalog, value) : undefined;
  if (reference?.kind !== 'builtin') {
    return [];
  }
  const role = reference.role;
  const refusal = roleRefusal(slot, role);
  if (refusal === undefined || refusal === 'notEligible') {
    return [];
  }
  const path = fromPointer(diagnostic.path);
  // In a list of roles to assign, the others already there are not offered twice. The refused
  // role itself is never a candidate (a candidate is a role the slot allows), so the whole list's
  // roles serve, found once per list for all of its diagnostics.
  const list = slot === 'delegated' ? context.document.nodeAt(path.slice(0, -1)) : undefined;
  const listed = list ? rolesListedIn(list) : new Set<string>();
  const hasOthers = items(list).length > 1;
  const candidates: (RoleDefinition | undefined)[] =
    refusal === 'dataActions' ? alternativesWithoutDataActions(role, context.catalog) : [context.catalog.findById(CONTRIBUTOR_ROLE_ID)];
  const fixes = candidates
    .filter((candidate): candidate is RoleDefinition => candidate !== undefined && isAllowedIn(slot, candidate))
    .filter((candidate) => !listed.has(candidate.id.toLowerCase()))
    .flatMap((candidate) =>
      replaceValueFix(diagnostic, context, { title: t('Use {0} instead of {1}', candidate.roleName, role.roleName), reported: value, replacement: candidate.id, isPreferred: false }),
    );
  if (slot === 'delegated' && hasOthers) {
    fixes.push(...quickFix(context, t('Remove {0} from the roles User Access Administrator may assign', role.roleName), removeValue(context, path, holds(value))));
  }
  return fixes;
}

/**
 * A role written as a resource id that ends in a built-in role's GUID
 * (`/providers/Microsoft.Authorization/roleDefinitions/<guid>`, as templates spell it): the GUID.
 */
export function embeddedRoleIdFixes(diagnostic: OfferDiagnostic, context: FixContext): QuickFix[] {
  const value = valueAt(context.document, diagnostic.path);
  const reference = typeof value === 'string' ? resolveRoleReference(context.catalog, value) : undefined;
  if (reference?.kind !== 'notGuid' || !reference.embedded) {
    return [];
  }
  const role = reference.embedded;
  return replaceValueFix(diagnostic, context, { title: t("Use the ID of {0} ('{1}')", role.roleName, role.id), reported: value, replacement: role.id, isPreferred: true });
}

/**
 * `change`, together with a User Access Administrator authorization (by default; `roleDefinitionId`
 * as written for the role it stands for) appended to the authorizations at `authorizationsPath`,
 * for the principal of the object at `principalPath` (its id and display name), allowed to assign
 * `delegatedRoleDefinitionIds`: how the Owner, delegated-roles and eligible fixes give a principal
 * the right to assign roles. Undefined when either part finds nothing to change.
 */
export function withAdministratorEdits(
  context: FixContext,
  change: readonly OffsetEdit[] | undefined,
  place: { principalPath: JSONPath; authorizationsPath: JSONPath },
  delegatedRoleDefinitionIds: unknown,
  roleDefinitionId = USER_ACCESS_ADMINISTRATOR_ROLE_ID,
): OffsetEdit[] | undefined {
  const holder = context.document.nodeAt(place.principalPath);
  const administrator = {
    principalId: str(prop(holder, 'principalId')) ?? '',
    principalIdDisplayName: str(prop(holder, 'principalIdDisplayName')) ?? '',
    roleDefinitionId,
    delegatedRoleDefinitionIds,
  };
  return combineEdits([change, appendItem(context, place.authorizationsPath, administrator)]);
}
