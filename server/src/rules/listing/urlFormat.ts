import { t } from '@core/l10n';
import { quoteValue } from '@core/text/quote';
import { urlFields } from '@core/knowledge/urlFields';
import { str } from '@core/model/nodes';
import { dataReplacementFix } from '../../edits/quickFix';
import type { Rule } from '../rule';
import { isEnvReference } from '@core/text/secrets';
import { checkWebUrl, withHttpsScheme } from './addresses';

export const urlFormat: Rule = {
  code: 'url-format',
  severity: 'error',
  docs: 'Partner Center accepts only absolute https (or http) URLs in link fields; a bare domain or another scheme is refused.',
  check({ root, report }) {
    for (const { key, node } of urlFields(root)) {
      const value = str(node) ?? '';
      if (isEnvReference(value)) {
        continue;
      }
      const result = checkWebUrl(value);
      if (result.kind === 'ok') {
        continue;
      }
      if (result.kind === 'empty') {
        report(node, t('{0} is empty: give an absolute URL that starts with https://.', quoteValue(key)));
      } else if (result.kind === 'scheme') {
        report(node, t("'{0}' is a {1} address: {2} must be a web address that starts with https:// (or http://).", quoteValue(value), quoteValue(result.scheme), quoteValue(key)));
      } else {
        const suggestion = withHttpsScheme(value);
        if (suggestion) {
          report(node, t("'{0}' is not an absolute URL: use '{1}'.", quoteValue(value), quoteValue(suggestion)), { value, suggestion });
        } else {
          report(node, t("'{0}' is not an absolute URL: write the full address, starting with https://.", quoteValue(value)));
        }
      }
    }
  },
  fix(diagnostic, context) {
    return dataReplacementFix(diagnostic, context, { title: (suggestion) => t("Add https:// ('{0}')", quoteValue(suggestion)), isPreferred: true });
  },
};
