import { t } from '@core/l10n';
import { prop } from '@core/model/nodes';
import type { Rule } from '../rule';
import { isEmptyAudience, previewAudienceOf } from './audiences';

export const previewAudienceEmpty: Rule = {
  code: 'preview-audience-empty',
  severity: 'warning',
  docs: 'Without a preview audience nobody can see and test the offer before it goes live.',
  check({ files, root, report }) {
    if (!prop(root, 'previewAudience')) {
      report(
        { missing: 'previewAudience', in: root },
        t('The offer has no preview audience, so nobody can see the preview: add "previewAudience" with the subscription IDs of your testers.'),
      );
      return;
    }
    const preview = previewAudienceOf(root);
    if (preview && isEmptyAudience(files, preview)) {
      report(preview.node, t('The preview audience names no subscription, so nobody can see the preview: add subscription IDs or a CSV file of them.'));
    }
  },
};
