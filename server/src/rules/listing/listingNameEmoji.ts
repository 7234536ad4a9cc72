import { t } from '@core/l10n';
import { quoteValue } from '@core/text/quote';
import { at, str } from '@core/model/nodes';
import { dataReplacementFix } from '../../edits/quickFix';
import type { Rule } from '../rule';

/** Legal marks that Unicode also classes as pictographs; Partner Center accepts them in a name. */
const ALLOWED_MARKS = new Set(['™', '®', '©']);
const PICTOGRAPH = /[\p{Extended_Pictographic}\p{Regional_Indicator}\u20E3]/u;
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
const REGIONAL_INDICATOR = /\p{Regional_Indicator}/u;
/** What extends the character before it into one emoji: combining marks (VS15, VS16, the keycap's U+20E3), skin tones, tags. */
const EXTENDER = /[\p{M}\p{Emoji_Modifier}\u{E0020}-\u{E007F}]/u;
const ZERO_WIDTH_JOINER = 0x200d;
/** VS16 asks for the emoji presentation of the character before it (`©️`). */
const EMOJI_PRESENTATION = '\uFE0F';

interface EmojiScan {
  emoji: string[];
  /** The name with every emoji taken out (an emoji-style ™ ® © kept as the plain mark). */
  cleaned: string;
}

/**
 * Finds emoji as a person sees them: a flag (two regional indicators), a family (pictographs
 * joined by U+200D), a keycap, a pictograph with its skin tone or variation selector is one emoji,
 * not several. One pass over the code points: Node 20's Intl.Segmenter, which did this before,
 * takes time quadratic in the length of the text (50 s for a 200,000-character name).
 */
export function scanEmoji(text: string): EmojiScan {
  const emoji: string[] = [];
  const kept: string[] = [];
  for (let start = 0; start < text.length; ) {
    const end = clusterEnd(text, start);
    const cluster = text.slice(start, end);
    start = end;
    const base = cluster.replace(/[\uFE0E\uFE0F]/g, '');
    if (ALLOWED_MARKS.has(base)) {
      if (cluster.includes(EMOJI_PRESENTATION)) {
        emoji.push(cluster);
      }
      kept.push(base);
    } else if (PICTOGRAPH.test(cluster)) {
      emoji.push(cluster);
    } else {
      kept.push(cluster);
    }
  }
  return { emoji, cleaned: kept.join('').replace(/\s{2,}/g, ' ').trim() };
}

/**
 * Where the character at `start` ends with what extends it: marks, skin tones and tags after it,
 * a second regional indicator (a flag), and pictographs joined to it by U+200D.
 */
function clusterEnd(text: string, start: number): number {
  const first = text.codePointAt(start)!;
  let end = start + codeUnits(first);
  // U+200D joins a pictograph (and the marks after it) to the next pictograph into one emoji;
  // anywhere else it is only a mark.
  let joinable = PICTOGRAPHIC.test(String.fromCodePoint(first));
  if (REGIONAL_INDICATOR.test(String.fromCodePoint(first)) && end < text.length && REGIONAL_INDICATOR.test(String.fromCodePoint(text.codePointAt(end)!))) {
    end += 2;
  }
  while (end < text.length) {
    const next = text.codePointAt(end)!;
    if (EXTENDER.test(String.fromCodePoint(next))) {
      end += codeUnits(next);
    } else if (next === ZERO_WIDTH_JOINER) {
      end++;
      const joined = end < text.length ? text.codePointAt(end)! : undefined;
      if (joinable && joined !== undefined && PICTOGRAPHIC.test(String.fromCodePoint(joined))) {
        end += codeUnits(joined);
      } else {
        joinable = false;
      }
    } else {
      break;
    }
  }
  return end;
}

function codeUnits(codePoint: number): number {
  return codePoint > 0xffff ? 2 : 1;
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
      t('The offer name contains the emoji {0}: remove it (only ™, ® and © are allowed).', quoteValue([...new Set(emoji)].join(' '))),
      cleaned === '' ? undefined : { value: name, suggestion: cleaned },
    );
  },
  fix(diagnostic, context) {
    return dataReplacementFix(diagnostic, context, { title: (suggestion) => t("Remove the emoji: '{0}'", quoteValue(suggestion)), isPreferred: true });
  },
};
