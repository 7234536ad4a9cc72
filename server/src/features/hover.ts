/**
 * Hovers: on a key, a value, an array item or the brackets of an object or array, what the schema
 * says of the field (as VS Code's JSON support shows it) with its limit and the current length or
 * count. The domain's facts are added below it: on a role id, the role and whether Azure Lighthouse
 * accepts it there; on an image path, the image's real size against the expected one; on a
 * principal id, the names the offer gives that principal.
 */
import { findNodeAtOffset, getNodePath, JSONPath, Node } from 'jsonc-parser';
import { Hover, MarkupKind, Position } from 'vscode-languageserver-types';
import type { RoleCatalog } from '@core/catalog/roleCatalog';
import { t } from '@core/l10n';
import { codePointLength, isGuid, items } from '@core/model/nodes';
import type { OfferDocument } from '@core/model/offerDocument';
import type { FeatureServices } from './featureServices';
import { countLimitAt, imageSizeAt, lengthLimitAt } from '@core/knowledge/fieldLimits';
import { PrincipalMention, principalMentionsOf } from './offerPrincipals';
import { isAllowedIn, RoleSlot, roleExplanation } from '@core/knowledge/rolePolicy';
import { roleSlotAt } from './roleSlots';
import { localRoleName, roleCategoryName } from '@core/text/roleNames';
import { escapeMarkdown, localSchemaText, schemaDocumentation, schemaOf } from './schemaInfo';

/** A principal named in many places lists this many of them. */
const MAX_LISTED_MENTIONS = 10;

export function hover(document: OfferDocument, position: Position, services: FeatureServices): Hover | null {
  const root = document.root;
  if (!root) {
    return null;
  }
  const offset = document.offsetAt(position);
  const node = findNodeAtOffset(root, offset, false);
  if (!node) {
    return null;
  }
  if (node.type === 'object' || node.type === 'array') {
    // On its brackets (and just inside them), not anywhere in a block of many lines.
    if (offset > node.offset + 1 && offset < node.offset + node.length - 1) {
      return null;
    }
    return markdown(document, node, [fieldDescription(getNodePath(node), node)]);
  }
  if (node.type === 'property') {
    return null;
  }
  const property = node.parent?.type === 'property' ? node.parent : undefined;
  if (property && property.children?.[0] === node && node.type === 'string') {
    const object = property.parent;
    const path = [...(object ? getNodePath(object) : []), node.value as string];
    return markdown(document, node, [fieldDescription(path, property.children?.[1])]);
  }
  const path = getNodePath(node);
  return markdown(document, node, [fieldDescription(path, node), node.type === 'string' ? valueFacts(node.value as string, path, document, services) : undefined]);
}

/** What the domain knows about a string value: the role an id names, the principal, the image. */
function valueFacts(value: string, path: JSONPath, document: OfferDocument, services: FeatureServices): string | undefined {
  const roleSlot = roleSlotAt(path);
  if (roleSlot) {
    return roleDescription(value, roleSlot, services.catalog);
  }
  if (path[path.length - 1] === 'principalId') {
    // In an eligible authorization the field's description (above) already says that service
    // principals can't be used there: the value's hover shows it with the principal's names.
    return principalDescription(value, document.root);
  }
  const expected = imageSizeAt(path);
  return expected ? imageDescription(value, expected, services) : undefined;
}

/** The field's description first, then the value's facts, below a rule. */
function markdown(document: OfferDocument, node: Node, parts: (string | undefined)[]): Hover | null {
  const present = parts.filter((part): part is string => part !== undefined && part !== '');
  return present.length > 0 ? { contents: { kind: MarkupKind.Markdown, value: present.join('\n\n---\n\n') }, range: document.rangeOf(node) } : null;
}

/** The schema's documentation of a field, its limit and where the current value stands. */
function fieldDescription(path: JSONPath, value: Node | undefined): string | undefined {
  const parts: string[] = [];
  const schema = schemaOf(path);
  const documentation = schemaDocumentation(schema);
  const title = typeof schema?.title === 'string' && schema.title.trim() !== '' ? escapeMarkdown(localSchemaText(schema.title)) : undefined;
  if (title || documentation) {
    parts.push([title, documentation].filter(Boolean).join('\n\n'));
  }
  const length = lengthLimitAt(path);
  if (length) {
    const current = value?.type === 'string' ? codePointLength(value.value as string) : undefined;
    const limit =
      length.min > 0
        ? t('Limit: {0} to {1} characters (rule `{2}`).', length.min, length.max, length.rule)
        : t('Limit: at most {0} characters (rule `{1}`).', length.max, length.rule);
    parts.push(current === undefined ? limit : `${limit}  \n${lengthStatus(current, length.min, length.max)}`);
  }
  const count = countLimitAt(path);
  if (count) {
    const current = value?.type === 'array' ? items(value).length : undefined;
    const limit =
      count.min > 0
        ? t('Limit: {0} to {1} entries (rule `{2}`).', count.min, count.max, count.rule)
        : t('Limit: at most {0} entries (rule `{1}`).', count.max, count.rule);
    parts.push(current === undefined ? limit : `${limit}  \n${t('{0} / {1} entries', current, count.max)}`);
  }
  return parts.length > 0 ? parts.join('\n\n') : undefined;
}

function lengthStatus(current: number, min: number, max: number): string {
  const status = t('{0} / {1} characters', current, max);
  if (current > max) {
    return `${status} — ${t('{0} too many', current - max)}`;
  }
  if (current < min) {
    return `${status} — ${t('empty')}`;
  }
  return status;
}

function roleDescription(value: string, kind: RoleSlot, catalog: RoleCatalog): string | undefined {
  const role = catalog.findById(value);
  if (!role) {
    const named = catalog.findByName(value);
    if (named) {
      return t("'{0}' is a role's name: this field takes its ID, `{1}`.", escapeMarkdown(named.roleName), named.id);
    }
    return isGuid(value.trim())
      ? t('No Azure built-in role has the ID `{0}`: Azure Lighthouse accepts built-in roles only (custom roles are not supported).', value.trim())
      : undefined;
  }
  const local = localRoleName(role.roleName);
  return [
    `**${escapeMarkdown(role.roleName)}**${local ? ` (${escapeMarkdown(local)})` : ''}`,
    escapeMarkdown(role.description || t('No description.')),
    `${t('Category: {0}', escapeMarkdown(roleCategoryName(role.category)))}  \n${t('ID: `{0}`', role.id)}`,
    `${isAllowedIn(kind, role) ? '✓' : '✗'} ${escapeMarkdown(roleExplanation(kind, role))}`,
  ].join('\n\n');
}

function principalDescription(value: string, root: Node | undefined): string | undefined {
  const id = value.trim().toLowerCase();
  if (!isGuid(id)) {
    return undefined;
  }
  const mentions = principalMentionsOf(root).filter((mention) => mention.principalId.trim().toLowerCase() === id);
  const names = [...new Set(mentions.map((mention) => mention.displayName).filter((name) => name !== ''))];
  const parts = [
    names.length === 0
      ? t('Principal `{0}`: the offer gives it no display name.', id)
      : t('Principal `{0}`: **{1}**', id, names.map(escapeMarkdown).join(' / ')),
  ];
  if (names.length > 1) {
    parts.push(t('The offer gives this principal {0} different display names: Partner Center and the customer see each as written.', names.length));
  }
  const listed = mentions.slice(0, MAX_LISTED_MENTIONS).map((mention) => `- ${escapeMarkdown(mentionPlace(mention))}`);
  if (mentions.length > MAX_LISTED_MENTIONS) {
    listed.push(`- ${t('… and {0} more', mentions.length - MAX_LISTED_MENTIONS)}`);
  }
  parts.push(listed.join('\n'));
  return parts.join('\n\n');
}

/**
 * On an eligible authorization's principal: service principals can't use eligible authorizations
 * (activating the role is a person's step, and a service principal cannot elevate its access).
 */
function mentionPlace(mention: PrincipalMention): string {
  const index = (mention.holder.parent?.children?.indexOf(mention.holder) ?? 0) + 1;
  const plan = mention.planId ?? '?';
  const name = mention.displayName || t('(no display name)');
  switch (mention.place) {
    case 'authorization':
      return t('{0} — plan {1}, authorization {2}', name, plan, index);
    case 'eligibleAuthorization':
      return t('{0} — plan {1}, eligible authorization {2}', name, plan, index);
    case 'approver':
      return t('{0} — plan {1}, just-in-time approver {2}', name, plan, index);
  }
}

function imageDescription(value: string, expected: { width: number; height: number }, services: FeatureServices): string {
  const wanted = t('expected {0} × {1} pixels', expected.width, expected.height);
  const files = services.files;
  if (!files) {
    return t('Save the offer to check this image ({0}).', wanted);
  }
  if (value.trim() === '') {
    return t('No image given ({0}).', wanted);
  }
  const lookup = files.png(value);
  switch (lookup.status) {
    case 'outside':
      return t('This path leads outside the workspace folder: it is not read ({0}).', wanted);
    case 'not-found':
      return t('No file at this path ({0}).', wanted);
    case 'unreadable':
      return t('The file could not be read ({0}).', wanted);
    case 'ok': {
      const header = lookup.result;
      if (!header.isPng) {
        return t('This file is not a readable PNG image ({0}).', wanted);
      }
      const fits = header.width === expected.width && header.height === expected.height;
      return fits
        ? t('✓ {0} × {1} pixels, as expected.', header.width, header.height)
        : t('✗ {0} × {1} pixels; {2}.', header.width, header.height, wanted);
    }
  }
}
