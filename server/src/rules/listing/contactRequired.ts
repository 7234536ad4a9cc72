import { t } from '@core/l10n';
import { quoteValue } from '@core/text/quote';
import { isObject, keyNode, prop, str } from '@core/model/nodes';
import type { Rule } from '../rule';
import { isEmailAddress } from './addresses';

const CONTACTS = ['supportContact', 'engineeringContact'] as const;
const FIELDS = ['name', 'email', 'phone'] as const;

export const contactRequired: Rule = {
  code: 'contact-required',
  severity: 'error',
  docs: 'Microsoft reaches the publisher through the support and engineering contacts: each needs a name, a valid email and a phone number.',
  check({ root, report }) {
    const listing = prop(root, 'listing');
    if (!isObject(listing)) {
      return;
    }
    for (const contactKey of CONTACTS) {
      if (!keyNode(listing, contactKey)) {
        report(
          { missing: contactKey, in: listing },
          t('The listing has no {0}: add one with name, email and phone; Microsoft uses it to reach you about this offer.', contactKey),
        );
        continue;
      }
      const contact = prop(listing, contactKey);
      if (!isObject(contact)) {
        continue;
      }
      for (const field of FIELDS) {
        if (!keyNode(contact, field)) {
          report({ missing: field, in: contact }, t('The {0} has no {1}: add it.', contactKey, field));
          continue;
        }
        const node = prop(contact, field);
        const value = str(node);
        if (!node || value === undefined) {
          continue;
        }
        if (value.trim() === '') {
          report(node, t("The {0}'s {1} is empty: fill it in.", contactKey, field));
        } else if (field === 'email' && !isEmailAddress(value.trim())) {
          report(node, t("'{0}' is not an email address: write it as name@example.com.", quoteValue(value)));
        }
      }
    }
  },
};
