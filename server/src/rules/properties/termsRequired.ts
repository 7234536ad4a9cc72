import { t } from '@core/l10n';
import { isObject, keyNode, prop, str } from '@core/model/nodes';
import type { Rule } from '../rule';

export const termsRequired: Rule = {
  code: 'terms-required',
  severity: 'error',
  docs: 'Customers accept the terms and conditions when they accept a plan, so Partner Center requires them.',
  check({ root, report }) {
    const properties = prop(root, 'properties');
    if (!isObject(properties)) {
      return;
    }
    if (!keyNode(properties, 'termsAndConditions')) {
      report(
        { missing: 'termsAndConditions', in: properties },
        t('The offer has no termsAndConditions: add your terms (or a link to them); customers accept them with a plan.'),
      );
      return;
    }
    const node = prop(properties, 'termsAndConditions');
    const terms = str(node);
    if (node && terms !== undefined && terms.trim() === '') {
      report(node, t('The terms and conditions are empty: write your terms (or a link to them).'));
    }
  },
};
