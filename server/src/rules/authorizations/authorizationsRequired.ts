import { t } from '@core/l10n';
import { isObject, items, prop } from '@core/model/nodes';
import { CONTRIBUTOR_ROLE_ID } from '@core/knowledge/rolePolicy';
import { fromPointer } from '@core/model/jsonPointer';
import type { Rule } from '../rule';
import { addAuthorizationFix } from './technicalConfigurationTarget';

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
  fix(diagnostic, context) {
    // As the message suggests: your operators' group with Contributor, its principal to fill in.
    const path = fromPointer(diagnostic.path);
    const list = context.document.nodeAt(path);
    if (list !== undefined && !(list.type === 'array' && items(list).length === 0)) {
      return [];
    }
    return addAuthorizationFix(context, path.slice(0, -1), t('Add an authorization with Contributor (then set its principal)'), CONTRIBUTOR_ROLE_ID);
  },
};
