import type { Node } from 'jsonc-parser';
import { t } from '@core/l10n';
import { quoteValue } from '@core/text/quote';
import { isObject, items, keyNode, prop, str } from '@core/model/nodes';
import { isEnvReference } from '@core/text/secrets';
import { checkWebUrl, isEmailAddress } from '../listing/addresses';
import { fromPointer } from '@core/model/jsonPointer';
import type { Rule, RuleContext } from '../rule';
import { valueAt } from '../../edits/expectations';
import { addProperty } from '../../edits/pointerEdits';
import { quickFix, replaceValueFix } from '../../edits/quickFix';

/** What each lead destination needs, as Partner Center's lead management page asks for it. */
export const LEAD_DESTINATION_FIELDS: Readonly<Record<string, readonly string[]>> = {
  email: ['emails'],
  https: ['httpsEndpointUrl'],
  azureTable: ['storageAccountConnectionString'],
  dynamics365: ['dynamicsInstanceUrl'],
  marketo: ['marketoServerId', 'marketoMunchkinAccountId', 'marketoFormId'],
  salesforce: ['salesforceOrgId'],
};

const DESTINATIONS = Object.keys(LEAD_DESTINATION_FIELDS);

/**
 * The fields a destination needs; undefined for a value that is no destination. Only the table's
 * own keys count: an offer's "constructor" or "__proto__" is no destination.
 */
function fieldsOf(destination: string): readonly string[] | undefined {
  return Object.hasOwn(LEAD_DESTINATION_FIELDS, destination) ? LEAD_DESTINATION_FIELDS[destination] : undefined;
}

/** The destination written in other letters or spacing ('HTTPS', ' email '), as the message names it. */
function destinationMeant(destination: string): string | undefined {
  return DESTINATIONS.find((known) => known.toLowerCase() === destination.trim().toLowerCase());
}

export const leadDestinationFields: Rule = {
  code: 'lead-destination-fields',
  severity: 'error',
  docs: 'Each lead destination needs its own settings (addresses, endpoint, connection string, instance or account ids); without them Partner Center cannot deliver leads.',
  check(context) {
    const { root, report } = context;
    const lead = prop(root, 'leadManagement');
    if (!isObject(lead)) {
      return;
    }
    if (!keyNode(lead, 'destination')) {
      report({ missing: 'destination', in: lead }, t('leadManagement has no destination: choose one of {0}.', DESTINATIONS.map((name) => `'${name}'`).join(', ')));
      return;
    }
    const destinationNode = prop(lead, 'destination');
    const destination = str(destinationNode);
    if (!destinationNode || destination === undefined) {
      return;
    }
    const fields = fieldsOf(destination);
    if (!fields) {
      const sameLetters = destinationMeant(destination);
      report(
        destinationNode,
        sameLetters
          ? t("'{0}' is not a lead destination: use '{1}'.", quoteValue(destination), sameLetters)
          : t("'{0}' is not a lead destination: use one of {1}.", quoteValue(destination), DESTINATIONS.map((name) => `'${name}'`).join(', ')),
      );
      return;
    }
    for (const field of fields) {
      if (!keyNode(lead, field)) {
        report({ missing: field, in: lead }, t("The lead destination '{0}' needs {1}: add it.", destination, field));
      } else if (field === 'emails') {
        checkEmails(context, prop(lead, field));
      } else {
        checkValue(context, destination, field, prop(lead, field));
      }
    }
  },
  fix(diagnostic, context) {
    // What the messages name: the destination in its own letters, the field the destination needs
    // (to fill in), the endpoint's https:// address.
    const path = fromPointer(diagnostic.path);
    const lead = context.document.nodeAt(['leadManagement']);
    if (path.length !== 2 || path[0] !== 'leadManagement' || !isObject(lead)) {
      return [];
    }
    const field = String(path[1]);
    const value = valueAt(context.document, diagnostic.path);
    if (field === 'destination' && typeof value === 'string' && !fieldsOf(value)) {
      const meant = destinationMeant(value);
      return meant ? replaceValueFix(diagnostic, context, { title: t("Change to '{0}'", meant), reported: value, replacement: meant, isPreferred: true }) : [];
    }
    const destination = str(prop(lead, 'destination'));
    if (value === undefined && destination !== undefined && fieldsOf(destination)?.includes(field)) {
      return quickFix(context, t("Add the missing property '{0}'", field), addProperty(context, ['leadManagement'], field, field === 'emails' ? [] : ''));
    }
    const node = context.document.nodeAt(path);
    if (field === 'httpsEndpointUrl' && node?.type === 'string' && /^\s*http:\/\//i.test(node.value as string)) {
      // Only the scheme is rewritten: the rest of the address (a Function key in its query, say)
      // is neither repeated in the edit nor in the title.
      const at = /^"\s*http:/i.exec(context.document.textOf(node))?.[0].length;
      if (at === undefined) {
        return []; // written with escapes: nothing simple to offer
      }
      const scheme = node.offset + at - 'http:'.length;
      return quickFix(context, t('Change http:// to https://'), [{ offset: scheme, length: 'http'.length, content: 'https' }]);
    }
    return [];
  },
};

function checkEmails({ report }: RuleContext, emails: Node | undefined): void {
  if (emails?.type !== 'array') {
    return;
  }
  if (items(emails).length === 0) {
    report(emails, t('The email lead destination has no address: add at least one to emails.'));
  }
  for (const entry of items(emails)) {
    const address = str(entry);
    if (address !== undefined && !isEnvReference(address) && !isEmailAddress(address.trim())) {
      report(entry, t("'{0}' is not an email address: write it as name@example.com.", quoteValue(address)));
    }
  }
}

function checkValue({ report }: RuleContext, destination: string, field: string, node: Node | undefined): void {
  const value = str(node);
  if (!node || value === undefined || isEnvReference(value)) {
    return;
  }
  if (value.trim() === '') {
    report(node, t("{0} is empty: the lead destination '{1}' needs it.", field, destination));
    return;
  }
  // A malformed URL is url-format's to report; here only the scheme the https destination demands.
  if (field === 'httpsEndpointUrl') {
    const url = checkWebUrl(value);
    if (url.kind === 'ok' && url.url.protocol === 'http:') {
      report(node, t("The lead endpoint '{0}' uses http: leads carry customer contact details, so Partner Center sends them only to an https:// endpoint.", quoteValue(value)));
    }
  }
}
