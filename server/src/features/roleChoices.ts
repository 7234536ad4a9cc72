/**
 * The roles the Add Authorization picker offers, from the catalog the server uses (the shipped one
 * or the user's `roleCatalogPath`): the roles most offers need first, then every role Azure
 * Lighthouse accepts, and the roles User Access Administrator may assign.
 */
import {
  CONTRIBUTOR_ROLE_ID,
  DELETE_ROLE_ID,
  READER_ROLE_ID,
  RoleCatalog,
  RoleDefinition,
  USER_ACCESS_ADMINISTRATOR_ROLE_ID,
} from '@core/catalog/roleCatalog';
import type { RoleChoice, RoleChoices } from '@core/protocol';

/** Roles most offers need, listed first in the role picker. */
const COMMON_ROLE_IDS = [READER_ROLE_ID, CONTRIBUTOR_ROLE_ID, DELETE_ROLE_ID, USER_ACCESS_ADMINISTRATOR_ROLE_ID];

export function roleChoices(catalog: RoleCatalog): RoleChoices {
  const supported = catalog.supportedRoles();
  const common = COMMON_ROLE_IDS.map((id) => catalog.findById(id)).filter((role): role is RoleDefinition => role !== undefined && supported.includes(role));
  return {
    common: common.map(choiceOf),
    supported: supported.filter((role) => !common.includes(role)).map(choiceOf),
    assignable: catalog.assignableRoles().map(choiceOf),
  };
}

function choiceOf(role: RoleDefinition): RoleChoice {
  return {
    id: role.id,
    roleName: role.roleName,
    category: role.category,
    description: role.description,
    assignsRoles: role.id.toLowerCase() === USER_ACCESS_ADMINISTRATOR_ROLE_ID,
  };
}
