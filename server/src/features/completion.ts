/**
 * Completion: property keys from the schema (with snippets for whole plans, authorizations and
 * contacts), role ids picked by role name, principals and tenant ids already in the offer, enum
 * values, and the workspace's PNG and CSV files for image and audience fields.
 */
import {
  CompletionItem,
  CompletionItemKind,
  CompletionList,
  InsertTextFormat,
  MarkupKind,
  Position,
  TextEdit,
} from 'vscode-languageserver-types';
import type { JSONPath } from 'jsonc-parser';
import type { RoleCatalog, RoleDefinition } from '@core/catalog/roleCatalog';
import { t } from '@core/l10n';
import { entries, items, prop, str } from '@core/model/nodes';
import type { OfferDocument } from '@core/model/offerDocument';
import { CursorSlot, cursorSlot, KeySlot, ValueSlot } from './cursorSlot';
import type { FeatureServices } from './featureServices';
import { imageSizeAt, isCsvField, matches } from '@core/knowledge/fieldLimits';
import { GUID_PATTERN } from '@core/knowledge/identifiers';
import { KnownPrincipal, knownPrincipals, knownTenants } from './offerPrincipals';
import { isRoleSlot, needsDelegatedRoles, RoleSlot, roleChoices, roleExplanation } from '@core/knowledge/rolePolicy';
import { roleSlotAt } from './roleSlots';
import { escapeMarkdown, SchemaNode, schemaDocumentation, schemaOf, schemaProperties } from './schemaInfo';
import { escapeSnippet, SnippetWriter, structureOfElement, structureSnippet, StructureContext, valueSnippet } from './snippets';
import { offerRelativePath } from './workspaceFiles';
import { localRoleName, roleCategoryName } from '@core/text/roleNames';

const EMPTY: CompletionList = { isIncomplete: false, items: [] };

/** Files whose PNG header is read to show (and rank by) their size. */
const MAX_MEASURED_IMAGES = 200;

/** The editor's command to open the suggestions again (after a key whose value has its own). */
const TRIGGER_SUGGEST = 'editor.action.triggerSuggest';

/**
 * The most principals one completion answers with. A large offer names thousands, and all of them
 * with their edits are a megabyte of JSON per answer, too slow over LSP for a keystroke. A list cut
 * here is marked incomplete, so the editor asks again as the user types and the server's filter
 * (on what is typed) narrows it to the principal meant; fifty is more than a suggestion box shows.
 */
export const MAX_PRINCIPAL_ITEMS = 50;

export function completions(document: OfferDocument, position: Position, services: FeatureServices): CompletionList {
  const slot = cursorSlot(document, document.offsetAt(position));
  if (!slot) {
    return EMPTY;
  }
  return slot.kind === 'key' ? complete(keyCompletions(document, slot, services.catalog)) : valueCompletions(document, slot, services);
}

/** A list the editor may filter by itself as the user types on. */
function complete(items: CompletionItem[]): CompletionList {
  return { isIncomplete: false, items };
}

// ---------------------------------------------------------------------------------------------
// Keys

function keyCompletions(document: OfferDocument, slot: KeySlot, catalog: RoleCatalog): CompletionItem[] {
  const present = new Set(entries(slot.object).map((entry) => entry.key));
  if (slot.editedKey !== undefined) {
    present.delete(slot.editedKey);
  }
  const context = structureContext(document);
  const delegatedRoles = delegatedRolesKey(slot, catalog);
  return schemaProperties(slot.objectPath)
    .filter((property) => !present.has(property.name))
    .filter((property) => property.name !== 'delegatedRoleDefinitionIds' || delegatedRoles !== 'invalid')
    .map((property) => ({ ...property, required: property.required || (property.name === 'delegatedRoleDefinitionIds' && delegatedRoles === 'required') }))
    .map((property) => {
      const propertyPath = [...slot.objectPath, property.name];
      const schema = schemaOf(propertyPath);
      const writer = new SnippetWriter();
      const value = slot.hasColon ? '' : `: ${valueSnippet(propertyPath, schema, writer, context)}`;
      const newText = `"${escapeSnippet(property.name)}"${value}${slot.commaAfter && !slot.hasColon ? ',' : ''}`;
      const documentation = schemaDocumentation(schema);
      const item: CompletionItem = {
        label: property.name,
        kind: CompletionItemKind.Property,
        detail: property.required ? t('required') : undefined,
        documentation: documentation ? { kind: MarkupKind.Markdown, value: documentation } : undefined,
        filterText: slot.quoted ? `"${property.name}"` : property.name,
        sortText: (property.required ? '0' : '1') + property.name,
        insertTextFormat: InsertTextFormat.Snippet,
        ...withEdits(document, slot, newText),
      };
      // An empty string or list left for a value that has suggestions of its own: show them.
      const emptyValue = /^: "\$1"$/.test(value) ? propertyPath : /^: \[\$1\]$/.test(value) ? [...propertyPath, 0] : undefined;
      if (!slot.hasColon && emptyValue && valueHasSuggestions(emptyValue)) {
        item.command = { title: t('Suggest'), command: TRIGGER_SUGGEST };
      }
      return item;
    });
}

const AUTHORIZATION_PATTERN = ['plans', '*', 'technicalConfiguration', 'authorizations', '*'] as const;

/**
 * `delegatedRoleDefinitionIds` belongs only to a User Access Administrator authorization (by its
 * role's id or name), where it is required: elsewhere it is not offered.
 */
function delegatedRolesKey(slot: KeySlot, catalog: RoleCatalog): 'required' | 'invalid' | 'unrelated' {
  if (!matches(AUTHORIZATION_PATTERN, slot.objectPath)) {
    return 'unrelated';
  }
  const roleId = str(prop(slot.object, 'roleDefinitionId'));
  const role = roleId === undefined ? undefined : (catalog.findById(roleId) ?? catalog.findByName(roleId));
  return role && needsDelegatedRoles(role) ? 'required' : 'invalid';
}

/** Whether the value at `path` has completions (roles, principals, enums, files). */
function valueHasSuggestions(path: (string | number)[]): boolean {
  const schema = schemaOf(path);
  const key = path[path.length - 1];
  return (
    roleSlotAt(path) !== undefined ||
    key === 'principalId' ||
    key === 'tenantId' ||
    Array.isArray(schema?.enum) ||
    imageSizeAt(path) !== undefined ||
    isCsvField(path)
  );
}

// ---------------------------------------------------------------------------------------------
// Values

function valueCompletions(document: OfferDocument, slot: ValueSlot, services: FeatureServices): CompletionList {
  const roleKind = roleSlotAt(slot.path);
  if (roleKind) {
    return complete(roleCompletions(document, slot, roleKind, services.catalog));
  }
  const key = slot.path[slot.path.length - 1];
  if (key === 'principalId') {
    return principalCompletions(document, slot);
  }
  if (key === 'tenantId') {
    return complete(tenantCompletions(document, slot));
  }
  if (imageSizeAt(slot.path) || isCsvField(slot.path)) {
    return complete(fileCompletions(document, slot, services));
  }
  return complete([...schemaValueCompletions(document, slot), ...structureCompletions(document, slot)]);
}

function roleCompletions(document: OfferDocument, slot: ValueSlot, kind: RoleSlot, catalog: RoleCatalog): CompletionItem[] {
  // In a list of assignable roles, a role already listed is not offered again.
  const listed = new Set(
    kind === 'delegated'
      ? items(slot.container)
          .filter((item) => item !== slot.replaced)
          .map((item) => str(item)?.toLowerCase())
      : [],
  );
  // Six hundred roles with their documentation were a third of a megabyte per answer: the list
  // carries what resolving an item needs, and the editor asks for the one documentation it shows.
  return roleChoices(kind, catalog)
    .filter((role) => !listed.has(role.id.toLowerCase()))
    .map((role, rank) => {
      const data: RoleItemData = { kind: 'role', roleId: role.id, slotKind: kind };
      const local = localRoleName(role.roleName);
      return {
        label: role.roleName,
        ...(local ? { labelDetails: { description: local } } : {}),
        kind: CompletionItemKind.Value,
        detail: role.id,
        // Found by name or by id: a user typing inside an existing id keeps the role it names.
        filterText: filterTextFor(slot, `${role.roleName} ${role.id}`),
        // In the order publishers reach for roles (the editor keeps it among equally good matches).
        sortText: String(rank).padStart(4, '0'),
        data,
        ...withEdits(document, slot, stringValue(slot, role.id)),
      };
    });
}

/** What a role item carries in its `data`: enough to write its documentation when it is resolved. */
export interface RoleItemData {
  kind: 'role';
  roleId: string;
  slotKind: RoleSlot;
}

/**
 * An item of a completion list with what was left out of the list filled in: a role item gets the
 * role's documentation. Any other item (another kind, another server's, a role the catalog no
 * longer knows, a `data` that is not ours) comes back as it was.
 */
export function resolveCompletion(item: CompletionItem, services: Pick<FeatureServices, 'catalog'>): CompletionItem {
  const data = roleItemData(item);
  const role = data && services.catalog.findById(data.roleId);
  if (!data || !role) {
    return item;
  }
  return { ...item, documentation: { kind: MarkupKind.Markdown, value: roleDocumentation(role, data.slotKind) } };
}

/** The role data of an item, if it has data of that shape (it comes back from the client: any JSON). */
function roleItemData(item: unknown): RoleItemData | undefined {
  const data: unknown = typeof item === 'object' && item !== null ? (item as { data?: unknown }).data : undefined;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return undefined;
  }
  const { kind, roleId, slotKind } = data as Record<string, unknown>;
  return kind === 'role' && typeof roleId === 'string' && isRoleSlot(slotKind) ? { kind, roleId, slotKind } : undefined;
}

function roleDocumentation(role: RoleDefinition, kind: RoleSlot): string {
  return [
    escapeMarkdown(role.description || t('No description.')),
    t('Category: {0}', escapeMarkdown(roleCategoryName(role.category))),
    escapeMarkdown(roleExplanation(kind, role)),
  ].join('\n\n');
}

/**
 * The principals the offer already names that fit what is typed in the slot, best first, at most
 * MAX_PRINCIPAL_ITEMS of them (the list then says it is incomplete).
 */
function principalCompletions(document: OfferDocument, slot: ValueSlot): CompletionList {
  const current = slot.inQuotes ? document.nodeAt(slot.path) : undefined;
  const displayNameNode = prop(slot.container, 'principalIdDisplayName');
  const { principals, cut } = matchingPrincipals(knownPrincipals(document.root, current), slot.typed);
  const items = principals.map((principal, rank) => {
    const item: CompletionItem = {
      label: principal.displayName || principal.principalId,
      labelDetails: principal.displayName ? { description: principal.principalId } : undefined,
      kind: CompletionItemKind.Reference,
      detail: principal.principalId,
      documentation: {
        kind: MarkupKind.Markdown,
        value: t('A principal this offer already names: {0}.', escapeMarkdown(principal.displayName || principal.principalId)),
      },
      filterText: filterTextFor(slot, `${principal.displayName} ${principal.principalId}`.trim()),
      // The editor keeps the server's order among items that fit the typed text equally well.
      sortText: String(rank).padStart(4, '0'),
      ...withEdits(document, slot, stringValue(slot, principal.principalId)),
    };
    // An empty display name beside it is filled in too: the same principal, the same name.
    if (principal.displayName && displayNameNode?.type === 'string' && str(displayNameNode) === '') {
      item.additionalTextEdits = [
        ...(item.additionalTextEdits ?? []),
        { range: document.rangeAt(displayNameNode.offset + 1, 0), newText: jsonStringContent(principal.displayName) },
      ];
    }
    return item;
  });
  return { isIncomplete: cut, items };
}

/**
 * The principals whose display name or id starts with `typed` (case-insensitively), then those
 * with a later word of the display name starting with it, each group in order of first mention;
 * cut to MAX_PRINCIPAL_ITEMS (`cut` says whether some were left out).
 */
function matchingPrincipals(known: readonly KnownPrincipal[], typed: string): { principals: KnownPrincipal[]; cut: boolean } {
  const wanted = typed.trimStart().toLowerCase();
  const starts: KnownPrincipal[] = [];
  const wordStarts: KnownPrincipal[] = [];
  for (const principal of known) {
    const name = principal.displayName.toLowerCase();
    if (name.startsWith(wanted) || principal.principalId.toLowerCase().startsWith(wanted)) {
      starts.push(principal);
    } else if (laterWordStartsWith(name, wanted)) {
      wordStarts.push(principal);
    }
    if (starts.length > MAX_PRINCIPAL_ITEMS) {
      break; // enough to fill the list and to know that it was cut
    }
  }
  const principals = starts.length > MAX_PRINCIPAL_ITEMS ? starts : [...starts, ...wordStarts];
  return { principals: principals.slice(0, MAX_PRINCIPAL_ITEMS), cut: principals.length > MAX_PRINCIPAL_ITEMS };
}

/** Whether `wanted` is found in `name` after its start, right after a character that is no part of a word. */
function laterWordStartsWith(name: string, wanted: string): boolean {
  for (let index = name.indexOf(wanted, 1); index > 0; index = name.indexOf(wanted, index + 1)) {
    if (!WORD_CHARACTER.test(name[index - 1])) {
      return true;
    }
  }
  return false;
}

/** A character of a word of a display name: a letter or a digit of any script. */
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

function tenantCompletions(document: OfferDocument, slot: ValueSlot): CompletionItem[] {
  const current = slot.inQuotes ? document.nodeAt(slot.path) : undefined;
  return knownTenants(document.root, current).map((tenant) => ({
    label: tenant.tenantId,
    kind: CompletionItemKind.Value,
    detail: t('The tenant of plan {0}', tenant.planIds.join(', ')),
    filterText: filterTextFor(slot, tenant.tenantId),
    ...withEdits(document, slot, stringValue(slot, tenant.tenantId)),
  }));
}

/**
 * The values the schema names for the slot: its `const` or `enum` choices, its default and its
 * examples, as VS Code's JSON support offers them. Examples are left out where a made-up value
 * would pass every check and fail only when the offer is used: ids (principals, tenants,
 * subscriptions), which completion takes from the offer itself, and file paths, which it takes
 * from the workspace.
 */
function schemaValueCompletions(document: OfferDocument, slot: ValueSlot): CompletionItem[] {
  const schema = schemaOf(slot.path);
  if (!schema) {
    return [];
  }
  const choices: unknown[] = Array.isArray(schema.enum) ? schema.enum : schema.const !== undefined ? [schema.const] : [];
  const suggested: { value: unknown; detail: string | undefined; kind: CompletionItemKind }[] = [];
  const seen = new Set<string>();
  const add = (value: unknown, detail: string | undefined, kind: CompletionItemKind) => {
    const key = JSON.stringify(value);
    if (key !== undefined && !seen.has(key)) {
      seen.add(key);
      suggested.push({ value, detail, kind });
    }
  };
  for (const value of choices) {
    add(value, JSON.stringify(value) === JSON.stringify(schema.default) ? t('default') : undefined, CompletionItemKind.EnumMember);
  }
  if (schema.default !== undefined) {
    add(schema.default, t('default'), CompletionItemKind.Value);
  }
  if (Array.isArray(schema.examples) && !examplesAreMadeUp(slot.path, schema)) {
    for (const example of schema.examples) {
      add(example, t('example'), CompletionItemKind.Value);
    }
  }
  // An array of unique choices (categories): those already chosen are not offered again.
  const chosen =
    slot.container.type === 'array'
      ? new Set(items(slot.container).filter((item) => item !== slot.replaced).map((item) => JSON.stringify(item.value as unknown)))
      : new Set<string>();
  const documentation = schemaDocumentation(schema);
  return suggested
    .filter(({ value }) => !chosen.has(JSON.stringify(value)))
    // Only a string fits inside quotes already typed.
    .filter(({ value }) => !slot.inQuotes || typeof value === 'string')
    .map(({ value, detail, kind }, index) => {
      const label = typeof value === 'string' ? value : JSON.stringify(value);
      return {
        label,
        kind,
        detail,
        documentation: documentation ? { kind: MarkupKind.Markdown, value: documentation } : undefined,
        filterText: filterTextFor(slot, label),
        sortText: String(index).padStart(4, '0'),
        ...withEdits(document, slot, typeof value === 'string' ? stringValue(slot, value) : plainValue(slot, JSON.stringify(value))),
      };
    });
}

/** Whether a field's schema examples are stand-ins that must not be written into an offer. */
function examplesAreMadeUp(path: JSONPath, schema: SchemaNode): boolean {
  const itemPattern = schema.type === 'array' ? schema.items?.pattern : undefined;
  return schema.pattern === GUID_PATTERN || itemPattern === GUID_PATTERN || imageSizeAt(path) !== undefined || isCsvField(path);
}

/** What the editor matches typed text against: with the quote when the item replaces a whole string. */
function filterTextFor(slot: CursorSlot, text: string): string {
  return slot.kind === 'value' && slot.quotedSpan ? `"${text}"` : text;
}

/** A new plan / authorization / eligible authorization, or any object or array the schema wants here. */
function structureCompletions(document: OfferDocument, slot: ValueSlot): CompletionItem[] {
  if (slot.inQuotes) {
    return [];
  }
  const schema = schemaOf(slot.path);
  const element = structureOfElement(slot.path);
  const type = schema?.type;
  if (!element && type !== 'object' && type !== 'array') {
    return [];
  }
  const writer = new SnippetWriter();
  const snippet = element ? structureSnippet(element, writer, structureContext(document)) : valueSnippet(slot.path, schema, writer, structureContext(document));
  const labels: Record<string, string> = {
    plan: t('New plan'),
    authorization: t('New authorization'),
    eligibleAuthorization: t('New eligible authorization'),
  };
  const label = element ? labels[element] : type === 'object' ? '{ }' : '[ ]';
  const documentation: Record<string, string> = {
    plan: t('A plan with its listing, private audience and technical configuration (tenant and one authorization).'),
    authorization: t('An authorization: a principal of your tenant, its display name and a role (pick it by name).'),
    eligibleAuthorization: t('An eligible (just-in-time) authorization with its activation policy.'),
  };
  return [
    {
      label,
      kind: CompletionItemKind.Snippet,
      documentation: element ? documentation[element] : schemaDocumentation(schema),
      insertTextFormat: InsertTextFormat.Snippet,
      sortText: '0',
      filterText: slot.typed || label,
      ...withEdits(document, slot, snippetValue(slot, snippet)),
    },
  ];
}

function fileCompletions(document: OfferDocument, slot: ValueSlot, services: FeatureServices): CompletionItem[] {
  const files = services.files;
  const index = services.workspaceFiles;
  if (!files || !index) {
    return [];
  }
  const expected = imageSizeAt(slot.path);
  const found = index.filesWithExtension(files.workspaceRoot, expected ? ['.png'] : ['.csv']);
  return found.map((absolutePath, position) => {
    const relative = offerRelativePath(files.offerDirectory, absolutePath);
    let detail: string | undefined;
    let fits = false;
    if (expected && position < MAX_MEASURED_IMAGES) {
      const header = files.png(relative);
      if (header.status === 'ok' && header.result.isPng) {
        fits = header.result.width === expected.width && header.result.height === expected.height;
        detail = fits
          ? t('{0} × {1} pixels, the size expected here', header.result.width, header.result.height)
          : t('{0} × {1} pixels; expected here: {2} × {3}', header.result.width, header.result.height, expected.width, expected.height);
      } else if (header.status === 'ok') {
        detail = t('not a PNG image');
      }
    }
    return {
      label: relative,
      kind: CompletionItemKind.File,
      detail,
      filterText: filterTextFor(slot, relative),
      // Images of the right size first, then by path.
      sortText: (fits ? '0' : '1') + relative,
      ...withEdits(document, slot, stringValue(slot, relative)),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Edits

/** The text edit of an item (and the comma the previous element lacks, if any). */
function withEdits(document: OfferDocument, slot: CursorSlot, newText: string): Pick<CompletionItem, 'textEdit' | 'additionalTextEdits'> {
  let text = newText;
  const additionalTextEdits: TextEdit[] = [];
  if (slot.commaBefore !== undefined) {
    if (slot.commaBefore === slot.span.offset) {
      text = ',' + text;
    } else {
      additionalTextEdits.push({ range: document.rangeAt(slot.commaBefore, 0), newText: ',' });
    }
  }
  return {
    textEdit: { range: document.rangeAt(slot.span.offset, slot.span.length), newText: text },
    ...(additionalTextEdits.length > 0 ? { additionalTextEdits } : {}),
  };
}

/** A string value: its content inside quotes already typed, else the quoted JSON string. */
function stringValue(slot: ValueSlot, value: string): string {
  if (slot.inQuotes) {
    return jsonStringContent(value) + (slot.closeQuote ? '"' : '');
  }
  return plainValue(slot, JSON.stringify(value));
}

/** A value written without quotes around the cursor, with the space, bracket and comma it needs. */
function plainValue(slot: ValueSlot, json: string): string {
  return slot.prefix + (slot.afterColon ? ' ' : '') + json + (slot.commaAfter ? (slot.prefix ? ', ' : ',') : '');
}

function snippetValue(slot: ValueSlot, snippet: string): string {
  return plainValue(slot, snippet);
}

/** A string as it is written between JSON quotes. */
function jsonStringContent(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}

function structureContext(document: OfferDocument): StructureContext {
  const tenants = knownTenants(document.root);
  return { knownTenantId: tenants.length === 1 ? tenants[0].tenantId : undefined };
}
