import { t } from '@core/l10n';
import { quoteValue } from '@core/text/quote';
import { prop, str } from '@core/model/nodes';
import type { Rule } from '../rule';
import { valueAt } from '../../edits/expectations';
import { replaceValueFix } from '../../edits/quickFix';
import { formatDuration } from '@core/text/durations';
import { parseIsoDuration } from './isoDuration';
import { justInTimePoliciesOf } from './justInTimePolicies';

const MINIMUM_SECONDS = 30 * 60;
const MAXIMUM_SECONDS = 8 * 60 * 60;

export const jitDuration: Rule = {
  code: 'jit-duration',
  severity: 'error',
  scope: 'plan',
  docs: 'An eligible role can be activated for an ISO 8601 duration from PT30M (30 minutes) to PT8H (8 hours), such as PT1H30M.',
  check({ plans, report }) {
    for (const policy of justInTimePoliciesOf(plans)) {
      const node = prop(policy, 'maximumActivationDuration');
      const text = str(node);
      if (!node || text === undefined) {
        continue;
      }
      const seconds = parseIsoDuration(text);
      if (seconds === undefined) {
        const capitalised = text.trim().toUpperCase();
        report(
          node,
          parseIsoDuration(capitalised) !== undefined
            ? t("Maximum activation duration '{0}' must be written in capitals: use '{1}'.", quoteValue(text), quoteValue(capitalised))
            : t(
                "Maximum activation duration '{0}' is not an ISO 8601 duration: write it like PT1H30M, between PT30M and PT8H.",
                quoteValue(text),
              ),
        );
      } else if (seconds < MINIMUM_SECONDS) {
        report(
          node,
          t("Maximum activation duration '{0}' is {1}; the minimum is {2} (PT30M).", quoteValue(text), formatDuration(seconds), formatDuration(MINIMUM_SECONDS)),
        );
      } else if (seconds > MAXIMUM_SECONDS) {
        report(
          node,
          t("Maximum activation duration '{0}' is {1}; the maximum is {2} (PT8H).", quoteValue(text), formatDuration(seconds), formatDuration(MAXIMUM_SECONDS)),
        );
      }
    }
  },
  fix(diagnostic, context) {
    // What the message names: the duration in capitals, or the limit it passes.
    const text = valueAt(context.document, diagnostic.path);
    if (typeof text !== 'string') {
      return [];
    }
    const change = (duration: string, isPreferred: boolean) =>
      replaceValueFix(diagnostic, context, { title: t("Change to '{0}'", duration), reported: text, replacement: duration, isPreferred });
    const seconds = parseIsoDuration(text);
    if (seconds === undefined) {
      const capitalised = text.trim().toUpperCase();
      return parseIsoDuration(capitalised) !== undefined ? change(capitalised, true) : [];
    }
    if (seconds < MINIMUM_SECONDS) {
      return change('PT30M', false);
    }
    if (seconds > MAXIMUM_SECONDS) {
      return change('PT8H', false);
    }
    return [];
  },
};
