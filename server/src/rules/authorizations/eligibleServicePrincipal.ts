import { t } from '@core/l10n';
import { isObject, str } from '@core/model/nodes';
import { authorizationsOfPlans } from '@core/model/offerStructure';
import { quoteValue } from '@core/text/quote';
import type { Rule } from '../rule';
import { readsLikeAutomation } from './displayNameReading';

/**
 * Azure Lighthouse does not support eligible authorizations for service principals: activating
 * an eligible role is a person's step (with multifactor authentication), and a service principal
 * has no way to elevate its access. The principal's kind can't be read from the offer, so this is
 * a hint on the display name when it reads like an app or automation.
 */
export const eligibleServicePrincipal: Rule = {
  code: 'eligible-service-principal',
  severity: 'info',
  scope: 'plan',
  docs: 'Service principals cannot use eligible authorizations (they cannot elevate their access): an eligible authorization whose display name reads like an app or automation probably names one.',
  check({ plans, report }) {
    for (const authorization of authorizationsOfPlans(plans)) {
      if (authorization.kind !== 'eligibleAuthorizations' || !isObject(authorization.node)) {
        continue;
      }
      const node = authorization.principalIdDisplayNameNode;
      const name = str(node);
      if (node && name !== undefined && readsLikeAutomation(name)) {
        report(
          node,
          t(
            "'{0}' reads like an app or automation: Azure Lighthouse does not let service principals use eligible authorizations, as they cannot elevate their access. Give this eligible role to a group of people, and the automation a permanent authorization.",
            quoteValue(name),
          ),
        );
      }
    }
  },
};
