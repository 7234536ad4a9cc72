/**
 * Turns role definitions, as `az role definition list` prints them or as this package ships them,
 * into the catalog's trimmed shape. It has no other dependency: `scripts/update-roles.mjs`
 * bundles this module alone to regenerate `builtin-roles.json`, so the product and the script
 * can never disagree on how a role is read.
 */
import type { RoleDefinition } from './roleCatalog';

/** Why a file is not a role catalog; the message is English, `reason` lets callers translate it. */
export class RoleCatalogFormatError extends Error {
  constructor(readonly reason: 'not-an-array' | 'no-roles') {
    super(reason === 'not-an-array' ? 'expected a JSON array of role definitions' : 'no built-in role definitions found');
    this.name = 'RoleCatalogFormatError';
  }
}

/**
 * Reads a catalog from `az role definition list` output (full role definitions) or from the
 * trimmed shape this package ships. Throws with a readable message on anything else.
 */
export function parseRoleCatalog(json: unknown): RoleDefinition[] {
  if (!Array.isArray(json)) {
    throw new RoleCatalogFormatError('not-an-array');
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
    throw new RoleCatalogFormatError('no-roles');
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
