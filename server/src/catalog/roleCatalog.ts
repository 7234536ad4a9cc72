import builtinRoles from './builtin-roles.json';

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
      this.byName.set(role.roleName.toLowerCase(), role);
    }
  }

  static builtin(): RoleCatalog {
    return builtinCatalog ?? (builtinCatalog = new RoleCatalog(builtinRoles as RoleDefinition[]));
  }

  findById(id: string): RoleDefinition | undefined {
    return this.byId.get(id.trim().toLowerCase());
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

/**
 * Reads a catalog from `az role definition list` output (full role definitions) or from the
 * trimmed shape this package ships. Throws with a readable message on anything else.
 */
export function parseRoleCatalog(json: unknown): RoleDefinition[] {
  if (!Array.isArray(json)) {
    throw new Error('expected a JSON array of role definitions');
  }
  const roles: RoleDefinition[] = [];
  for (const entry of json) {
    if (typeof entry !== 'object' || entry === null) {
      continue;
    }
    const e = entry as Record<string, unknown>;
    const roleName = typeof e.roleName === 'string' ? e.roleName : undefined;
    // az prints `name` as the GUID and `id` as a full resource id ending in the GUID.
    const rawId = typeof e.name === 'string' && /^[0-9a-f-]{36}$/i.test(e.name) ? e.name : e.id;
    const id = typeof rawId === 'string' ? rawId.split('/').pop()! : undefined;
    if (!roleName || !id || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
      continue;
    }
    if (typeof e.roleType === 'string' && e.roleType !== 'BuiltInRole') {
      continue;
    }
    const permissions = Array.isArray(e.permissions) ? (e.permissions as Record<string, unknown>[]) : [];
    const hasDataActions =
      typeof e.hasDataActions === 'boolean'
        ? e.hasDataActions
        : permissions.some((p) => Array.isArray(p?.dataActions) && p.dataActions.length > 0);
    roles.push({
      roleName,
      id: id.toLowerCase(),
      description: typeof e.description === 'string' ? e.description : '',
      category: typeof e.category === 'string' ? e.category : categoryOf(permissions),
      hasDataActions,
    });
  }
  if (roles.length === 0) {
    throw new Error('no built-in role definitions found');
  }
  return roles.sort((a, b) => a.roleName.localeCompare(b.roleName));
}

/** The resource provider most of a role's own actions name; `General` when they name none. */
function categoryOf(permissions: Record<string, unknown>[]): string {
  const counts = new Map<string, number>();
  for (const permission of permissions) {
    for (const key of ['actions', 'dataActions']) {
      const list = permission?.[key];
      if (!Array.isArray(list)) {
        continue;
      }
      for (const action of list) {
        const provider = typeof action === 'string' ? /^(Microsoft\.[A-Za-z0-9]+)\//.exec(action)?.[1] : undefined;
        if (provider) {
          counts.set(provider, (counts.get(provider) ?? 0) + 1);
        }
      }
    }
  }
  let best = 'General';
  let bestCount = 0;
  for (const [provider, count] of counts) {
    if (count > bestCount) {
      best = provider;
      bestCount = count;
    }
  }
  return best;
}
