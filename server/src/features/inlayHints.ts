/**
 * Inlay hints: the role's name after every role id (an authorization's roleDefinitionId and
 * each of its delegatedRoleDefinitionIds), so that a GUID reads as "Contributor" at a glance.
 */
import { InlayHint, MarkupKind, Range } from 'vscode-languageserver-types';
import type { RoleCatalog } from '@core/catalog/roleCatalog';
import type { OfferDocument } from '@core/model/offerDocument';
import { isAllowedIn, roleExplanation } from '@core/knowledge/rolePolicy';
import { roleIdNodesOf } from './roleSlots';
import { escapeMarkdown } from './schemaInfo';

/** Hints for the role ids whose value lies within `range` (the whole document when absent). */
export function inlayHints(document: OfferDocument, catalog: RoleCatalog, range?: Range): InlayHint[] {
  const from = range ? document.offsetAt(range.start) : 0;
  const to = range ? document.offsetAt(range.end) : Number.MAX_SAFE_INTEGER;
  const hints: InlayHint[] = [];
  for (const { kind, node } of roleIdNodesOf(document.root)) {
    const end = node.offset + node.length;
    if (end < from || node.offset > to) {
      continue;
    }
    const role = catalog.findById(node.value as string);
    if (!role) {
      continue;
    }
    hints.push({
      position: document.positionAt(end),
      label: role.roleName,
      paddingLeft: true,
      tooltip: {
        kind: MarkupKind.Markdown,
        // Whether the role may stand there, as the role policy says (the rules report the same).
        value: `**${escapeMarkdown(role.roleName)}**\n\n${escapeMarkdown(role.description)}\n\n${isAllowedIn(kind, role) ? '✓' : '✗'} ${escapeMarkdown(roleExplanation(kind, role))}`,
      },
    });
  }
  return hints;
}
