import { t } from '@core/l10n';
import { fromPointer } from '@core/model/jsonPointer';
import { prop, str } from '@core/model/nodes';
import { holds } from '../../edits/expectations';
import { combineEdits } from '../../edits/offsetEdits';
import { addProperty, setValue } from '../../edits/pointerEdits';
import { quickFix } from '../../edits/quickFix';
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
  fix(diagnostic, context) {
    // The diagnostic's path is /plans/<i>/visibility; the fix works on the plan around it.
    const visibilityPath = fromPointer(diagnostic.path);
    const planPath = visibilityPath.slice(0, -1);
    const planNode = context.document.nodeAt(planPath);
    if (visibilityPath[visibilityPath.length - 1] !== 'visibility' || planNode?.type !== 'object') {
      return [];
    }
    const madePrivate = setValue(context, visibilityPath, 'private', holds('public'));
    if (prop(planNode, 'privateAudience')) {
      return quickFix(context, t('Make the plan private'), madePrivate);
    }
    // An empty list, not an invented GUID: private-audience-required then says that the
    // subscription ids are still to be given, and where.
    const audience = addProperty(context, planPath, 'privateAudience', { subscriptionIds: [] }, { after: 'visibility' });
    return quickFix(context, t('Make the plan private (then list the customer subscriptions in privateAudience)'), combineEdits([madePrivate, audience]));
  },
};
