import { t } from '@core/l10n';
import { ID_PATTERN, idLengthLimit } from '@core/knowledge/idFormat';
import { quoteValue } from '@core/text/quote';
import { codePointLength, prop, str } from '@core/model/nodes';
import { dataReplacementFix } from '../../edits/quickFix';
import type { Rule } from '../rule';

// The rule keeps its own order of checks (the length before the characters: an ID both too long
// and miswritten is told its length), so it reads only the limits and the pattern of idFormat.
const { min: MIN_LENGTH, max: MAX_LENGTH } = idLengthLimit('offerId');

/** Lowercases an id and turns every character Partner Center refuses into `-`. */
export function suggestId(id: string): string {
  const cleaned = id.toLowerCase().replace(/[^a-z0-9_-]+/g, '-');
  // The dashes at either end are trimmed by index: /^-+|-+$/ tried `-+$` from every dash of a
  // run inside the id, time quadratic in its length (13 s for 200,000 dashes between two letters).
  let start = 0;
  let end = cleaned.length;
  while (start < end && cleaned.charCodeAt(start) === DASH) {
    start++;
  }
  while (end > start && cleaned.charCodeAt(end - 1) === DASH) {
    end--;
  }
  // Only ASCII is left: the first MAX_LENGTH characters are the first MAX_LENGTH code units.
  return cleaned.slice(start, Math.min(end, start + MAX_LENGTH)) || 'offer';
}

const DASH = 0x2d;

export const offerIdFormat: Rule = {
  code: 'offer-id-format',
  severity: 'error',
  docs: 'The offer ID appears in the marketplace URL and is fixed from the moment the offer is created in Partner Center: lowercase letters, digits, hyphens and underscores, 1 to 50 characters.',
  check({ root, report }) {
    const node = prop(root, 'offerId');
    const id = str(node);
    if (id === undefined || !node) {
      return;
    }
    const length = codePointLength(id);
    if (length === 0) {
      report(node, t('The offer ID is empty: give {0} to {1} lowercase letters, digits, hyphens or underscores.', MIN_LENGTH, MAX_LENGTH));
    } else if (length > MAX_LENGTH) {
      report(node, t('The offer ID has {0} characters; the limit is {1}.', length, MAX_LENGTH), { value: id, suggestion: suggestId(id) });
    } else if (!ID_PATTERN.test(id)) {
      const suggestion = suggestId(id);
      report(
        node,
        id.toLowerCase() === suggestion
          ? t("Offer ID '{0}' must be lowercase: use '{1}'.", quoteValue(id), quoteValue(suggestion))
          : t("Offer ID '{0}' may hold only lowercase letters, digits, '-' and '_': use '{1}'.", quoteValue(id), quoteValue(suggestion)),
        { value: id, suggestion },
      );
    }
  },
  fix(diagnostic, context) {
    return dataReplacementFix(diagnostic, context, { title: (suggestion) => t("Change the offer ID to '{0}'", quoteValue(suggestion)), isPreferred: true });
  },
};
