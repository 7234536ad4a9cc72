import { applyEdits, Edit, modify } from 'jsonc-parser';
import { t } from '@core/l10n';
import { fromPointer } from '@core/model/jsonPointer';
import { prop, str } from '@core/model/nodes';
import { editsToTextEdits } from '../fixEdits';
import type { Rule } from '../rule';
import { baselinePlansById, planLabel } from './baselinePlans';

export const publicPlanOpen: Rule = {
  code: 'public-plan-open',
  severity: 'info',
  scope: 'plan',
  docs: 'A public plan can be accepted by any customer, who then delegates access to your tenant; a private plan is offered only to the subscriptions you list.',
  check({ plans, baseline, report }) {
    const published = baselinePlansById(baseline);
    for (const plan of plans) {
      const node = prop(plan.node, 'visibility');
      if (!node || str(node) !== 'public') {
        continue;
      }
      // A plan published as public can never become private (public-to-private): the hint and
      // its fix would only lead there.
      const publishedPlan = plan.planId !== undefined ? published.get(plan.planId) : undefined;
      if (publishedPlan && str(prop(publishedPlan.node, 'visibility')) === 'public') {
        continue;
      }
      report(
        node,
        t('Plan {0} is public: any customer can accept it and delegate access to your tenant. Make it private to offer it only to the subscriptions you list.', planLabel(plan)),
      );
    }
  },
  fix(diagnostic, { document, formatting }) {
    // The diagnostic's path is /plans/<i>/visibility; the fix works on the plan around it.
    const visibilityPath = fromPointer(diagnostic.path);
    const planPath = visibilityPath.slice(0, -1);
    const planNode = document.nodeAt(planPath);
    if (visibilityPath[visibilityPath.length - 1] !== 'visibility' || planNode?.type !== 'object' || str(prop(planNode, 'visibility')) !== 'public') {
      return [];
    }
    const original = document.getText();
    const options = { formattingOptions: formatting };
    const madePrivate = applyEdits(original, modify(original, visibilityPath, 'private', options));
    if (prop(planNode, 'privateAudience')) {
      return [{ title: t('Make the plan private'), edits: editsToTextEdits(document, [singleEdit(original, madePrivate)]), isPreferred: false }];
    }
    // An empty list, not an invented GUID: private-audience-required then says that the
    // subscription ids are still to be given, and where.
    const withAudience = applyEdits(
      madePrivate,
      modify(madePrivate, [...planPath, 'privateAudience'], { subscriptionIds: [] }, {
        ...options,
        getInsertionIndex: (keys) => {
          const visibility = keys.indexOf('visibility');
          return visibility < 0 ? keys.length : visibility + 1;
        },
      }),
    );
    return [
      {
        title: t('Make the plan private (then list the customer subscriptions in privateAudience)'),
        edits: editsToTextEdits(document, [singleEdit(original, withAudience)]),
        isPreferred: false,
      },
    ];
  },
};

/**
 * One edit that turns `before` into `after`: the span between their common start and end. The
 * fix makes two changes in sequence (the second computed on the result of the first), and one
 * edit on the original text cannot clash with itself.
 */
function singleEdit(before: string, after: string): Edit {
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before[start] === after[start]) {
    start++;
  }
  let end = 0;
  while (end < shorter - start && before[before.length - 1 - end] === after[after.length - 1 - end]) {
    end++;
  }
  return { offset: start, length: before.length - start - end, content: after.slice(start, after.length - end) };
}
