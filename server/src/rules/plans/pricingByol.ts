import { t } from '@core/l10n';
import { quoteValue } from '@core/text/quote';
import { prop, str } from '@core/model/nodes';
import type { Rule } from '../rule';
import { replaceValueFix } from '../../edits/quickFix';

export const pricingByol: Rule = {
  code: 'pricing-byol',
  severity: 'error',
  scope: 'plan',
  docs: 'Managed service plans are sold "bring your own license" (BYOL): the provider bills the customer directly, outside the marketplace.',
  check({ plans, report }) {
    for (const plan of plans) {
      // An absent pricingModel is left alone: BYOL is the only model, so there is nothing to choose.
      const node = prop(plan.node, 'pricingModel');
      const model = str(node);
      if (node && model !== undefined && model !== 'BYOL') {
        report(
          node,
          t("Pricing model '{0}' is not available for managed service plans: use 'BYOL' (you bill the customer directly).", quoteValue(model)),
          { value: model },
        );
      }
    }
  },
  fix(diagnostic, context) {
    const value = diagnostic.data?.value;
    if (typeof value !== 'string') {
      return [];
    }
    return replaceValueFix(diagnostic, context, { title: t("Set the pricing model to 'BYOL'"), reported: value, replacement: 'BYOL', isPreferred: true });
  },
};
