import { t } from '@core/l10n';
import { prop, str } from '@core/model/nodes';
import { plansOf } from '@core/model/offerStructure';
import type { Rule } from '../rule';
import { audienceName, isEmptyAudience, planName, privateAudienceOf } from './audiences';

export const privateAudienceRequired: Rule = {
  code: 'private-audience-required',
  severity: 'error',
  docs: 'A private plan is visible only to the subscriptions of its private audience, so it needs at least one.',
  check({ document, files, root, report }) {
    for (const plan of plansOf(root)) {
      const visibility = prop(plan.node, 'visibility');
      if (!visibility || str(visibility) !== 'private') {
        continue;
      }
      const name = planName(plan);
      if (!prop(plan.node, 'privateAudience')) {
        // Shown on "private", the choice that asks for an audience; the path names what to add.
        report(
          { offset: visibility.offset, length: visibility.length, path: document.pointerOf(plan.node) + '/privateAudience' },
          t('{0} is private but has no private audience, so no customer can see it: add "privateAudience" with subscription IDs, or make the plan public.', name),
        );
        continue;
      }
      const audience = privateAudienceOf(plan);
      if (audience && isEmptyAudience(files, audience)) {
        report(audience.node, t('{0} is private but its private audience names no subscription: add subscription IDs or a CSV file of them.', audienceName(audience)));
      }
    }
  },
};
