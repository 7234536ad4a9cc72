import { t } from '@core/l10n';
import { quoteValue } from '@core/text/quote';
import { isGuid, str } from '@core/model/nodes';
import type { Rule } from '../rule';
import { principalHoldersOf } from './principals';

export const principalIdFormat: Rule = {
  code: 'principal-id-format',
  severity: 'error',
  scope: 'plan',
  docs: 'Every principalId (authorizations, eligible authorizations, approvers) must be the object ID (a GUID) of a user, group or service principal in the managing tenant.',
  check({ plans, report }) {
    for (const holder of principalHoldersOf(plans)) {
      const node = holder.principalIdNode;
      const principalId = str(node);
      if (!node || principalId === undefined || isGuid(principalId)) {
        continue;
      }
      report(
        node,
        principalId.trim() === ''
          ? t('The principal ID is empty: give the object ID (a GUID) of a user, group or service principal in your tenant.')
          : t(
              "Principal ID '{0}' is not a GUID: give the object ID of a user, group or service principal in your tenant (Microsoft Entra ID shows it as 'Object ID').",
              quoteValue(principalId),
            ),
      );
    }
  },
};
