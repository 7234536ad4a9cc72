import { t } from '@core/l10n';
import { quoteValue } from '@core/text/quote';
import type { Rule } from '../rule';
import { csvEntriesOf, csvPathOf, inlineCount, previewAudienceOf } from './audiences';
import { requiredCountLimit } from '@core/knowledge/fieldLimits';

export const PREVIEW_INLINE_LIMIT = requiredCountLimit(['previewAudience', 'subscriptionIds']).max;
export const PREVIEW_CSV_LIMIT = 100;

export const previewAudienceLimit: Rule = {
  code: 'preview-audience-limit',
  severity: 'error',
  docs: 'A preview audience takes at most 10 subscription IDs typed in, or at most 100 from a CSV file.',
  check({ files, root, report }) {
    const preview = previewAudienceOf(root);
    if (!preview) {
      return;
    }
    const inline = inlineCount(preview);
    if (preview.ids && inline > PREVIEW_INLINE_LIMIT) {
      report(
        preview.ids,
        t('The preview audience lists {0} subscription IDs inline; the limit is {1}: move them to a CSV file (up to {2}).', inline, PREVIEW_INLINE_LIMIT, PREVIEW_CSV_LIMIT),
      );
    }
    const entries = csvEntriesOf(files, preview);
    if (preview.csv && entries && entries.length > PREVIEW_CSV_LIMIT) {
      report(
        preview.csv,
        t("'{0}' holds {1} subscription IDs; a preview audience may have at most {2}: remove {3}.", quoteValue(csvPathOf(preview) ?? ''), entries.length, PREVIEW_CSV_LIMIT, entries.length - PREVIEW_CSV_LIMIT),
      );
    }
  },
};
