/**
 * The outline: the offer, its Partner Center sections, each plan and, inside it, who gets which
 * role. Authorizations are named "display name — role name" because a role GUID tells a reader
 * nothing.
 */
import type { Node } from 'jsonc-parser';
import { DocumentSymbol, Range, SymbolKind } from 'vscode-languageserver-types';
import type { RoleCatalog } from '@core/catalog/roleCatalog';
import { t } from '@core/l10n';
import { at, keyNode, prop, propertyOf, str } from '@core/model/nodes';
import type { OfferDocument } from '@core/model/offerDocument';
import { AuthorizationKind, AuthorizationRef, authorizationsOf, PlanRef, plansOf } from '@core/model/offerStructure';

export function documentSymbols(document: OfferDocument, catalog: RoleCatalog): DocumentSymbol[] {
  const root = document.root;
  if (root?.type !== 'object') {
    return [];
  }
  const offerIdKey = keyNode(root, 'offerId');
  const sections = [
    groupSymbol(document, root, t('Offer setup'), ['offerType', 'offerId', 'alias', 'leadManagement']),
    sectionSymbol(document, root, 'properties', t('Properties'), SymbolKind.Namespace),
    sectionSymbol(document, root, 'listing', t('Listing'), SymbolKind.Namespace),
    sectionSymbol(document, root, 'previewAudience', t('Preview audience'), SymbolKind.Namespace),
    plansSymbol(document, root, catalog),
  ].filter((symbol): symbol is DocumentSymbol => symbol !== undefined);
  return [
    {
      name: nonEmpty(str(prop(root, 'offerId')), t('Offer')),
      detail: str(prop(root, 'alias')),
      kind: SymbolKind.Package,
      range: document.rangeOf(root),
      selectionRange: offerIdKey ? document.rangeOf(offerIdKey) : document.rangeAt(root.offset, 1),
      children: sections,
    },
  ];
}

/** A section made of several top-level properties (Offer setup), spanning from the first to the last. */
function groupSymbol(document: OfferDocument, root: Node, name: string, keys: string[]): DocumentSymbol | undefined {
  const properties = keys
    .map((key) => keyNode(root, key)?.parent)
    .filter((property): property is Node => property !== undefined)
    .sort((a, b) => a.offset - b.offset);
  if (properties.length === 0) {
    return undefined;
  }
  const first = properties[0];
  const last = properties[properties.length - 1];
  return {
    name,
    kind: SymbolKind.Namespace,
    range: document.rangeAt(first.offset, last.offset + last.length - first.offset),
    selectionRange: document.rangeOf(first.children![0]),
    children: properties.map((property) => {
      const [key, value] = property.children ?? [];
      return {
        name: String(key.value),
        detail: str(value),
        kind: SymbolKind.Property,
        range: document.rangeOf(property),
        selectionRange: document.rangeOf(key),
      };
    }),
  };
}

/** A section that is one top-level property (`"listing": {…}`). */
function sectionSymbol(document: OfferDocument, root: Node, key: string, name: string, kind: SymbolKind): DocumentSymbol | undefined {
  const keyOfSection = keyNode(root, key);
  const property = keyOfSection?.parent;
  if (!keyOfSection || !property) {
    return undefined;
  }
  return { name, kind, range: document.rangeOf(property), selectionRange: document.rangeOf(keyOfSection), children: [] };
}

function plansSymbol(document: OfferDocument, root: Node, catalog: RoleCatalog): DocumentSymbol | undefined {
  const plans = sectionSymbol(document, root, 'plans', t('Plans'), SymbolKind.Array);
  if (plans) {
    plans.children = plansOf(root).map((plan) => planSymbol(document, plan, catalog));
  }
  return plans;
}

function planSymbol(document: OfferDocument, plan: PlanRef, catalog: RoleCatalog): DocumentSymbol {
  const planIdNode = prop(plan.node, 'planId');
  const groups = [
    authorizationGroup(document, plan, 'authorizations', t('Authorizations'), catalog),
    authorizationGroup(document, plan, 'eligibleAuthorizations', t('Eligible authorizations'), catalog),
  ].filter((symbol): symbol is DocumentSymbol => symbol !== undefined);
  return {
    name: nonEmpty(plan.planId, t('Plan {0}', plan.index + 1)),
    detail: str(prop(plan.node, 'name')),
    kind: SymbolKind.Object,
    range: document.rangeOf(plan.node),
    selectionRange: within(document, plan.node, planIdNode),
    children: groups,
  };
}

function authorizationGroup(
  document: OfferDocument,
  plan: PlanRef,
  kind: AuthorizationKind,
  name: string,
  catalog: RoleCatalog,
): DocumentSymbol | undefined {
  const list = at(plan.technicalConfiguration, kind);
  const property = list && propertyOf(list);
  if (!list || !property?.children?.[0]) {
    return undefined;
  }
  return {
    name,
    kind: SymbolKind.Array,
    range: document.rangeOf(property),
    selectionRange: document.rangeOf(property.children[0]),
    children: authorizationsOf(plan, kind).map((authorization) => authorizationSymbol(document, authorization, catalog)),
  };
}

function authorizationSymbol(document: OfferDocument, authorization: AuthorizationRef, catalog: RoleCatalog): DocumentSymbol {
  const displayNameNode = prop(authorization.node, 'principalIdDisplayName');
  const displayName = nonEmpty(str(displayNameNode), t('(no display name)'));
  const roleId = authorization.roleDefinitionId;
  const roleName = (roleId && catalog.findById(roleId)?.roleName) || nonEmpty(roleId, t('(no role)'));
  return {
    name: `${displayName} — ${roleName}`,
    detail: authorization.principalId,
    kind: SymbolKind.Field,
    range: document.rangeOf(authorization.node),
    selectionRange: within(document, authorization.node, displayNameNode),
  };
}

/** A node's range when it lies inside `outer` (a symbol's selection must), else the outer's first character. */
function within(document: OfferDocument, outer: Node, inner: Node | undefined): Range {
  if (inner && inner.offset >= outer.offset && inner.offset + inner.length <= outer.offset + outer.length) {
    return document.rangeOf(inner);
  }
  return document.rangeAt(outer.offset, 1);
}

/** Editors refuse a symbol with an empty name. */
function nonEmpty(text: string | undefined, fallback: string): string {
  return text && text.trim() !== '' ? text : fallback;
}
