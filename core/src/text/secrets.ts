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
 * (`leads.example.com/api?code=…` counts), a connection string part by part (a part's value runs
 * to the next `;`, so a whole `SharedAccessSignature=sv=…&sig=…` is one secret), and anything
 * else for a bare base64 key.
 */
export function findSecrets(text: string): SecretSpan[] {
  const parts = connectionStringSecrets(text);
  const pairs = querySecrets(text, parts);
  const found = mergeInOrder(parts, pairs);
  // Bare keys are merged in after them, outside any value already found.
  return mergeInOrder(found, bareKeys(text, found));
}

/** `name=value` parts separated by `;` whose name is a secret part; each character read once. */
function connectionStringSecrets(text: string): SecretSpan[] {
  const found: SecretSpan[] = [];
  let partStart = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text.charCodeAt(i) === 0x3b /* ; */) {
      addPair(text, partStart, i, SECRET_CONNECTION_PARTS, false, found);
      partStart = i + 1;
    }
  }
  return found;
}

/**
 * name=value pairs separated by ?, &, ; or # (a query, a fragment or a connection string) whose
 * name is a secret parameter, outside the connection-string secrets already found (in order).
 */
function querySecrets(text: string, parts: readonly SecretSpan[]): SecretSpan[] {
  const found: SecretSpan[] = [];
  let segmentStart = 0;
  let part = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0x3b; // a virtual ';' closes the last pair
    if (c === 0x3f /* ? */ || c === 0x26 /* & */ || c === 0x3b /* ; */ || c === 0x23 /* # */) {
      while (part < parts.length && parts[part].start + parts[part].length <= segmentStart) {
        part++;
      }
      const overlapsPart = part < parts.length && parts[part].start < i;
      if (!overlapsPart) {
        addPair(text, segmentStart, i, SECRET_QUERY_NAMES, true, found);
      }
      segmentStart = i + 1;
    }
  }
  return found;
}

/** Two lists of spans, each in order, as one list in order (linear). */
function mergeInOrder(a: readonly SecretSpan[], b: readonly SecretSpan[]): SecretSpan[] {
  const merged: SecretSpan[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    merged.push(j >= b.length || (i < a.length && a[i].start <= b[j].start) ? a[i++] : b[j++]);
  }
  return merged;
}

/**
 * The pair between `start` and `end`, if its name is one of `names`. A query parameter's name is
 * the text after the last '/' or blank before '=' (`https://host/api?code=…`); a connection
 * string part's name is all of it, trimmed (`x; AccountKey=…`).
 */
function addPair(text: string, start: number, end: number, names: ReadonlySet<string>, afterSlash: boolean, found: SecretSpan[]): void {
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
  let nameStart = start;
  if (afterSlash) {
    for (let i = equals - 1; i >= start; i--) {
      const c = text[i];
      if (c === '/' || c === ' ' || c === '\t') {
        nameStart = i + 1;
        break;
      }
    }
  }
  const name = text.slice(nameStart, equals).trim();
  const rawValue = text.slice(equals + 1, end);
  const value = rawValue.trim();
  if (value === '' || isEnvReference(value) || !names.has(name.toLowerCase())) {
    return;
  }
  found.push({ name, start: equals + 1 + (rawValue.length - rawValue.trimStart().length), length: value.length });
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

/**
 * The text with every secret value replaced by a placeholder. Hiding is idempotent: a value that
 * is already the placeholder (a message that quoted a value through `quoteValue`, whose secret
 * runs on to the message's next separator) is left as it is, so a message is never mangled by
 * being hidden twice; a placeholder followed by more of a key is still hidden. A caller that has
 * already asked findSecrets for this text passes what it found, so the text is not searched again.
 */
export function redactSecrets(text: string, found?: readonly SecretSpan[]): string {
  // Every kind of secret has an '=' (a pair's, or a bare key's padding): most texts have none,
  // and are answered by one native scan.
  if (found === undefined && !text.includes('=')) {
    return text;
  }
  const secrets = found ?? findSecrets(text);
  if (secrets.length === 0) {
    return text;
  }
  const hidden = t('(hidden)');
  let out = '';
  let position = 0;
  for (const secret of secrets) {
    if (secret.start < position || isAlreadyHidden(text, secret.start, hidden)) {
      continue;
    }
    out += text.slice(position, secret.start) + hidden;
    position = secret.start + secret.length;
  }
  return out + text.slice(position);
}

function isAlreadyHidden(text: string, start: number, hidden: string): boolean {
  if (!text.startsWith(hidden, start)) {
    return false;
  }
  const after = start + hidden.length;
  return after >= text.length || !isKeyCharacter(text.charCodeAt(after));
}

/** Characters of a key, signature or token as URLs carry them (base64, base64url, percent-encoding). */
function isKeyCharacter(c: number): boolean {
  return isBase64Character(c) || c === 0x3d /* = */ || c === 0x2d /* - */ || c === 0x5f /* _ */ || c === 0x25 /* % */ || c === 0x2e /* . */;
}
