import { modify } from 'jsonc-parser';
import { t } from '@core/l10n';
import { entries, prop, str } from '@core/model/nodes';
import { editsToTextEdits } from '../fixEdits';
import { isEnvReference } from '../listing/addresses';
import type { Rule } from '../rule';

/** Parts of a connection string that are secrets (Azure Storage, Service Bus, SQL-style strings). */
const SECRET_PARTS = /^(AccountKey|SharedAccessKey|SharedAccessSignature|SharedSecret|Password|Pwd|ClientSecret)$/i;
/** Query parameters that carry a signature or key: SAS tokens, Logic App and Function keys. */
const SECRET_QUERY_PARAMETERS = /^(sig|code|key|api-key|apikey|token|access_token|password|secret|client_secret)$/i;
/** A base64 key pasted on its own (an Azure storage key is 88 characters ending in `==`). */
const BARE_KEY = /(^|[^A-Za-z0-9+/=])[A-Za-z0-9+/]{30,}={1,2}($|[^A-Za-z0-9+/=])/;

/** What kind of secret a lead setting holds inline, if any (the name of the part, for the message). */
export function inlineSecret(value: string): string | undefined {
  for (const part of value.split(';')) {
    const equals = part.indexOf('=');
    if (equals > 0) {
      const name = part.slice(0, equals).trim();
      const secret = part.slice(equals + 1).trim();
      if (SECRET_PARTS.test(name) && secret !== '' && !isEnvReference(secret)) {
        return name;
      }
    }
  }
  if (/^https?:\/\//i.test(value.trim())) {
    try {
      for (const [name, secret] of new URL(value.trim()).searchParams) {
        if (SECRET_QUERY_PARAMETERS.test(name) && secret !== '' && !isEnvReference(secret)) {
          return name;
        }
      }
    } catch {
      // Not a URL after all: url-format says so; nothing to look for in it here.
    }
    return undefined;
  }
  return BARE_KEY.test(value) ? 'key' : undefined;
}

/** `storageAccountConnectionString` → `LEADS_STORAGE_ACCOUNT_CONNECTION_STRING`. */
export function environmentVariableFor(key: string): string {
  return 'LEADS_' + key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[^A-Za-z0-9]+/g, '_').toUpperCase();
}

function envReference(variable: string): string {
  return '${env:' + variable + '}';
}

export const secretInOffer: Rule = {
  code: 'secret-in-offer',
  severity: 'warning',
  docs: 'A storage key, signature or password written into the offer file is readable by everyone who can read the file; reference it as ${env:NAME} instead.',
  check({ root, report }) {
    for (const { key, valueNode } of entries(prop(root, 'leadManagement'))) {
      const value = str(valueNode);
      if (!valueNode || value === undefined || isEnvReference(value)) {
        continue;
      }
      const secret = inlineSecret(value);
      if (secret === undefined) {
        continue;
      }
      const variable = environmentVariableFor(key);
      report(
        valueNode,
        t("{0} holds a secret ('{1}') written inline: anyone who can read this file can use it. Write {2} and set the environment variable {3} where you publish; rotate the secret if the file was shared.", key, secret, envReference(variable), variable),
        { key, variable },
      );
    }
  },
  fix(diagnostic, { document, formatting }) {
    const { key, variable } = diagnostic.data ?? {};
    if (typeof key !== 'string' || typeof variable !== 'string') {
      return [];
    }
    const reference = envReference(variable);
    const edits = modify(document.getText(), ['leadManagement', key], reference, { formattingOptions: formatting });
    // Not preferred: the value must first be saved where ${env:…} will find it, or it is lost.
    return [{ title: t('Replace the secret with {0}', reference), edits: editsToTextEdits(document, edits) }];
  },
};
