import { t } from '@core/l10n';
import { items, prop } from '@core/model/nodes';
import type { Rule } from '../rule';

export const plansRequired: Rule = {
  code: 'plans-required',
  severity: 'error',
  docs: 'An offer needs at least one plan: plans carry the technical configuration that customers accept and delegate to.',
  check({ root, report }) {
    const plans = prop(root, 'plans');
    if (!plans) {
      report({ missing: 'plans', in: root }, t('The offer has no plans: add "plans" with at least one plan (planId, name, listing, visibility, technicalConfiguration).'));
    } else if (plans.type === 'array' && items(plans).length === 0) {
      report(plans, t('The offer has no plans: add at least one plan to "plans".'));
    }
  },
};
