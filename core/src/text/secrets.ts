/**
 * Secrets that an offer may hold by mistake: the key of an Azure Function (`code=`), a SAS
 * signature, an API key or password in a URL's query, a storage key in a connection string, or a
 * bare base64 key. Found so that `secret-in-offer` can warn, and hidden everywhere a value is
 * shown (messages, hovers, logs, the checker's output): a secret is named, never quoted.
 *
 * Every scan here is linear in the text: values come from untrusted files and may be huge.
 */
import { t } from '../l10n';

/** Query parameters that carry a signature or key: SAS tokens, Function and Logic App keys, API keys. */
const SECRET_QUERY_NAMES = new Set([
  'sig',
  'code',
  'key',
  'api-key',
  'apikey',
  'api_key',
  'subscription-key',
  'x-functions-key',
  'token',
  'access_token',
  'password',
  'pwd',
  'secret',
  'client_secret',
]);

/** Parts of a connection string that are secrets (Azure Storage, Service Bus, SQL-style strings). */
const SECRET_CONNECTION_PARTS = new Set([
  'accountkey',
  'sharedaccesskey',
  'sharedaccesssignature',
  'sharedsecret',
  'password',
  'pwd',
  'clientsecret',
]);

/** A base64 key pasted on its own is at least this long (an Azure storage key has 88 characters). */
const MIN_BARE_KEY_LENGTH = 30;

/** One secret inside a text: where its value is and what it is called. */
export interface SecretSpan {
  /** The parameter or part that holds it (`code`, `AccountKey`), or `key` for a bare key. */
  name: string;
  /** Offset and length of the secret value itself (not its name). */
  start: number;
  length: number;
}

/** `${env:NAME}`: a reference to a secret kept outside the file, which is what we ask for. */
export function isEnvReference(value: string): boolean {
  return /^\$\{env:[A-Za-z_][A-Za-z0-9_]*\}$/.test(value.trim());
}

/**
 * Every secret in a text, in order. A URL is searched with or without its scheme
 * (`leads.example.com/api?code=…` counts), a connection string part by part, and anything else for
 * a bare base64 key.
 */
export function findSecrets(text: string): SecretSpan[] {
  const found: SecretSpan[] = [];
  // name=value pairs, separated by ?, &, ; or # (a query, a fragment or a connection string).
  // The name runs back from `=` to the previous separator; one pass, each character read once.
  let segmentStart = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0x3b; // a virtual ';' closes the last pair
    if (c === 0x3f /* ? */ || c === 0x26 /* & */ || c === 0x3b /* ; */ || c === 0x23 /* # */) {
      addPair(text, segmentStart, i, c === 0x3b || i === text.length, found);
      segmentStart = i + 1;
    }
  }
  // The pairs were found in order; bare keys are merged in after them, outside any pair's value.
  return [...found, ...bareKeys(text, found)].sort((a, b) => a.start - b.start);
}

function addPair(text: string, start: number, end: number, connectionPart: boolean, found: SecretSpan[]): void {
  // Searched within the pair only: indexOf over the rest of the text would make a text of many
  // separators and no '=' quadratic.
  let equals = -1;
  for (let i = start; i < end; i++) {
    if (text.charCodeAt(i) === 0x3d) {
      equals = i;
      break;
    }
  }
  if (equals < 0) {
    return;
  }
  // A connection string's part or a query parameter's name: the text after the last '/' or
  // blank before '=', so that `https://host/api?code=…` and `x; AccountKey=…` both give a name.
  let nameStart = start;
  for (let i = equals - 1; i >= start; i--) {
    const c = text[i];
    if (c === '/' || c === ' ' || c === '\t') {
      nameStart = i + 1;
      break;
    }
  }
  const name = text.slice(nameStart, equals).trim();
  const lower = name.toLowerCase();
  const value = text.slice(equals + 1, end).trim();
  if (value === '' || isEnvReference(value)) {
    return;
  }
  if (SECRET_QUERY_NAMES.has(lower) || (connectionPart && SECRET_CONNECTION_PARTS.has(lower))) {
    const valueStart = equals + 1 + (text.slice(equals + 1, end).length - text.slice(equals + 1, end).trimStart().length);
    found.push({ name, start: valueStart, length: value.length });
  }
}

function isBase64Character(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2f;
}

/**
 * Runs of base64 characters of key length that end in `=` or `==`, outside the values already
 * found (`pairs`, in order). Maximal runs and one pointer into `pairs`: linear.
 */
function bareKeys(text: string, pairs: readonly SecretSpan[]): SecretSpan[] {
  const keys: SecretSpan[] = [];
  let pair = 0;
  let i = 0;
  while (i < text.length) {
    if (!isBase64Character(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < text.length && isBase64Character(text.charCodeAt(i))) {
      i++;
    }
    let end = i;
    let padding = 0;
    while (end < text.length && text.charCodeAt(end) === 0x3d && padding < 2) {
      end++;
      padding++;
    }
    const followedByKeyCharacter = end < text.length && (isBase64Character(text.charCodeAt(end)) || text.charCodeAt(end) === 0x3d);
    while (pair < pairs.length && pairs[pair].start + pairs[pair].length <= start) {
      pair++;
    }
    const overlapsPair = pair < pairs.length && pairs[pair].start < end;
    if (i - start >= MIN_BARE_KEY_LENGTH && padding > 0 && !followedByKeyCharacter && !overlapsPair) {
      keys.push({ name: 'key', start, length: end - start });
    }
    i = end > i ? end : i;
  }
  return keys;
}

/** The text with every secret value replaced by a placeholder that names it. */
export function redactSecrets(text: string): string {
  const secrets = findSecrets(text);
  if (secrets.length === 0) {
    return text;
  }
  const hidden = t('(hidden)');
  let out = '';
  let position = 0;
  for (const secret of secrets) {
    if (secret.start < position) {
      continue;
    }
    out += text.slice(position, secret.start) + hidden;
    position = secret.start + secret.length;
  }
  return out + text.slice(position);
}
