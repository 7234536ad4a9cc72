import { t } from '@core/l10n';
import { quoteValue } from '@core/text/quote';
import { at, items, str } from '@core/model/nodes';
import type { Rule } from '../rule';
import { closestCategory, MARKETPLACE_CATEGORIES } from './marketplaceCategories';

export const categoryUnknown: Rule = {
  code: 'category-unknown',
  severity: 'warning',
  docs: 'Each category must be one of the marketplace categories, or the offer is not listed where customers look for it.',
  check({ root, report }) {
    for (const entry of items(at(root, 'properties', 'categories'))) {
      const category = str(entry);
      if (category === undefined || MARKETPLACE_CATEGORIES.includes(category)) {
        continue;
      }
      const suggestion = closestCategory(category);
      report(
        entry,
        suggestion
          ? t("'{0}' is not a marketplace category: use '{1}'.", quoteValue(category), suggestion)
          : t("'{0}' is not a marketplace category: use one of {1}.", quoteValue(category), MARKETPLACE_CATEGORIES.join(', ')),
        suggestion ? { suggestion } : undefined,
      );
    }
  },
};
