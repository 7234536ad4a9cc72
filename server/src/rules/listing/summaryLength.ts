import type { Node } from 'jsonc-parser';
import { t } from '@core/l10n';
import { quoteValue } from '@core/text/quote';
import { at, codePointLength, str } from '@core/model/nodes';
import { plansOf } from '@core/model/offerStructure';
import type { Rule, RuleContext } from '../rule';
import { requiredLengthLimit } from '@core/knowledge/fieldLimits';

const MAX = requiredLengthLimit(['listing', 'searchResultsSummary']).max;

export const summaryLength: Rule = {
  code: 'summary-length',
  severity: 'error',
  docs: 'The search results summary is the line shown under the offer (and under each plan) in search results: 1 to 100 characters.',
  check(context) {
    checkSummary(context, at(context.root, 'listing', 'searchResultsSummary'), undefined);
    for (const plan of plansOf(context.root)) {
      checkSummary(context, at(plan.node, 'listing', 'searchResultsSummary'), plan.planId ?? String(plan.index + 1));
    }
  },
};

function checkSummary({ report }: RuleContext, node: Node | undefined, planId: string | undefined): void {
  const summary = str(node);
  if (!node || summary === undefined) {
    return;
  }
  const length = codePointLength(summary);
  if (summary.trim() === '') {
    report(
      node,
      planId === undefined
        ? t('The search results summary is empty: write 1 to {0} characters.', MAX)
        : t("The search results summary of plan '{0}' is empty: write 1 to {1} characters.", quoteValue(planId), MAX),
    );
  } else if (length > MAX) {
    report(
      node,
      planId === undefined
        ? t('The search results summary has {0} characters; the limit is {1}.', length, MAX)
        : t("The search results summary of plan '{0}' has {1} characters; the limit is {2}.", quoteValue(planId), length, MAX),
    );
  }
}
