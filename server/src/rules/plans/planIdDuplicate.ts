import { t } from '@core/l10n';
import { quoteValue } from '@core/text/quote';
import { prop } from '@core/model/nodes';
import { plansOf, PlanRef } from '@core/model/offerStructure';
import type { Rule } from '../rule';

export const planIdDuplicate: Rule = {
  code: 'plan-id-duplicate',
  severity: 'error',
  docs: 'Each plan of an offer needs its own plan ID: Partner Center identifies plans by it.',
  check({ root, document, report }) {
    // Compared without case: IDs must be lowercase, so 'Gold' and 'gold' collide once fixed.
    const firstByKey = new Map<string, PlanRef>();
    for (const plan of plansOf(root)) {
      const node = prop(plan.node, 'planId');
      if (plan.planId === undefined || plan.planId === '' || !node) {
        continue;
      }
      const key = plan.planId.toLowerCase();
      const first = firstByKey.get(key);
      if (!first) {
        firstByKey.set(key, plan);
        continue;
      }
      const firstNode = prop(first.node, 'planId') ?? first.node;
      const line = document.rangeOf(firstNode).start.line + 1;
      report(
        node,
        first.planId === plan.planId
          ? t("Plan ID '{0}' is already used by plan {1} (line {2}): give each plan its own ID.", quoteValue(plan.planId), first.index + 1, line)
          : t("Plan ID '{0}' is already used by plan {1} (line {2}) as '{3}': give each plan its own ID.", quoteValue(plan.planId), first.index + 1, line, quoteValue(first.planId ?? '')),
        { firstIndex: first.index },
      );
    }
  },
};
