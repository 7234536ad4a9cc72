import { t } from '@core/l10n';
import { ID_PATTERN, idLengthLimit } from '@core/knowledge/idFormat';
import { quoteValue } from '@core/text/quote';
import { codePointLength, prop, str } from '@core/model/nodes';
import { suggestId } from '../offerSetup/offerIdFormat';
import type { Rule } from '../rule';
import { dataReplacementFix } from '../../edits/quickFix';

// The rule keeps its own order of checks (the length before the characters, as offer-id-format),
// so it reads only the limits and the pattern of idFormat.
const { min: MIN_LENGTH, max: MAX_LENGTH } = idLengthLimit('planId');

type PlanField = 'planId' | 'name';

/**
 * What can be suggested instead of an invalid ID: `suggestId` falls back to a generic word when
 * nothing of the ID survives, and that would be a guess, not a correction.
 */
function suggestionFor(id: string): string | undefined {
  return /[a-z0-9_]/.test(id.toLowerCase()) ? suggestId(id) : undefined;
}

/** The message for an invalid plan ID or name, or undefined when it is valid. */
function problemWith(field: PlanField, id: string, suggestion: string | undefined): string | undefined {
  const length = codePointLength(id);
  if (length === 0) {
    return field === 'planId'
      ? t('The plan ID is empty: give {0} to {1} lowercase letters, digits, hyphens or underscores.', MIN_LENGTH, MAX_LENGTH)
      : t('The plan name is empty: give {0} to {1} lowercase letters, digits, hyphens or underscores.', MIN_LENGTH, MAX_LENGTH);
  }
  if (length > MAX_LENGTH) {
    return field === 'planId'
      ? t("Plan ID '{0}' has {1} characters; the limit is {2}.", quoteValue(id), length, MAX_LENGTH)
      : t("Plan name '{0}' has {1} characters; the limit is {2}.", quoteValue(id), length, MAX_LENGTH);
  }
  if (ID_PATTERN.test(id)) {
    return undefined;
  }
  if (suggestion === undefined) {
    return field === 'planId'
      ? t("Plan ID '{0}' may hold only lowercase letters, digits, '-' and '_'.", quoteValue(id))
      : t("Plan name '{0}' may hold only lowercase letters, digits, '-' and '_'.", quoteValue(id));
  }
  if (id.toLowerCase() === suggestion) {
    return field === 'planId'
      ? t("Plan ID '{0}' must be lowercase: use '{1}'.", quoteValue(id), quoteValue(suggestion))
      : t("Plan name '{0}' must be lowercase: use '{1}'.", quoteValue(id), quoteValue(suggestion));
  }
  return field === 'planId'
    ? t("Plan ID '{0}' may hold only lowercase letters, digits, '-' and '_': use '{1}'.", quoteValue(id), quoteValue(suggestion))
    : t("Plan name '{0}' may hold only lowercase letters, digits, '-' and '_': use '{1}'.", quoteValue(id), quoteValue(suggestion));
}

export const planIdFormat: Rule = {
  code: 'plan-id-format',
  severity: 'error',
  scope: 'plan',
  docs: 'A plan ID and name are part of the plan\'s identity in Partner Center: lowercase letters, digits, hyphens and underscores, 1 to 50 characters.',
  check({ plans, report }) {
    for (const plan of plans) {
      for (const field of ['planId', 'name'] as const) {
        const node = prop(plan.node, field);
        const id = str(node);
        if (node === undefined || id === undefined) {
          continue;
        }
        const suggestion = suggestionFor(id);
        const message = problemWith(field, id, suggestion);
        if (message !== undefined) {
          report(node, message, suggestion !== undefined ? { value: id, suggestion } : undefined);
        }
      }
    }
  },
  fix(diagnostic, context) {
    return dataReplacementFix(diagnostic, context, { title: (suggestion) => t("Change to '{0}'", quoteValue(suggestion)), isPreferred: true });
  },
};
