import { t } from '@core/l10n';
import { isObject, str } from '@core/model/nodes';
import { authorizationsOfPlans } from '@core/model/offerStructure';
import { quoteValue } from '@core/text/quote';
import type { Rule } from '../rule';
import { holdsEmailAddress, readsLikePersonName } from './displayNameReading';

/** What a display name reads like. */
type Reading = 'email' | 'person' | 'neither';

/**
 * Partner Center's guide asks for groups rather than single users in authorizations: people join
 * and leave a group in Microsoft Entra ID, while a user written into the plan needs a new version
 * of the plan (and each customer's acceptance) when that person leaves. Approvers of just-in-time
 * activation are left out: the guide does not ask that of them.
 */
export const displayNamePersonal: Rule = {
  code: 'display-name-personal',
  severity: 'info',
  scope: 'plan',
  docs: "Partner Center's guide asks for Microsoft Entra security groups (not Microsoft 365 groups) or service principals in authorizations, not single users: a display name that is an email address or a person's name suggests a user.",
  check({ plans, report }) {
    // Each name is read as it comes: a name that does not start with a given name (nearly all of
    // them) is read in a few native string operations, less than remembering it costs.
    for (const authorization of authorizationsOfPlans(plans)) {
      if (!isObject(authorization.node)) {
        continue;
      }
      const node = authorization.principalIdDisplayNameNode;
      const name = str(node);
      if (!node || name === undefined) {
        continue;
      }
      const reading: Reading = holdsEmailAddress(name) ? 'email' : readsLikePersonName(name) ? 'person' : 'neither';
      if (reading === 'email') {
        report(
          node,
          t(
            "'{0}' is an email address, so this principal looks like a single user: Partner Center's guide asks for Microsoft Entra security groups (not Microsoft 365 groups) rather than single users, so that people join and leave without a new version of the plan.",
            quoteValue(name),
          ),
        );
      } else if (reading === 'person') {
        report(
          node,
          t(
            "'{0}' reads like a person's name, so this principal looks like a single user: Partner Center's guide asks for Microsoft Entra security groups (not Microsoft 365 groups) rather than single users, so that people join and leave without a new version of the plan.",
            quoteValue(name),
          ),
        );
      }
    }
  },
};
