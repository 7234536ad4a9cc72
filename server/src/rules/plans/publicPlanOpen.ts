import { applyEdits, Edit, modify, type Node } from 'jsonc-parser';
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
    const planNode = document.nodeAt(visibilityPath.slice(0, -1));
    if (visibilityPath[visibilityPath.length - 1] !== 'visibility' || planNode?.type !== 'object' || str(prop(planNode, 'visibility')) !== 'public') {
      return [];
    }
    // The two changes are made one after the other on a copy of the plan alone (the second is
    // computed on the result of the first), not of the whole offer: one plan's fix costs that plan.
    const { text: original, shift } = planAlone(document.getText(), planNode);
    const options = { formattingOptions: formatting };
    const madePrivate = applyEdits(original, modify(original, ['visibility'], 'private', options));
    const edit = (after: string) => {
      const { offset, length, content } = singleEdit(original, after);
      return editsToTextEdits(document, [{ offset: offset + shift, length, content }]);
    };
    if (prop(planNode, 'privateAudience')) {
      return [{ title: t('Make the plan private'), edits: edit(madePrivate), isPreferred: false }];
    }
    // An empty list, not an invented GUID: private-audience-required then says that the
    // subscription ids are still to be given, and where.
    const withAudience = applyEdits(
      madePrivate,
      modify(madePrivate, ['privateAudience'], { subscriptionIds: [] }, {
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
        edits: edit(withAudience),
        isPreferred: false,
      },
    ];
  },
};

/**
 * The plan's text as a document of its own, after the indentation of the line it starts on (so
 * that what is inserted is indented as in the offer), and what to add to an offset in it to get
 * the offset in the offer.
 */
function planAlone(text: string, plan: Node): { text: string; shift: number } {
  const lineStart = Math.max(text.lastIndexOf('\n', plan.offset - 1), text.lastIndexOf('\r', plan.offset - 1)) + 1;
  const indentation = /^[ \t]*/.exec(text.slice(lineStart, plan.offset))![0];
  return { text: indentation + text.slice(plan.offset, plan.offset + plan.length), shift: plan.offset - indentation.length };
}

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
