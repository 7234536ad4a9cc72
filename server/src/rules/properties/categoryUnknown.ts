import { t } from '@core/l10n';
import { quoteValue } from '@core/text/quote';
import { at, items, str } from '@core/model/nodes';
import type { Rule } from '../rule';
import { valueAt } from '../../edits/expectations';
import { replaceValueFix } from '../../edits/quickFix';
import { closestCategory, MARKETPLACE_CATEGORIES } from './marketplaceCategories';

export const categoryUnknown: Rule = {
  code: 'category-unknown',
  severity: 'error',
  docs: "Each category must be one of the marketplace categories: Partner Center's category picker holds no other value, so the offer can't be submitted with it.",
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
          ? t("'{0}' is not a marketplace category, and Partner Center's picker holds no other value: use '{1}'.", quoteValue(category), suggestion)
          : t("'{0}' is not a marketplace category, and Partner Center's picker holds no other value: use one of {1}.", quoteValue(category), MARKETPLACE_CATEGORIES.map((name) => `'${name}'`).join(', ')),
        suggestion ? { suggestion } : undefined,
      );
    }
  },
  fix(diagnostic, context) {
    const category = valueAt(context.document, diagnostic.path);
    if (typeof category !== 'string' || MARKETPLACE_CATEGORIES.includes(category)) {
      return [];
    }
    const suggestion = closestCategory(category);
    if (!suggestion) {
      return [];
    }
    // The same category in other letters or spacing is surely meant; a near spelling is a guess.
    const sameLetters = suggestion.toLowerCase() === category.trim().toLowerCase();
    return replaceValueFix(diagnostic, context, { title: t("Change to '{0}'", suggestion), reported: category, replacement: suggestion, isPreferred: sameLetters });
  },
};
