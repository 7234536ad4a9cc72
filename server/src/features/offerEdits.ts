/**
 * The plans tree's edits (add a plan, add an authorization, remove one), computed in the server on
 * the text it has, with the edit toolkit (edits/pointerEdits.ts) so that comments, key order and
 * the file's own indentation survive. The extension applies them as a WorkspaceEdit (see
 * `lsp/offerRequests.ts`). Each answers no edit when the offer is not as the edit expects.
 */
import { t } from '@core/l10n';
import { idFormatProblem, idLengthLimit } from '@core/knowledge/idFormat';
import { fromPointer } from '@core/model/jsonPointer';
import { items, prop, str } from '@core/model/nodes';
import { plansOf } from '@core/model/offerStructure';
import { quoteValue } from '@core/text/quote';
import { OfferDocument } from '@core/model/offerDocument';
import type { NewAuthorization, PlanChoice } from '@core/protocol';
import { present } from '../edits/expectations';
import type { OffsetEdit } from '../edits/offsetEdits';
import { appendItem, removeValue, type EditTarget } from '../edits/pointerEdits';
import { detectLayout } from './formatting';

/** Why a plan id typed in the "Add Plan" box cannot be used, or undefined when it can (plan-id-format's test). */
export function validateNewPlanId(planId: string, document: OfferDocument): string | undefined {
  const problem = idFormatProblem(planId, 'planId');
  if (problem === 'empty') {
    return t('Type a plan ID, for example "gold".');
  }
  if (problem !== undefined) {
    const { min, max } = idLengthLimit('planId');
    return t('A plan ID has {1} to {2} lowercase letters, digits, "-" or "_": "{0}" does not.', quoteValue(planId), min, max);
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

/**
 * Appends a plan (private, BYOL, with an empty audience and authorization list to fill in). The
 * managing tenant is copied from the first plan that has one: it is the same publisher tenant.
 * An imported onboarding template gives the whole technical configuration instead.
 */
export function addPlanEdits(document: OfferDocument, planId: string, technicalConfiguration?: object): OffsetEdit[] {
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
  // A `plans` that is not an array is the schema's problem to report: nothing is replaced.
  return appendItem(target(document), ['plans'], plan) ?? [];
}

/** Appends an authorization to a plan's `technicalConfiguration.authorizations`. */
export function addAuthorizationEdits(document: OfferDocument, planIndex: number, authorization: NewAuthorization): OffsetEdit[] {
  const plan = items(prop(document.root, 'plans'))[planIndex];
  if (plan?.type !== 'object') {
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
  // A missing configuration or list is made; one of another type is left alone (no edit).
  return appendItem(target(document), ['plans', planIndex, 'technicalConfiguration', 'authorizations'], value) ?? [];
}

/** Removes the value at a JSON pointer (a plan or an authorization) with its comma. */
export function removeEdits(document: OfferDocument, pointer: string): OffsetEdit[] {
  return removeValue(target(document), fromPointer(pointer), present) ?? [];
}

function target(document: OfferDocument): EditTarget {
  return { document, formatting: detectLayout(document.getText()) };
}
