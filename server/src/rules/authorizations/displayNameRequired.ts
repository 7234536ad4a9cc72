import { t } from '@core/l10n';
import { quoteValue } from '@core/text/quote';
import { prop, str } from '@core/model/nodes';
import type { Rule } from '../rule';
import { principalHoldersOf } from './principals';

export const displayNameRequired: Rule = {
  code: 'display-name-required',
  severity: 'error',
  scope: 'plan',
  docs: "Customers see principalIdDisplayName in the delegation's details: every authorization needs one, and an approver's, when written, must not be empty.",
  check({ plans, report }) {
    for (const holder of principalHoldersOf(plans)) {
      const node = prop(holder.node, 'principalIdDisplayName');
      const principal = str(prop(holder.node, 'principalId')) ?? '';
      if (!node) {
        if (!holder.isApprover) {
          report(
            { missing: 'principalIdDisplayName', in: holder.node },
            t(
              "Principal '{0}' has no 'principalIdDisplayName': add the name customers will see for this user or group, such as 'Tier 2 Operators'.",
              quoteValue(principal),
            ),
          );
        }
        continue;
      }
      const name = str(node);
      if (name !== undefined && name.trim() === '') {
        report(
          node,
          t(
            "The display name of principal '{0}' is empty: give the name customers will see for this user or group, such as 'Tier 2 Operators'.",
            quoteValue(principal),
          ),
        );
      }
    }
  },
};
