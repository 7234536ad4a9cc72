/**
 * How a message shows a value of the offer: at most about 60 characters of it (then "…" and its
 * length), control and direction characters escaped, secrets hidden. The contract asks for this
 * of every message; a 200,000-character value must not become a 200 KB diagnostic, a terminal
 * escape in a value must not reach the checker's output, and a key must never be shown.
 */
import { t } from '../l10n';
import { redactSecrets } from './secrets';

/** How many characters (code points) of a value a message shows. */
export const MAX_QUOTED_CHARACTERS = 60;

/** A value as a message shows it; see the module comment. Linear in the value's length. */
export function quoteValue(value: string, maxCharacters = MAX_QUOTED_CHARACTERS): string {
  const shown = redactSecrets(value);
  const cut = offsetAfterCodePoints(shown, maxCharacters);
  if (cut >= shown.length) {
    return escapeControlCharacters(shown);
  }
  return t('{0}… ({1} characters)', escapeControlCharacters(shown.slice(0, cut)), codePointLength(value));
}

/** The number of characters as a person counts them (code points). */
export function codePointLength(value: string): number {
  let count = 0;
  for (let i = 0; i < value.length; i = nextCodePoint(value, i)) {
    count++;
  }
  return count;
}

/** Where the first `count` code points of `value` end (its length when it has no more). */
function offsetAfterCodePoints(value: string, count: number): number {
  let offset = 0;
  for (let seen = 0; seen < count && offset < value.length; seen++) {
    offset = nextCodePoint(value, offset);
  }
  return offset;
}

/** The offset after the code point at `i`: a surrogate pair is one character, never cut in half. */
function nextCodePoint(value: string, i: number): number {
  const code = value.charCodeAt(i);
  if (code >= 0xd800 && code <= 0xdbff && i + 1 < value.length) {
    const next = value.charCodeAt(i + 1);
    if (next >= 0xdc00 && next <= 0xdfff) {
      return i + 2;
    }
  }
  return i + 1;
}

/**
 * Characters that would act instead of showing: C0 and C1 controls (a terminal's ESC and BEL, CR
 * that rewrites a line), DEL, and the Unicode direction overrides and isolates that reorder what
 * follows ("Trojan source"). Each becomes a visible escape: `\n`, `\t`, `\r`, or `\u001b`.
 *
 * The characters past C0, written once: JSON.stringify escapes C0 itself, so JSON output escapes
 * only these.
 */
const INVISIBLE_PAST_C0 = '\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069';
const CONTROL_OR_DIRECTION = new RegExp(`\\r\\n|[\\u0000-\\u001f${INVISIBLE_PAST_C0}]`, 'g');
const ANY_CONTROL_OR_DIRECTION = new RegExp(`[\\u0000-\\u001f${INVISIBLE_PAST_C0}]`);
/** The same, but line breaks (LF, CRLF) and tabs: a lone CR still rewrites a line. */
const CONTROL_OR_DIRECTION_BUT_LINES = new RegExp(`\\r(?!\\n)|[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f${INVISIBLE_PAST_C0}]`);
const INVISIBLE_IN_JSON = new RegExp(`[${INVISIBLE_PAST_C0}]`, 'g');

export interface EscapeOptions {
  /** Leave line breaks (`\n`, `\r\n`) and tabs as they are: for a view that shows a value's lines. */
  keepLineBreaks?: boolean;
}

export function escapeControlCharacters(text: string): string {
  return escapeWith(text, {});
}

/** The same, but line breaks (`\n`, `\r\n`) and tabs stay as they are: for a view that shows a value's lines. */
export function escapeControlCharactersKeepingLines(text: string): string {
  return escapeWith(text, { keepLineBreaks: true });
}

function escapeWith(text: string, options: EscapeOptions): string {
  return text.replace(CONTROL_OR_DIRECTION, (c) => {
    if (options.keepLineBreaks && (c === '\r\n' || c === '\n' || c === '\t')) {
      return c;
    }
    switch (c) {
      case '\r\n':
        return '\\r\\n';
      case '\n':
        return '\\n';
      case '\r':
        return '\\r';
      case '\t':
        return '\\t';
      default:
        return unicodeEscape(c);
    }
  });
}

/** Whether escapeControlCharacters (or, keeping line breaks, escapeControlCharactersKeepingLines) would change the text. */
export function hasInvisibleCharacters(text: string, options: EscapeOptions = {}): boolean {
  return (options.keepLineBreaks ? CONTROL_OR_DIRECTION_BUT_LINES : ANY_CONTROL_OR_DIRECTION).test(text);
}

/**
 * JSON text (as JSON.stringify writes it) with DEL, the C1 controls and the direction characters
 * written as `\u` escapes: the same data, nothing that acts on a terminal (`\u009b` would start a
 * terminal sequence). JSON.stringify escapes C0 already; only inside strings can these occur.
 */
export function escapeInvisiblesInJson(json: string): string {
  return json.replace(INVISIBLE_IN_JSON, unicodeEscape);
}

function unicodeEscape(c: string): string {
  return '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0');
}
