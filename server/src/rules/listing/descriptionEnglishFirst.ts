import { messageLanguage, t } from '@core/l10n';
import { at, str } from '@core/model/nodes';
import type { Rule } from '../rule';
import { descriptionLanguage } from './descriptionLanguage';
import { richTextOf } from './richText';

/**
 * The statement Partner Center asks of a listing that is not in English. Looked for anywhere in
 * the description: the guide allows it at the start or at the end.
 */
const ONLY_IN_STATEMENT = /this application is available only in \S/i;

/** "French" (or "프랑스어" for `ko`): the language's name in `language`; undefined when unknown. */
function languageName(code: string, language: string): string | undefined {
  if (code === 'und') {
    return undefined;
  }
  try {
    const name = new Intl.DisplayNames([language], { type: 'language' }).of(code);
    return name && name !== code ? name : undefined;
  } catch {
    return undefined;
  }
}

export const descriptionEnglishFirst: Rule = {
  code: 'description-english-first',
  severity: 'warning',
  docs: 'A listing must be in English; a listing in another language must say "This application is available only in <language>." A language detector (lande) reads the description, so French or German count as well as Korean.',
  check({ root, memo, report }) {
    const node = at(root, 'listing', 'description');
    const html = str(node);
    if (!node || html === undefined) {
      return;
    }
    const { text } = richTextOf(node);
    const verdict = descriptionLanguage(text, memo);
    if (verdict.english || ONLY_IN_STATEMENT.test(text.replace(/\s+/g, ' '))) {
      return;
    }
    // The statement itself is English, whatever the language of the messages.
    const name = languageName(verdict.language, messageLanguage());
    const englishName = languageName(verdict.language, 'en');
    report(
      node,
      name && englishName
        ? t(
            'The description reads as {0}, not English: write the listing in English, or begin or end it with "This application is available only in {1}."',
            name,
            englishName,
          )
        : t('The description is not in English: write the listing in English, or begin or end it with "This application is available only in <language>."'),
      { language: verdict.language },
    );
  },
};
