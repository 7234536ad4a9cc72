import { t } from '@core/l10n';
import { quoteValue } from '@core/text/quote';
import { str } from '@core/model/nodes';
import { MAX_CSV_BYTES } from '../../workspace/offerFiles';
import type { Rule } from '../rule';
import { suggestedPathFix } from '../media/suggestedPathFix';
import { audiencesOf } from './audiences';
import { PRIVATE_CSV_TOTAL_LIMIT } from './privateAudienceLimit';

/**
 * Not in the spec's table: an audience that names a file which isn't there would otherwise be
 * checked as if it were empty, silently. Outside paths are path-outside-workspace's to report.
 */
export const audienceCsvNotFound: Rule = {
  code: 'audience-csv-not-found',
  severity: 'error',
  docs: 'The CSV file an audience names must exist beside the offer and be readable, or its subscriptions cannot be uploaded.',
  check({ files, root, report }) {
    if (!files) {
      return;
    }
    for (const audience of audiencesOf(root)) {
      const path = str(audience.csv);
      if (!audience.csv || path === undefined) {
        continue;
      }
      if (path.trim() === '') {
        report(audience.csv, t('The audience CSV path is empty: give the path of the CSV file, relative to the offer file, or remove "csv".'));
        continue;
      }
      const lookup = files.audienceCsv(path);
      if (lookup.status === 'not-found') {
        const suggestion = files.suggestPath(path);
        report(
          audience.csv,
          suggestion
            ? t("The audience file '{0}' does not exist: did you mean '{1}'?", quoteValue(path), quoteValue(suggestion))
            : t("The audience file '{0}' does not exist: add it or correct the path (it is relative to the offer file's folder).", quoteValue(path)),
          suggestion ? { path, suggestion } : undefined,
        );
      } else if (lookup.status === 'unreadable') {
        report(
          audience.csv,
          lookup.reason === 'too-large'
            ? t("The audience file '{0}' is larger than {1} MiB, so it was not read: an audience holds at most {2} subscription IDs.", quoteValue(path), MAX_CSV_BYTES / 1024 / 1024, PRIVATE_CSV_TOTAL_LIMIT.toLocaleString('en-US'))
            : t("The audience file '{0}' exists but could not be read: check the file's permissions.", quoteValue(path)),
        );
      }
    }
  },
  fix: suggestedPathFix,
};
