import { t } from '@core/l10n';
import { quoteValue } from '@core/text/quote';
import { prop, str } from '@core/model/nodes';
import type { Rule } from '../rule';
import { baselinePlansById } from './baselinePlans';
import { replaceValueFix } from '../../edits/quickFix';

export const publicToPrivate: Rule = {
  code: 'public-to-private',
  severity: 'error',
  scope: 'plan',
  needsBaseline: true,
  docs: 'A plan published as public can never become private: customers may already have accepted it.',
  check({ plans, baseline, report }) {
    const published = baselinePlansById(baseline);
    for (const plan of plans) {
      const node = prop(plan.node, 'visibility');
      const publishedPlan = plan.planId !== undefined ? published.get(plan.planId) : undefined;
      if (node && str(node) === 'private' && publishedPlan && str(prop(publishedPlan.node, 'visibility')) === 'public') {
        report(
          node,
          t("Plan '{0}' was published as public and can never become private: set its visibility back to 'public' (or create a new private plan).", quoteValue(plan.planId ?? '')),
        );
      }
    }
  },
  fix(diagnostic, context) {
    return replaceValueFix(diagnostic, context, {
      title: t("Set the visibility back to 'public'"),
      reported: 'private',
      replacement: 'public',
      isPreferred: false,
    });
  },
};
