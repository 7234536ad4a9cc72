/**
 * The plans tree's edits (add a plan, add an authorization, remove one), computed in the server on
 * the text it has, with jsonc-parser's `modify` so that comments, key order and the file's own
 * indentation survive. The extension applies them as a WorkspaceEdit (see `lsp/offerRequests.ts`).
 */
import { EditResult, FormattingOptions, JSONPath, modify } from 'jsonc-parser';
import type { TextEdit } from 'vscode-languageserver-types';
import { t } from '@core/l10n';
import { requiredLengthLimit } from '@core/knowledge/fieldLimits';
import { fromPointer } from '@core/model/jsonPointer';
import { items, prop, str } from '@core/model/nodes';
import { plansOf } from '@core/model/offerStructure';
import { quoteValue } from '@core/text/quote';
import { OfferDocument } from '@core/model/offerDocument';
import type { NewAuthorization, PlanChoice } from '@core/protocol';

const PLAN_ID_LIMIT = requiredLengthLimit(['plans', 0, 'planId']);
const PLAN_ID_PATTERN = new RegExp(`^[a-z0-9_-]{${PLAN_ID_LIMIT.min},${PLAN_ID_LIMIT.max}}$`);

/** Why a plan id typed in the "Add Plan" box cannot be used, or undefined when it can. */
export function validateNewPlanId(planId: string, document: OfferDocument): string | undefined {
  if (planId.length === 0) {
    return t('Type a plan ID, for example "gold".');
  }
  if (!PLAN_ID_PATTERN.test(planId)) {
    return t('A plan ID has {1} to {2} lowercase letters, digits, "-" or "_": "{0}" does not.', quoteValue(planId), PLAN_ID_LIMIT.min, PLAN_ID_LIMIT.max);
  }
  if (plansOf(document.root).some((plan) => plan.planId === planId)) {
    return t('The offer already has a plan "{0}".', quoteValue(planId));
  }
  return undefined;
}

/** A free plan id to propose: `plan-1`, `plan-2`… */
export function suggestPlanId(document: OfferDocument): string {
  const plans = plansOf(document.root);
  const taken = new Set(plans.map((plan) => plan.planId));
  // At most plans.length + 1 candidates: one of them is free.
  for (let n = plans.length + 1; ; n++) {
    if (!taken.has(`plan-${n}`)) {
      return `plan-${n}`;
    }
  }
}

/** The offer's plans, for the commands' pickers and to reveal a plan just added. */
export function planChoices(document: OfferDocument): PlanChoice[] {
  return plansOf(document.root).map((plan) => ({
    index: plan.index,
    planId: plan.planId,
    label: plan.planId || t('Plan {0}', plan.index + 1),
    range: document.rangeOf(plan.node),
  }));
}

/** jsonc-parser's edits (offsets in the document's text) as LSP text edits. */
export function toTextEdits(document: OfferDocument, edits: EditResult): TextEdit[] {
  return edits.map((edit) => ({ range: document.rangeAt(edit.offset, edit.length), newText: edit.content }));
}

/**
 * Appends a plan (private, BYOL, with an empty audience and authorization list to fill in). The
 * managing tenant is copied from the first plan that has one: it is the same publisher tenant.
 * An imported onboarding template gives the whole technical configuration instead.
 */
export function addPlanEdits(document: OfferDocument, planId: string, technicalConfiguration?: object): EditResult {
  const tenantId = plansOf(document.root)
    .map((plan) => str(prop(plan.technicalConfiguration, 'tenantId')))
    .find((id) => id !== undefined && id !== '');
  const plan = {
    planId,
    name: planId,
    listing: { searchResultsSummary: '', description: '' },
    pricingModel: 'BYOL',
    visibility: 'private',
    privateAudience: { subscriptionIds: [] },
    technicalConfiguration: technicalConfiguration ?? {
      version: '1.0.0',
      tenantId: tenantId ?? '',
      authorizations: [],
    },
  };
  const plans = prop(document.root, 'plans');
  // A `plans` that is not an array is the schema's problem to report; replacing it would lose text.
  if (plans && plans.type !== 'array') {
    return [];
  }
  return edit(document, ['plans', -1], plan);
}

/** Appends an authorization to a plan's `technicalConfiguration.authorizations`. */
export function addAuthorizationEdits(document: OfferDocument, planIndex: number, authorization: NewAuthorization): EditResult {
  const plan = items(prop(document.root, 'plans'))[planIndex];
  if (plan?.type !== 'object') {
    return [];
  }
  const configuration = prop(plan, 'technicalConfiguration');
  const list = prop(configuration, 'authorizations');
  if ((configuration && configuration.type !== 'object') || (list && list.type !== 'array')) {
    return [];
  }
  const value: Record<string, unknown> = {
    principalId: authorization.principalId.trim(),
    principalIdDisplayName: authorization.principalIdDisplayName.trim(),
    roleDefinitionId: authorization.roleDefinitionId,
  };
  if (authorization.delegatedRoleDefinitionIds && authorization.delegatedRoleDefinitionIds.length > 0) {
    value.delegatedRoleDefinitionIds = authorization.delegatedRoleDefinitionIds;
  }
  return edit(document, ['plans', planIndex, 'technicalConfiguration', 'authorizations', -1], value);
}

/** Removes the value at a JSON pointer (a plan or an authorization) with its comma. */
export function removeEdits(document: OfferDocument, pointer: string): EditResult {
  const path = fromPointer(pointer);
  if (path.length === 0 || !document.nodeAt(path)) {
    return [];
  }
  return edit(document, path, undefined);
}

function edit(document: OfferDocument, path: JSONPath, value: unknown): EditResult {
  return modify(document.getText(), path, value, { formattingOptions: detectFormatting(document.getText()) });
}

/** The indentation the file already uses (tabs, or the smallest run of leading spaces). */
export function detectFormatting(text: string): FormattingOptions {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let smallest = Infinity;
  for (const line of text.split(/\r?\n/)) {
    const indent = /^([ \t]+)\S/.exec(line)?.[1];
    if (!indent) {
      continue;
    }
    if (indent.startsWith('\t')) {
      return { insertSpaces: false, tabSize: 4, eol };
    }
    smallest = Math.min(smallest, indent.length);
  }
  return { insertSpaces: true, tabSize: Number.isFinite(smallest) ? smallest : 2, eol };
}
