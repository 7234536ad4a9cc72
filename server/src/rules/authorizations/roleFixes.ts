/**
 * Quick fixes that put another role where a refused one stands, as the refusal's message
 * suggests: Contributor for Owner (and for User Access Administrator listed among the roles it may
 * assign), and for a role with DataActions the roles the message names, without DataActions and
 * of the same category first. Each fix reads the value again: a diagnostic can come back from the
 * editor after the text changed.
 */
import { t } from '@core/l10n';
import type { RoleDefinition } from '@core/catalog/roleCatalog';
import { CONTRIBUTOR_ROLE_ID, isAllowedIn, roleRefusal, type RoleSlot } from '@core/knowledge/rolePolicy';
import { fromPointer } from '@core/model/jsonPointer';
import { items, str } from '@core/model/nodes';
import type { OfferDiagnostic } from '../diagnostic';
import type { FixContext, QuickFix } from '../rule';
import { removeElementFix, setValueFix, valueAt } from './quickFix';
import { alternativesWithoutDataActions, resolveRoleReference } from './roleReference';

export function replacementRoleFixes(diagnostic: OfferDiagnostic, context: FixContext, slot: RoleSlot): QuickFix[] {
  const value = valueAt(context, diagnostic.path);
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
  // In a list of roles to assign, the others already there are not offered twice.
  const list = slot === 'delegated' ? context.document.nodeAt(path.slice(0, -1)) : undefined;
  const siblings = items(list).filter((item) => item !== context.document.nodeAt(path));
  const listed = new Set(siblings.map((item) => str(item)?.trim().toLowerCase()));
  const candidates: (RoleDefinition | undefined)[] =
    refusal === 'dataActions' ? alternativesWithoutDataActions(role, context.catalog) : [context.catalog.findById(CONTRIBUTOR_ROLE_ID)];
  const fixes = candidates
    .filter((candidate): candidate is RoleDefinition => candidate !== undefined && isAllowedIn(slot, candidate))
    .filter((candidate) => !listed.has(candidate.id.toLowerCase()))
    .map((candidate) => setValueFix(context, path, candidate.id, t('Use {0} instead of {1}', candidate.roleName, role.roleName), false));
  const removal = slot === 'delegated' && siblings.length > 0
    ? removeElementFix(context, path, t('Remove {0} from the roles User Access Administrator may assign', role.roleName), false)
    : undefined;
  if (removal) {
    fixes.push(removal);
  }
  return fixes;
}

/**
 * A role written as a resource id that ends in a built-in role's GUID
 * (`/providers/Microsoft.Authorization/roleDefinitions/<guid>`, as templates spell it): the GUID.
 */
export function embeddedRoleIdFixes(diagnostic: OfferDiagnostic, context: FixContext): QuickFix[] {
  const value = valueAt(context, diagnostic.path);
  const reference = typeof value === 'string' ? resolveRoleReference(context.catalog, value) : undefined;
  if (reference?.kind !== 'notGuid' || !reference.embedded) {
    return [];
  }
  const role = reference.embedded;
  return [setValueFix(context, fromPointer(diagnostic.path), role.id, t("Use the ID of {0} ('{1}')", role.roleName, role.id), true)];
}
