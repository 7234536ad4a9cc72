import { t } from '@core/l10n';
import { quoteValue } from '@core/text/quote';
import { prop, str } from '@core/model/nodes';
import { plansOf, PlanRef } from '@core/model/offerStructure';
import type { Rule, RuleContext } from '../rule';
import { baselinePlansById, firstPlanById } from './baselinePlans';
import { dataReplacementFix } from '../../edits/quickFix';

/**
 * A plan's ID and name are fixed from the moment the plan is created in Partner Center, and a
 * published plan can't be deleted. Plans are matched by planId; a published plan
 * whose ID is gone was either renamed (a new plan stands in its place: same name, or same
 * position) or removed, and the message says which.
 */
export const planIdImmutable: Rule = {
  code: 'plan-id-immutable',
  severity: 'error',
  needsBaseline: true,
  docs: "A plan's ID and name are fixed from the moment the plan is created in Partner Center, and a published plan can't be deleted (stop selling it in Partner Center instead).",
  check({ root, baseline, report }) {
    const plansNode = prop(root, 'plans');
    if (plansNode && plansNode.type !== 'array') {
      return;
    }
    const plans = plansOf(root);
    const current = firstPlanById(plans);
    const published = baselinePlansById(baseline);
    // Plans that are not in the baseline: a renamed plan is one of them.
    const newcomers = plans.filter((plan) => plan.planId !== undefined && !published.has(plan.planId));

    for (const [planId, publishedPlan] of published) {
      const plan = current.get(planId);
      if (plan) {
        reportRenamedName(plan, publishedPlan, report);
        continue;
      }
      const successor = takeSuccessor(newcomers, publishedPlan);
      const successorNode = successor && prop(successor.node, 'planId');
      if (successor && successorNode) {
        report(
          successorNode,
          t(
            "Plan ID '{0}' replaces the plan '{1}' that Partner Center holds: a plan's ID is fixed from the moment the plan is created; use '{1}' again.",
            quoteValue(successor.planId ?? ''),
            quoteValue(planId),
          ),
          { value: successor.planId, published: planId },
        );
      } else if (plansNode) {
        report(plansNode, publishedPlanMissing(planId));
      } else {
        report({ missing: 'plans', in: root }, publishedPlanMissing(planId));
      }
    }
  },
  fix(diagnostic, context) {
    return dataReplacementFix(diagnostic, context, { title: (published) => t("Change back to '{0}'", quoteValue(published)), isPreferred: false, replacement: 'published' });
  },
};

function reportRenamedName(plan: PlanRef, publishedPlan: PlanRef, report: RuleContext['report']): void {
  const nameNode = prop(plan.node, 'name');
  const name = str(nameNode);
  const publishedName = str(prop(publishedPlan.node, 'name'));
  if (nameNode && name !== undefined && publishedName !== undefined && name !== publishedName) {
    report(
      nameNode,
      t(
        "Plan '{0}' has the name '{1}' in Partner Center: a plan's name is fixed from the moment the plan is created; use '{1}' again.",
        quoteValue(plan.planId ?? ''),
        quoteValue(publishedName),
      ),
      { value: name, published: publishedName },
    );
  }
}

function publishedPlanMissing(planId: string): string {
  return t(
    "The published plan '{0}' is missing: a published plan can't be deleted; put it back (you can stop its distribution in Partner Center instead).",
    quoteValue(planId),
  );
}

/** The new plan that most likely is the published plan renamed: same name first, else same position. */
function takeSuccessor(newcomers: PlanRef[], publishedPlan: PlanRef): PlanRef | undefined {
  const publishedName = str(prop(publishedPlan.node, 'name'));
  let index = newcomers.findIndex((plan) => publishedName !== undefined && str(prop(plan.node, 'name')) === publishedName);
  if (index < 0) {
    index = newcomers.findIndex((plan) => plan.index === publishedPlan.index);
  }
  return index < 0 ? undefined : newcomers.splice(index, 1)[0];
}
