import builtinRoles from './builtin-roles.json';

// The parser lives in its own module so that `npm run roles:update` can bundle it without the
// shipped catalog; everything that parsed a catalog from here still can.
export { parseRoleCatalog } from './roleCatalogParser';

/** One Azure built-in role, as `az role definition list` describes it (trimmed). */
export interface RoleDefinition {
  roleName: string;
  id: string;
  description: string;
  category: string;
  hasDataActions: boolean;
}

export const OWNER_ROLE_ID = '8e3af657-a8ff-443c-a75c-2fe8c4bcb635';
export const USER_ACCESS_ADMINISTRATOR_ROLE_ID = '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9';
export const READER_ROLE_ID = 'acdd72a7-3385-48ef-bd42-f606fba81ae7';
export const CONTRIBUTOR_ROLE_ID = 'b24988ac-6180-42a0-ab88-20f7382dd24c';
export const DELETE_ROLE_ID = '91c1777a-f3dc-4fae-b103-61d183457e46';

/** Why Azure Lighthouse refuses a role in an authorization, if it does. */
export type LighthouseSupport =
  | { supported: true; needsDelegatedRoles: boolean }
  | { supported: false; reason: 'owner' | 'dataActions' };

/** The built-in roles, looked up by id (case-insensitive) and by name. */
export class RoleCatalog {
  private readonly byId = new Map<string, RoleDefinition>();
  private readonly byName = new Map<string, RoleDefinition>();

  constructor(readonly roles: readonly RoleDefinition[]) {
    for (const role of roles) {
      this.byId.set(role.id.toLowerCase(), role);
      // Names are looked up trimmed: a few built-in names end with a blank.
      this.byName.set(role.roleName.trim().toLowerCase(), role);
    }
  }

  static builtin(): RoleCatalog {
    return builtinCatalog ?? (builtinCatalog = new RoleCatalog(builtinRoles as RoleDefinition[]));
  }

  findById(id: string): RoleDefinition | undefined {
    // Ids are nearly always written in lowercase already: look up as written first, which spares
    // two new strings per lookup (thousands per check of a large offer).
    return this.byId.get(id) ?? this.byId.get(id.trim().toLowerCase());
  }

  /** By display name, ignoring case and surrounding blanks ("contributor" finds Contributor). */
  findByName(name: string): RoleDefinition | undefined {
    return this.byName.get(name.trim().toLowerCase());
  }

  lighthouseSupport(role: RoleDefinition): LighthouseSupport {
    if (role.id.toLowerCase() === OWNER_ROLE_ID) {
      return { supported: false, reason: 'owner' };
    }
    if (role.hasDataActions) {
      return { supported: false, reason: 'dataActions' };
    }
    return { supported: true, needsDelegatedRoles: role.id.toLowerCase() === USER_ACCESS_ADMINISTRATOR_ROLE_ID };
  }

  /** Roles that an authorization may name (Owner and DataActions roles excluded). */
  supportedRoles(): RoleDefinition[] {
    return this.roles.filter((role) => this.lighthouseSupport(role).supported);
  }

  /** Roles that User Access Administrator may assign: supported, and not UAA itself. */
  assignableRoles(): RoleDefinition[] {
    return this.supportedRoles().filter((role) => role.id.toLowerCase() !== USER_ACCESS_ADMINISTRATOR_ROLE_ID);
  }
}

let builtinCatalog: RoleCatalog | undefined;
