import { t } from '@core/l10n';
import { isObject, items, prop } from '@core/model/nodes';
import type { Rule } from '../rule';

export const authorizationsRequired: Rule = {
  code: 'authorizations-required',
  severity: 'error',
  scope: 'plan',
  docs: 'A plan without authorizations delegates nothing: customers would onboard and you could not manage any of their resources.',
  check({ plans, report }) {
    for (const plan of plans) {
      const configuration = plan.technicalConfiguration;
      if (!isObject(configuration)) {
        continue;
      }
      const list = prop(configuration, 'authorizations');
      if (!list) {
        report(
          { missing: 'authorizations', in: configuration },
          t("The technical configuration has no 'authorizations': add at least one principal with a role, such as your operators' group with Contributor."),
        );
      } else if (list.type === 'array' && items(list).length === 0) {
        report(
          list,
          t("'authorizations' is empty: add at least one principal with a role, such as your operators' group with Contributor."),
        );
      }
    }
  },
};
