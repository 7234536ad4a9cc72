import type { Node } from 'jsonc-parser';
import { t } from '@core/l10n';
import type { Rule } from '../rule';
import { audienceName, audiencesOf, inlineCount, readCsvOf } from './audiences';
import { requiredCountLimit } from '@core/knowledge/fieldLimits';

export const PRIVATE_INLINE_LIMIT = requiredCountLimit(['plans', 0, 'privateAudience', 'subscriptionIds']).max;
export const PRIVATE_CSV_TOTAL_LIMIT = 10_000;

export const privateAudienceLimit: Rule = {
  code: 'private-audience-limit',
  severity: 'error',
  docs: "A plan's private audience takes at most 10 subscription IDs typed in; the CSV files of all plans together hold at most 10,000.",
  check({ files, root, report }) {
    const privateAudiences = audiencesOf(root).filter((audience) => audience.kind === 'private');
    let total = 0;
    let crossing: Node | undefined;
    // "All plans' CSV files together": a file that several plans share is counted once.
    const counted = new Set<string>();
    for (const audience of privateAudiences) {
      const inline = inlineCount(audience);
      if (audience.ids && inline > PRIVATE_INLINE_LIMIT) {
        report(
          audience.ids,
          t('{0} lists {1} subscription IDs inline; the limit is {2}: move them to a CSV file.', audienceName(audience), inline, PRIVATE_INLINE_LIMIT),
        );
      }
      const csv = readCsvOf(files, audience);
      if (csv && !counted.has(csv.absolutePath)) {
        counted.add(csv.absolutePath);
        total += csv.entries.length;
      }
      if (total > PRIVATE_CSV_TOTAL_LIMIT && !crossing) {
        crossing = audience.csv;
      }
    }
    // The limit is shared by all plans: one diagnostic, on the file that takes the total over it.
    if (crossing) {
      report(
        crossing,
        t("The private audiences' CSV files hold {0} subscription IDs over all plans; the limit is {1} in total, and this file takes them past it.", total, PRIVATE_CSV_TOTAL_LIMIT),
      );
    }
  },
};
