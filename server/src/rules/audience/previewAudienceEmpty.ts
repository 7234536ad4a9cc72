import { t } from '@core/l10n';
import { prop } from '@core/model/nodes';
import type { Rule } from '../rule';
import { isEmptyAudience, previewAudienceOf } from './audiences';

/**
 * Partner Center's guide: an offer must first be published to a limited preview audience, who
 * review and test it before it goes live. A missing audience, or one that names no subscription
 * (no id inline, and no CSV or a CSV without ids), can't be published to.
 */
export const previewAudienceEmpty: Rule = {
  code: 'preview-audience-empty',
  severity: 'error',
  docs: "Partner Center's guide says an offer must first be published to a limited preview audience: without one subscription ID (inline or in its CSV) the offer can't go to preview, so it can't go live.",
  check({ files, root, report }) {
    if (!prop(root, 'previewAudience')) {
      report(
        { missing: 'previewAudience', in: root },
        t(
          'The offer has no preview audience: Partner Center publishes an offer to a limited preview audience first, so it needs one. Add "previewAudience" with the subscription IDs of your testers.',
        ),
      );
      return;
    }
    const preview = previewAudienceOf(root);
    if (preview && isEmptyAudience(files, preview)) {
      report(
        preview.node,
        t(
          'The preview audience names no subscription: Partner Center publishes an offer to a limited preview audience first, so it needs one. Add subscription IDs or a CSV file of them.',
        ),
      );
    }
  },
};
