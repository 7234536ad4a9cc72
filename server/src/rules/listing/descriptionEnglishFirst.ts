import { t } from '@core/l10n';
import { quoteValue } from '@core/text/quote';
import { at, str } from '@core/model/nodes';
import type { Rule } from '../rule';
import { parseRichText } from './richText';

/**
 * The statement Partner Center asks of a listing that is not in English. Looked for anywhere in
 * the description: the guide allows it at the start or at the end.
 */
const ONLY_IN_STATEMENT = /this\s+application\s+is\s+available\s+only\s+in\s+\S/i;

/** The first sentence of the readable text: up to a sentence mark, or the end of the first block. */
export function firstSentence(text: string): string {
  const trimmed = text.replace(/^\s+/, '');
  const end = trimmed.search(/[.!?](\s|$)|[。！？]|\n/);
  const sentence = end === -1 ? trimmed : trimmed.slice(0, end + 1);
  return sentence.replace(/\s+/g, ' ').trim();
}

/**
 * The spec's heuristic for "not English": most of the letters are outside the Latin script. It
 * can't tell French from English, but it catches a listing written in Korean, Japanese, Chinese,
 * Cyrillic… which is what Partner Center's reviewers send back.
 */
export function isMostlyNonLatin(sentence: string): boolean {
  const letters = sentence.match(/\p{L}/gu) ?? [];
  if (letters.length === 0) {
    return false;
  }
  const latin = sentence.match(/\p{Script=Latin}/gu) ?? [];
  return latin.length * 2 < letters.length;
}

/** How much of the first sentence the message shows. */
const PREVIEW_CHARACTERS = 40;

export const descriptionEnglishFirst: Rule = {
  code: 'description-english-first',
  severity: 'warning',
  docs: 'A listing must be in English first; a listing in another language must say "This application is available only in <language>."',
  check({ root, report }) {
    const node = at(root, 'listing', 'description');
    const html = str(node);
    if (!node || html === undefined) {
      return;
    }
    const { text } = parseRichText(html);
    const sentence = firstSentence(text);
    if (!isMostlyNonLatin(sentence) || ONLY_IN_STATEMENT.test(text.replace(/\s+/g, ' '))) {
      return;
    }
    report(
      node,
      t('The description starts in a language other than English ("{0}"): write the listing in English, or begin or end it with "This application is available only in <language>."', quoteValue(sentence, PREVIEW_CHARACTERS)),
    );
  },
};
