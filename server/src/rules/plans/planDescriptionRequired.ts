import { t } from '@core/l10n';
import { prop, str } from '@core/model/nodes';
import type { Rule } from '../rule';
import { planLabel } from './baselinePlans';

export const planDescriptionRequired: Rule = {
  code: 'plan-description-required',
  severity: 'error',
  scope: 'plan',
  docs: 'Every plan needs a description: customers read it to choose between plans.',
  check({ plans, report }) {
    for (const plan of plans) {
      // Without a listing object the schema already reports the missing listing.
      const listing = prop(plan.node, 'listing');
      if (listing?.type !== 'object') {
        continue;
      }
      const node = prop(listing, 'description');
      if (!node) {
        report({ missing: 'description', in: listing }, t('Plan {0} has no description: add listing.description, saying what the plan includes.', planLabel(plan)));
        continue;
      }
      const description = str(node);
      if (description !== undefined && description.trim() === '') {
        report(node, t('The description of plan {0} is empty: say what the plan includes.', planLabel(plan)));
      }
    }
  },
};
