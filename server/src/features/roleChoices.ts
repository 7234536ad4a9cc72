/**
 * The roles the Add Authorization picker offers, from the catalog the server uses (the shipped one
 * or the user's `roleCatalogPath`): the roles most offers need first, then every other role Azure
 * Lighthouse accepts in an authorization, and the roles User Access Administrator may assign, each
 * list in the order publishers reach for roles (rolePolicy's roleChoices).
 */
import type { RoleCatalog, RoleDefinition } from '@core/catalog/roleCatalog';
import {
  CONTRIBUTOR_ROLE_ID,
  DELETE_ROLE_ID,
  needsDelegatedRoles,
  READER_ROLE_ID,
  roleChoices as roleChoicesFor,
  USER_ACCESS_ADMINISTRATOR_ROLE_ID,
} from '@core/knowledge/rolePolicy';
import type { RoleChoice, RoleChoices } from '@core/protocol';

/**
 * Roles most offers need, listed first in the role picker. User Access Administrator is among them
 * (the picker then asks for the roles it may assign), though publishers' order puts it with the rest.
 */
const COMMON_ROLE_IDS = [READER_ROLE_ID, CONTRIBUTOR_ROLE_ID, DELETE_ROLE_ID, USER_ACCESS_ADMINISTRATOR_ROLE_ID];

export function roleChoices(catalog: RoleCatalog): RoleChoices {
  const supported = roleChoicesFor('authorization', catalog);
  const accepted = new Set(supported);
  const common = COMMON_ROLE_IDS.map((id) => catalog.findById(id)).filter((role): role is RoleDefinition => role !== undefined && accepted.has(role));
  const listedFirst = new Set(common);
  return {
    common: common.map(choiceOf),
    supported: supported.filter((role) => !listedFirst.has(role)).map(choiceOf),
    assignable: roleChoicesFor('delegated', catalog).map(choiceOf),
  };
}

function choiceOf(role: RoleDefinition): RoleChoice {
  return {
    id: role.id,
    roleName: role.roleName,
    category: role.category,
    description: role.description,
    assignsRoles: needsDelegatedRoles(role),
  };
}
