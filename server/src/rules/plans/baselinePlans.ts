/**
 * The plans of the published baseline, found by planId: a plan's ID is what Partner Center knows
 * it by, so the baseline rules compare each plan with the published plan of the same ID.
 */
import { quoteValue } from '@core/text/quote';
import { plansOf, PlanRef } from '@core/model/offerStructure';
import type { OfferDocument } from '@core/model/offerDocument';

/** Published plans by planId (the first one when the baseline repeats an ID). */
export function baselinePlansById(baseline: OfferDocument | undefined): Map<string, PlanRef> {
  return firstPlanById(plansOf(baseline?.root));
}

/** Plans by planId, keeping the first of each ID. */
export function firstPlanById(plans: readonly PlanRef[]): Map<string, PlanRef> {
  const byId = new Map<string, PlanRef>();
  for (const plan of plans) {
    if (plan.planId !== undefined && !byId.has(plan.planId)) {
      byId.set(plan.planId, plan);
    }
  }
  return byId;
}

/** How a plan is named in messages: its ID, or its position when it has none. */
export function planLabel(plan: PlanRef): string {
  return plan.planId !== undefined ? `'${quoteValue(plan.planId)}'` : `#${plan.index + 1}`;
}
