import { t } from '@core/l10n';
import { isObject, keyNode, prop } from '@core/model/nodes';
import type { Rule } from '../rule';

export const privacyUrlRequired: Rule = {
  code: 'privacy-url-required',
  severity: 'error',
  docs: "Partner Center requires a link to the publisher's privacy policy on every offer listing.",
  check({ root, report }) {
    const listing = prop(root, 'listing');
    if (!isObject(listing) || keyNode(listing, 'privacyPolicyUrl')) {
      return;
    }
    report(
      { missing: 'privacyPolicyUrl', in: listing },
      t('The listing has no privacyPolicyUrl: add the https:// address of your privacy policy; Partner Center requires it.'),
    );
  },
};
