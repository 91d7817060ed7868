// Arabic text normalisation for matching (tags now, search later): folds the spelling
// variations that do not change a word's identity. Pure; never used for display.

import { toWesternDigits } from './digits.ts';

// Harakat, tanwin, shadda, sukun, superscript alef and Quranic marks.
const DIACRITICS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed]/g;
const TATWEEL = /\u0640/g;
// Bidi controls and zero-width characters that scraped text often carries.
const INVISIBLES = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/**
 * Folds diacritics, tatweel, alef forms (أ إ آ ٱ → ا), hamza carriers (ؤ → و, ئ → ي),
 * ta marbuta (ة → ه), alef maqsura (ى → ي) and digits, so that spellings of one word
 * compare equal.
 */
export function normaliseArabic(text: string): string {
  return toWesternDigits(text.normalize('NFKC'))
    .replace(INVISIBLES, '')
    .replace(DIACRITICS, '')
    .replace(TATWEEL, '')
    .replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627')
    .replace(/\u0624/g, '\u0648')
    .replace(/\u0626/g, '\u064a')
    .replace(/\u0629/g, '\u0647')
    .replace(/\u0649/g, '\u064a')
    .toLowerCase();
}

/** Splits normalised text into word tokens (letters and digits of any script). */
export function arabicWords(normalisedText: string): string[] {
  return normalisedText.match(/[\p{L}\p{N}]+/gu) ?? [];
}

const CONJUNCTIONS = ['و', 'ف'];
const PREPOSITIONS = ['ب', 'ل', 'ك'];
const ARTICLE = 'ال';
const MIN_STEM_LENGTH = 2;

/**
 * The possible bare forms of a normalised word once the attached conjunction (و ف),
 * preposition (ب ل ك) and article (ال, or the ل of لل) are taken off. The word itself is
 * always first: a name that merely starts with one of those letters (لبنان) still matches.
 */
export function withoutClitics(word: string): string[] {
  const forms = new Set<string>([word]);
  const add = (form: string): void => {
    if (form.length >= MIN_STEM_LENGTH) forms.add(form);
  };
  const afterConjunction = [word, ...CONJUNCTIONS.filter((c) => word.startsWith(c)).map((c) => word.slice(c.length))];
  for (const stem of afterConjunction) {
    add(stem);
    const afterPreposition = [stem, ...PREPOSITIONS.filter((p) => stem.startsWith(p)).map((p) => stem.slice(p.length))];
    for (const rest of afterPreposition) {
      add(rest);
      if (rest.startsWith(ARTICLE)) add(rest.slice(ARTICLE.length));
    }
    // لل = ل + ال with the alef dropped: للعراق → العراق → عراق.
    if (stem.startsWith('لل')) add(stem.slice(2));
  }
  return [...forms];
}
