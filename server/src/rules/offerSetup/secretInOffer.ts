import { t } from '@core/l10n';
import { urlFields } from '@core/knowledge/urlFields';
import { fromPointer } from '@core/model/jsonPointer';
import { at, entries, prop, str } from '@core/model/nodes';
import { quoteValue } from '@core/text/quote';
import { findSecrets, isEnvReference } from '@core/text/secrets';
import type { Node } from 'jsonc-parser';
import { satisfies } from '../../edits/expectations';
import { setValue } from '../../edits/pointerEdits';
import { quickFix } from '../../edits/quickFix';
import type { Rule } from '../rule';

/** `storageAccountConnectionString` → `LEADS_STORAGE_ACCOUNT_CONNECTION_STRING`. */
export function environmentVariableFor(key: string): string {
  return 'LEADS_' + key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[^A-Za-z0-9]+/g, '_').toUpperCase();
}

function envReference(variable: string): string {
  return '${env:' + variable + '}';
}

/**
 * The values to search: every setting of the lead destination (endpoints, connection strings,
 * instance URLs), which the publishing pipeline can take from `${env:NAME}`, and every URL field
 * of the offer (the listing's links, support URLs, videos) and the terms, which it can't: a key
 * there is seen by every customer who opens the listing.
 */
function valuesToSearch(root: Node): { key: string; node: Node; lead: boolean }[] {
  const lead = prop(root, 'leadManagement');
  const leadValues = entries(lead)
    .filter((entry) => entry.valueNode?.type === 'string')
    .map((entry) => ({ key: entry.key, node: entry.valueNode!, lead: true }));
  const searched = new Set(leadValues.map((value) => value.node));
  // The terms may be a link (or the text itself) and are shown to customers like the listing's links.
  const terms = at(root, 'properties', 'termsAndConditions');
  const shownToCustomers = terms?.type === 'string' ? [{ key: 'termsAndConditions', node: terms }] : [];
  const links = [...urlFields(root), ...shownToCustomers]
    .filter(({ node }) => !searched.has(node))
    .map(({ key, node }) => ({ key, node, lead: false }));
  return [...leadValues, ...links];
}

export const secretInOffer: Rule = {
  code: 'secret-in-offer',
  severity: 'warning',
  docs: 'A storage key, signature, password or function key written into the offer file (a lead setting or any URL, with or without its scheme) is readable by everyone who can read the file; reference a lead setting as ${env:NAME} instead, and take keys out of listing links.',
  check({ root, report }) {
    for (const { key, node, lead } of valuesToSearch(root)) {
      const value = str(node);
      if (value === undefined || isEnvReference(value)) {
        continue;
      }
      const secrets = findSecrets(value);
      if (secrets.length === 0) {
        continue;
      }
      // Named, never quoted: `code`, `sig`, `AccountKey`, or `key` for a bare key.
      const names = [...new Set(secrets.map((secret) => secret.name))].map((name) => quoteValue(name)).join("', '");
      if (lead) {
        const variable = environmentVariableFor(key);
        report(
          node,
          t("{0} holds a secret ('{1}') written inline: anyone who can read this file can use it. Write {2} and set the environment variable {3} where you publish; rotate the secret if the file was shared.", quoteValue(key), names, envReference(variable), variable),
          { variable },
        );
      } else {
        report(
          node,
          t("{0} holds a secret ('{1}') in its URL: anyone who can read this file, and every customer who sees the listing, can use it. Take it out of the link and rotate it.", quoteValue(key), names),
        );
      }
    }
  },
  fix(diagnostic, context) {
    const { variable } = diagnostic.data ?? {};
    if (typeof variable !== 'string') {
      return [];
    }
    const reference = envReference(variable);
    // Only while a secret is still written there (the diagnostic does not carry it, on purpose).
    const holdsSecret = satisfies((value) => typeof value === 'string' && !isEnvReference(value) && findSecrets(value).length > 0);
    // Not preferred: the value must first be saved where ${env:…} will find it, or it is lost.
    return quickFix(context, t('Replace the secret with {0}', reference), setValue(context, fromPointer(diagnostic.path), reference, holdsSecret));
  },
};
