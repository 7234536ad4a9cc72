import { t } from '@core/l10n';
import { items, prop } from '@core/model/nodes';
import type { Rule } from '../rule';
import { requiredCountLimit } from '@core/knowledge/fieldLimits';

const MAX_AUTHORIZATIONS = requiredCountLimit(['plans', 0, 'technicalConfiguration', 'authorizations']).max;

export const authorizationsLimit: Rule = {
  code: 'authorizations-limit',
  severity: 'error',
  scope: 'plan',
  docs: 'A plan may hold at most 20 authorizations; give roles to groups rather than to individual users to stay under it.',
  check({ plans, report }) {
    for (const plan of plans) {
      const list = prop(plan.technicalConfiguration, 'authorizations');
      const count = items(list).length;
      if (list && count > MAX_AUTHORIZATIONS) {
        report(
          list,
          t(
            'This plan has {0} authorizations; the limit is {1}: give roles to groups instead of individual users.',
            count,
            MAX_AUTHORIZATIONS,
          ),
        );
      }
    }
  },
};
