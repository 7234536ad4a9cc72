import { t } from '@core/l10n';
import { quoteValue } from '@core/text/quote';
import { isObject, items, keyNode, prop, str } from '@core/model/nodes';
import { fromPointer } from '@core/model/jsonPointer';
import type { Rule } from '../rule';
import { holds } from '../../edits/expectations';
import { removeValue } from '../../edits/pointerEdits';
import { quickFix } from '../../edits/quickFix';
import { requiredCountLimit } from '@core/knowledge/fieldLimits';

const MAX = requiredCountLimit(['properties', 'categories']).max;

export const categoriesCount: Rule = {
  code: 'categories-count',
  severity: 'error',
  docs: 'An offer is listed under 1 to 5 marketplace categories, each chosen once.',
  check({ root, report }) {
    const properties = prop(root, 'properties');
    if (!isObject(properties)) {
      return;
    }
    if (!keyNode(properties, 'categories')) {
      report({ missing: 'categories', in: properties }, t('The offer has no categories: choose 1 to {0} marketplace categories, e.g. "Security".', MAX));
      return;
    }
    const categories = prop(properties, 'categories');
    if (categories?.type !== 'array') {
      return;
    }
    const entries = items(categories);
    if (entries.length === 0) {
      report(categories, t('No category is chosen: choose 1 to {0} marketplace categories.', MAX));
    } else if (entries.length > MAX) {
      report(categories, t('There are {0} categories; the limit is {1}: remove {2}.', entries.length, MAX, entries.length - MAX));
    }
    // category → the index of its first entry, which the fix compares again.
    const firstAt = new Map<string, number>();
    entries.forEach((entry, index) => {
      const category = str(entry);
      if (category === undefined) {
        return;
      }
      const earlier = firstAt.get(category);
      if (earlier === undefined) {
        firstAt.set(category, index);
      } else {
        report(entry, t("The category '{0}' is listed twice: remove this one.", quoteValue(category)), { earlier });
      }
    });
  },
  fix(diagnostic, context) {
    // "Listed twice: remove this one": the later copy of a category (a copy adds nothing).
    const path = fromPointer(diagnostic.path);
    const index = path[path.length - 1];
    const entry = context.document.nodeAt(path);
    const list = entry?.parent;
    const category = str(entry);
    if (typeof index !== 'number' || list?.type !== 'array' || category === undefined) {
      return [];
    }
    // The check names the first entry of the category: only that one is compared again.
    const earlierIndex = diagnostic.data?.earlier;
    const earlier = typeof earlierIndex === 'number' && earlierIndex < index && str(items(list)[earlierIndex]) === category;
    return earlier ? quickFix(context, t("Remove the second '{0}'", quoteValue(category)), removeValue(context, path, holds(category)), true) : [];
  },
};
