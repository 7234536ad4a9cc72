/**
 * What a principal's display name reads like: an email address, a person's name, or an app or
 * automation. Heuristics for hints (info), tuned to stay quiet when unsure: a group's name such
 * as "Tier 2 Operators" or "Contoso SOC Analysts" must never read as a person's. Each function is
 * linear in the name's length.
 */
import { AUTOMATION_WORD_PAIRS, AUTOMATION_WORDS } from '@core/knowledge/automationWords';
import { GIVEN_NAMES } from '@core/knowledge/givenNames';
import { GROUP_WORDS } from '@core/knowledge/groupWords';

/** Longer than this, a display name is a description, not a person's name. */
const MAX_PERSON_NAME_LENGTH = 64;

function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function endsAddress(character: string): boolean {
  return character === '>' || character === ')' || character === ',' || character === ';' || /\s/.test(character);
}

/**
 * Whether the name holds an email address: something, "@", a domain with a dot and a top-level
 * domain of letters ("ana@contoso.com", "Ana <ana@contoso.com>"). Looks at the first "@" only.
 */
export function holdsEmailAddress(name: string): boolean {
  const at = name.indexOf('@');
  if (at <= 0 || endsAddress(name[at - 1]) || name[at - 1] === '<') {
    return false;
  }
  let end = at + 1;
  while (end < name.length && !endsAddress(name[end])) {
    end++;
  }
  const domain = name.slice(at + 1, end);
  const dot = domain.lastIndexOf('.');
  if (dot <= 0 || domain.length - dot - 1 < 2 || domain.includes('..')) {
    return false;
  }
  for (let i = dot + 1; i < domain.length; i++) {
    if (!isAsciiLetter(domain.charCodeAt(i))) {
      return false;
    }
  }
  return true;
}

/** "Smith", "O'Neil", "Müller-Lüdenscheidt": a capital, then letters (at least one small), hyphens or apostrophes. */
function isNameWord(word: string): boolean {
  const characters = [...word];
  if (characters.length < 2 || !/^\p{Lu}$/u.test(characters[0])) {
    return false;
  }
  let lowercase = false;
  for (const character of characters.slice(1)) {
    if (/^\p{Ll}$/u.test(character)) {
      lowercase = true;
    } else if (!/^[\p{Lu}'’-]$/u.test(character)) {
      return false;
    }
  }
  return lowercase && !GROUP_WORDS.has(word.toLowerCase());
}

/** "J." or "J": a middle initial. */
function isInitial(word: string): boolean {
  return /^\p{Lu}\.?$/u.test(word);
}

/**
 * Whether the name reads like one person's: "First Last", "First M. Last", "First Middle Last",
 * "Last, First", or "first.last" — with a common given name first (GIVEN_NAMES) and no word of a
 * group (GROUP_WORDS). A name that is not in the table is not recognised: the hint is for the
 * obvious cases.
 */
export function readsLikePersonName(name: string): boolean {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > MAX_PERSON_NAME_LENGTH) {
    return false;
  }
  const comma = trimmed.indexOf(',');
  if (comma >= 0) {
    // "Smith, Sarah": one family name, then the given name(s).
    const family = trimmed.slice(0, comma).trim();
    const given = trimmed.slice(comma + 1).trim();
    return !/[\s,]/.test(family) && !given.includes(',') && readsLikePersonName(`${given} ${family}`);
  }
  const firstSpace = trimmed.search(/\s/);
  if (firstSpace < 0) {
    // "sarah.smith", "Sarah.Smith": an account name.
    const parts = trimmed.split('.');
    return (
      parts.length === 2 &&
      GIVEN_NAMES.has(parts[0].toLowerCase()) &&
      parts.every((part) => /^\p{L}[\p{L}'’-]+$/u.test(part) && !GROUP_WORDS.has(part.toLowerCase()))
    );
  }
  // The first word decides most names (a group's or an app's rarely starts with a given name):
  // it is looked at before the name is split, which most checks then never need.
  if (!GIVEN_NAMES.has(trimmed.slice(0, firstSpace).toLowerCase())) {
    return false;
  }
  const words = trimmed.split(/\s+/);
  if (words.length < 2 || words.length > 4 || !isNameWord(words[0])) {
    return false;
  }
  const last = words.length - 1;
  return words.slice(1).every((word, i) => isNameWord(word) || (i + 1 < last && isInitial(word)));
}

/** The name's words, lowercase: runs of letters and digits. */
function wordsOf(name: string): string[] {
  return name
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

/**
 * Whether the name reads like an app's or an automation's: a pair such as "service principal" or
 * "managed identity", or a word such as "pipeline", "automation" or "bot" without a word of a group
 * ("Automation Engineers" are people).
 */
export function readsLikeAutomation(name: string): boolean {
  const words = wordsOf(name);
  let automation = false;
  let group = false;
  for (let i = 0; i < words.length; i++) {
    if (i > 0 && AUTOMATION_WORD_PAIRS.has(`${words[i - 1]} ${words[i]}`)) {
      return true;
    }
    automation ||= AUTOMATION_WORDS.has(words[i]);
    group ||= GROUP_WORDS.has(words[i]);
  }
  return automation && !group;
}
