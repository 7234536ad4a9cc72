/**
 * Which language a listing's text is in, as far as a language detector can tell: lande, a small
 * neural network over character n-grams trained on short sentences (50 languages; why this
 * library is in the README). It reads a bounded sample of the text, so that a 200,000-character
 * description costs what 1,000 characters do.
 *
 * Product names and acronyms belong to no language and pull a detector off English ("SOC, MDR,
 * SIEM and SOAR: Defender XDR…"), so the sample leaves out words with digits, addresses, acronyms
 * and CamelCase names. English counts as found unless another language comes first and English
 * is unlikely: on the listings the tests hold, English text gets at least 0.29, French, German,
 * Spanish, Italian, Portuguese, Dutch, Polish and Swedish at most 0.27 (one Spanish text full of
 * English product names), most below 0.1. Below MIN_LETTERS letters or MIN_DISTINCT_WORDS different
 * words the detector is not asked, and only a text mostly in another script (Korean, Japanese,
 * Cyrillic…) counts as not English.
 */
import lande from 'lande';
import { BoundedCache, Memo, MemoKey } from '@core/model/caching';

/** At most this many characters of the text are looked at (the detector then takes about 0.5 ms). */
export const SAMPLE_CHARACTERS = 1000;
/**
 * Verdicts of the last samples, kept by the language service (core/src/model/caching.ts): every
 * keystroke checks the whole offer again, and the description rarely changed since, so the
 * detector runs only when it did (a few offers open at once each keep theirs).
 */
const VERDICTS = new MemoKey<BoundedCache<string, LanguageVerdict>>('language verdicts by sample');
const REMEMBERED_SAMPLES = 16;
/** With fewer letters than this, the detector's answer is a guess. */
const MIN_LETTERS = 30;
/** Nor does it know a language from a few words said again and again ("Contoso operations. " × 1000). */
const MIN_DISTINCT_WORDS = 6;
/** English counts as found when the detector gives it at least this probability. */
const ENGLISH_PROBABILITY = 0.2;

export type LanguageVerdict =
  /** English, or too little text to tell. */
  | { english: true }
  /** Not English; `language` is an ISO 639-3 code, or 'und' when only the script is known. */
  | { english: false; language: string };

/** A word that says nothing of a language: digits, an address, an acronym or a CamelCase name. */
function isLanguageNeutral(word: string): boolean {
  if (/[0-9@/\\]/.test(word)) {
    return true;
  }
  const characters = [...word];
  return characters.slice(1).some((character) => /\p{Lu}/u.test(character));
}

/**
 * The words of the text that carry its language, joined by spaces, up to SAMPLE_CHARACTERS.
 * Reads the text once and stops as soon as the sample is full.
 */
export function languageSample(text: string): string {
  let sample = '';
  let wordStart = -1;
  for (let i = 0; i <= text.length && sample.length < SAMPLE_CHARACTERS; i++) {
    const space = i === text.length || /\s/.test(text[i]);
    if (!space && wordStart < 0) {
      wordStart = i;
    } else if (space && wordStart >= 0) {
      // A word longer than the sample is no word of a language either.
      const word = i - wordStart <= SAMPLE_CHARACTERS ? text.slice(wordStart, i) : '';
      if (word !== '' && !isLanguageNeutral(word)) {
        sample += (sample === '' ? '' : ' ') + word;
      }
      wordStart = -1;
    }
  }
  return sample.slice(0, SAMPLE_CHARACTERS);
}

/** How many different words (letters only, any case) the sample holds. */
function distinctWords(sample: string): number {
  return new Set(sample.toLowerCase().match(/\p{L}+/gu) ?? []).size;
}

function letterCount(text: string): number {
  return text.match(/\p{L}/gu)?.length ?? 0;
}

/** Most letters are outside the Latin script (Hangul, kana, Han, Cyrillic, Arabic…). */
function isMostlyNonLatin(text: string): boolean {
  const letters = letterCount(text);
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  return letters > 0 && latin * 2 < letters;
}

/** The verdict on a listing text; `memo` (the language service's) keeps the verdicts of the last samples. */
export function descriptionLanguage(text: string, memo: Memo = new Memo()): LanguageVerdict {
  // The script is judged on the text as written: in Japanese or Chinese a "word" runs to the
  // next space and often holds a digit, so the sample would keep little of it.
  const opening = text.slice(0, SAMPLE_CHARACTERS);
  const sample = languageSample(text);
  // The verdict depends on these two alone.
  const key = opening + '\0' + sample;
  return memo.get(VERDICTS, () => new BoundedCache(REMEMBERED_SAMPLES)).get(key, () => detect(opening, sample));
}

function detect(opening: string, sample: string): LanguageVerdict {
  const otherScript = isMostlyNonLatin(opening);
  if (!otherScript && (letterCount(sample) < MIN_LETTERS || distinctWords(sample) < MIN_DISTINCT_WORDS)) {
    return { english: true };
  }
  const [best, ...rest] = lande(otherScript ? opening : sample);
  const english = best?.[0] === 'eng' ? best[1] : rest.find(([code]) => code === 'eng')?.[1] ?? 0;
  if (otherScript) {
    return { english: false, language: best && best[0] !== 'eng' ? best[0] : 'und' };
  }
  return best?.[0] === 'eng' || english >= ENGLISH_PROBABILITY ? { english: true } : { english: false, language: best?.[0] ?? 'und' };
}
