import builtinRoles from './builtin-roles.json';
import { isAllowedIn } from '../knowledge/rolePolicy';
import { Memo } from '../model/caching';

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

// The ids and the policy (which role goes where) live in knowledge/rolePolicy.ts; the ids are
// exported here too, where most code that looks roles up already imports from.
export {
  CONTRIBUTOR_ROLE_ID,
  DELETE_ROLE_ID,
  OWNER_ROLE_ID,
  READER_ROLE_ID,
  USER_ACCESS_ADMINISTRATOR_ROLE_ID,
} from '../knowledge/rolePolicy';

/** The built-in roles, looked up by id (case-insensitive) and by name. */
export class RoleCatalog {
  private readonly byId = new Map<string, RoleDefinition>();
  private readonly byName = new Map<string, RoleDefinition>();
  /**
   * Answers about this catalog's roles (how a text resolves, the choices of a slot), kept on the
   * catalog, which never changes once made: see model/caching.ts.
   */
  readonly memo = new Memo();

  constructor(readonly roles: readonly RoleDefinition[]) {
    for (const role of roles) {
      this.byId.set(role.id.toLowerCase(), role);
      // Names are looked up trimmed: a few built-in names end with a blank.
      this.byName.set(role.roleName.trim().toLowerCase(), role);
    }
  }

  static builtin(): RoleCatalog {
    return builtinCatalog ?? (builtinCatalog = new RoleCatalog(builtinRoles));
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

  /** Roles that an authorization may name (Owner and DataActions roles excluded), in catalog order. */
  supportedRoles(): RoleDefinition[] {
    return this.roles.filter((role) => isAllowedIn('authorization', role));
  }
}

let builtinCatalog: RoleCatalog | undefined;
