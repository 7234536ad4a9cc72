import { t } from '@core/l10n';
import { perVersion } from '@core/model/caching';
import { quoteValue } from '@core/text/quote';
import { isGuid, items, str } from '@core/model/nodes';
import { dataReplacementFix } from '../../edits/quickFix';
import type { Rule } from '../rule';
import type { AudienceEntry } from '../../workspace/audienceCsv';
import { audiencesOf, csvEntriesOf, csvPathOf } from './audiences';

/**
 * A CSV of thousands of bad ids would otherwise fill the Problems panel: past this many lines,
 * one more diagnostic counts the rest.
 */
export const MAX_CSV_LINES_REPORTED = 10;

/** A GUID hidden by spaces or braces (`{…}`, as some tools copy it): the GUID itself. */
function cleanedGuid(id: string): string | undefined {
  const cleaned = id.trim().replace(/^\{(.*)\}$/, '$1').trim();
  return cleaned !== id && isGuid(cleaned) ? cleaned : undefined;
}

/**
 * The entries of a CSV that are not GUIDs, found once per version of the file: the file cache
 * hands back the same entries (a version's own array) until the file changes, so a keystroke in
 * the offer does not test 10,000 ids again (see core/src/model/caching.ts).
 */
const invalidEntries = perVersion((entries: readonly AudienceEntry[]): AudienceEntry[] => entries.filter((entry) => !isGuid(entry.id)));

export const subscriptionIdFormat: Rule = {
  code: 'subscription-id-format',
  severity: 'error',
  docs: 'Every subscription ID of an audience, inline or in its CSV file, must be a GUID, or Partner Center refuses the audience.',
  check({ files, root, report }) {
    for (const audience of audiencesOf(root)) {
      for (const node of items(audience.ids)) {
        const id = str(node);
        if (node && id !== undefined && !isGuid(id)) {
          const suggestion = cleanedGuid(id);
          report(
            node,
            suggestion
              ? t("'{0}' is not a subscription ID as written: use '{1}'.", quoteValue(id), suggestion)
              : t("'{0}' is not a subscription ID: give a GUID such as 00000000-0000-0000-0000-000000000000.", quoteValue(id)),
            suggestion ? { id, suggestion } : undefined,
          );
        }
      }

      const entries = csvEntriesOf(files, audience);
      const csvPath = csvPathOf(audience);
      if (!entries || !audience.csv || csvPath === undefined) {
        continue;
      }
      const bad = invalidEntries(entries);
      for (const entry of bad.slice(0, MAX_CSV_LINES_REPORTED)) {
        report(
          audience.csv,
          entry.id === ''
            ? t("Line {0} of '{1}' has no subscription ID: put a GUID in its Id column or delete the line.", entry.line, quoteValue(csvPath))
            : t("Line {0} of '{1}': '{2}' is not a subscription ID (a GUID such as 00000000-0000-0000-0000-000000000000).", entry.line, quoteValue(csvPath), quoteValue(entry.id)),
          { line: entry.line, id: quoteValue(entry.id) },
        );
      }
      const rest = bad.slice(MAX_CSV_LINES_REPORTED);
      if (rest.length > 0) {
        const lines = rest.slice(0, 5).map((entry) => entry.line).join(', ') + (rest.length > 5 ? ', …' : '');
        report(
          audience.csv,
          rest.length === 1
            ? t("'{0}' has 1 more line that is not a subscription ID (line {1}).", quoteValue(csvPath), lines)
            : t("'{0}' has {1} more lines that are not subscription IDs (lines {2}).", quoteValue(csvPath), rest.length, lines),
        );
      }
    }
  },
  fix(diagnostic, context) {
    return dataReplacementFix(diagnostic, context, { title: (suggestion) => t("Change the subscription ID to '{0}'", suggestion), isPreferred: true, reported: 'id' });
  },
};
