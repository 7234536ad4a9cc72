import { t } from '@core/l10n';
import { rules } from '../../rules';
import type { Severity } from '../../rules/diagnostic';

/** What a CI report says about a rule: its code, default severity and the sentence that explains it. */
export interface RuleDescription {
  code: string;
  severity: Severity;
  docs: string;
}

/**
 * Every code a problem can carry: `schema` (the JSON Schema's findings, which no rule module
 * reports) and then every registered rule, in the rule table's order.
 */
export function ruleDescriptions(): RuleDescription[] {
  return [
    {
      code: 'schema',
      severity: 'error',
      docs: t(
        'The file must be JSON (comments allowed) in the offer format: known properties, the right types, required properties present and values from each list.',
      ),
    },
    ...rules.map(({ code, severity, docs }) => ({ code, severity, docs })),
  ];
}
