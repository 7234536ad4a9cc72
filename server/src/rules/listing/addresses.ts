/**
 * What counts as a web address and an email address in an offer. Shared by the URL, contact and
 * lead-destination rules so that they agree on every value (an environment reference is
 * `isEnvReference` of core/src/text/secrets.ts).
 */

export type WebUrlCheck =
  | { kind: 'ok'; url: URL }
  | { kind: 'empty' }
  /** No scheme, or not parseable: not an absolute URL at all. */
  | { kind: 'notAbsolute' }
  /** Absolute, but not http(s): `ftp:`, `mailto:`, `javascript:`… */
  | { kind: 'scheme'; scheme: string };

/**
 * An absolute http(s) URL, as written. WHATWG's parser alone is too forgiving for a listing
 * (it turns `https:contoso.com` and `https:\\contoso.com` into valid URLs), so the text must
 * also literally start with `http://` or `https://`.
 */
export function checkWebUrl(value: string): WebUrlCheck {
  const text = value.trim();
  if (text === '') {
    return { kind: 'empty' };
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { kind: 'notAbsolute' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { kind: 'scheme', scheme: url.protocol };
  }
  if (!/^https?:\/\/[^/\\]/i.test(text) || url.hostname === '') {
    return { kind: 'notAbsolute' };
  }
  return { kind: 'ok', url };
}

/**
 * The URL a person most likely meant when they left out the scheme (`contoso.com/privacy`), or
 * undefined when adding `https://` would not give a real web address (a host without a dot is
 * more likely a typo than an intranet name in a marketplace listing).
 */
export function withHttpsScheme(value: string): string | undefined {
  const text = value.trim().replace(/^\/\//, '');
  if (text === '' || /^[a-z][a-z0-9+.-]*:/i.test(text)) {
    return undefined;
  }
  const candidate = 'https://' + text;
  const check = checkWebUrl(candidate);
  return check.kind === 'ok' && check.url.hostname.includes('.') ? candidate : undefined;
}

/** A pragmatic address check: one `@`, no spaces, and a domain with a dot between real labels. */
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)+$/u;

export function isEmailAddress(value: string): boolean {
  return EMAIL.test(value);
}
