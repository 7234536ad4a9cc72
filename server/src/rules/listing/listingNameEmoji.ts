import { t } from '@core/l10n';
import { at, str } from '@core/model/nodes';
import { editsToTextEdits, modifyAt } from '../fixEdits';
import type { Rule } from '../rule';

/** Legal marks that Unicode also classes as pictographs; Partner Center accepts them in a name. */
const ALLOWED_MARKS = new Set(['™', '®', '©']);
const PICTOGRAPH = /[\p{Extended_Pictographic}\p{Regional_Indicator}\u20E3]/u;
/** VS16 asks for the emoji presentation of the character before it (`©️`). */
const EMOJI_PRESENTATION = '\uFE0F';

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

interface EmojiScan {
  emoji: string[];
  /** The name with every emoji taken out (an emoji-style ™ ® © kept as the plain mark). */
  cleaned: string;
}

/** Finds emoji by whole grapheme (a flag, a family, a keycap is one emoji, not several). */
export function scanEmoji(text: string): EmojiScan {
  const emoji: string[] = [];
  let cleaned = '';
  for (const { segment } of segmenter.segment(text)) {
    const base = segment.replace(/[\uFE0E\uFE0F]/g, '');
    if (ALLOWED_MARKS.has(base)) {
      if (segment.includes(EMOJI_PRESENTATION)) {
        emoji.push(segment);
      }
      cleaned += base;
    } else if (PICTOGRAPH.test(segment)) {
      emoji.push(segment);
    } else {
      cleaned += segment;
    }
  }
  return { emoji, cleaned: cleaned.replace(/\s{2,}/g, ' ').trim() };
}

export const listingNameEmoji: Rule = {
  code: 'listing-name-emoji',
  severity: 'error',
  docs: 'Partner Center refuses emoji in the offer name; the trademark signs ™, ® and © are allowed.',
  check({ root, report }) {
    const node = at(root, 'listing', 'name');
    const name = str(node);
    if (!node || name === undefined) {
      return;
    }
    const { emoji, cleaned } = scanEmoji(name);
    if (emoji.length === 0) {
      return;
    }
    report(
      node,
      t('The offer name contains the emoji {0}: remove it (only ™, ® and © are allowed).', emoji.join(' ')),
      cleaned === '' ? undefined : { suggestion: cleaned },
    );
  },
  fix(diagnostic, { document, formatting }) {
    const suggestion = diagnostic.data?.suggestion;
    if (typeof suggestion !== 'string') {
      return [];
    }
    const edits = modifyAt(document, ['listing', 'name'], suggestion, formatting);
    return [{ title: t("Remove the emoji: '{0}'", suggestion), edits: editsToTextEdits(document, edits), isPreferred: true }];
  },
};
