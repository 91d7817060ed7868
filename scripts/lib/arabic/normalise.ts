// Arabic text normalisation for matching (tags and search): folds the spelling
// variations that do not change a word's identity. Pure; never used for display.

import { toWesternDigits } from './digits.ts';

// Harakat, tanwin, shadda, sukun, superscript alef and Quranic marks.
const DIACRITICS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed]/g;
const TATWEEL = /\u0640/g;
// Bidi controls and zero-width characters that scraped text often carries.
const INVISIBLES = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** The rules, one regular expression at a time: the definition the fast path must agree with. */
function normaliseArabicByRules(text: string): string {
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

/** In SIMPLE_FOLD: the code unit disappears (a diacritic, tatweel, an invisible). */
export const FOLD_REMOVED = 0xfffe;
/** In SIMPLE_FOLD: the code unit is not simple; only the rules can say what it becomes. */
export const FOLD_NOT_SIMPLE = 0xffff;

/**
 * Code units whose normalisation is one code unit (or none) whatever surrounds them: ASCII,
 * Latin-1 punctuation, the Arabic block, general punctuation and the byte-order mark, but
 * for the few that NFKC turns into several characters and the combining maddah and hamzas,
 * which NFKC composes with the letter before (ه + ٔ → ۀ). tests/arabic/normalise.test.ts
 * checks every pair of them against the rules. Most news text is made of nothing else.
 */
const SIMPLE_RANGES: readonly (readonly [number, number])[] = [[0x0000, 0x007f], [0x00a0, 0x00bf], [0x0600, 0x06ff], [0x2000, 0x206f], [0xfeff, 0xfeff]];
const COMPOSING_MARKS = new Set([0x0653, 0x0654, 0x0655]);

/** For each UTF-16 code unit: what it normalises to (FOLD_REMOVED, FOLD_NOT_SIMPLE, or a code unit). */
export const SIMPLE_FOLD: Readonly<Uint16Array> = buildSimpleFold();

function buildSimpleFold(): Uint16Array {
  const fold = new Uint16Array(0x10000).fill(FOLD_NOT_SIMPLE);
  for (const [first, last] of SIMPLE_RANGES) {
    for (let code = first; code <= last; code += 1) {
      if (COMPOSING_MARKS.has(code)) continue;
      const folded = normaliseArabicByRules(String.fromCharCode(code));
      if (folded.length === 0) fold[code] = FOLD_REMOVED;
      else if (folded.length === 1) fold[code] = folded.charCodeAt(0);
    }
  }
  return fold;
}

/** 1 for a code unit that is part of a word (\p{L} or \p{N}) once folded, 0 otherwise. */
export const WORD_CODE_UNIT: Readonly<Uint8Array> = buildWordCodeUnits();

function buildWordCodeUnits(): Uint8Array {
  const word = new Uint8Array(0x10000);
  const letterOrNumber = /[\p{L}\p{N}]/u;
  for (let code = 0; code < 0x10000; code += 1) {
    const folded = SIMPLE_FOLD[code] as number;
    if (folded !== FOLD_REMOVED && folded !== FOLD_NOT_SIMPLE && letterOrNumber.test(String.fromCharCode(folded))) word[folded] = 1;
  }
  return word;
}

/**
 * Folds diacritics, tatweel, alef forms (أ إ آ ٱ → ا), hamza carriers (ؤ → و, ئ → ي),
 * ta marbuta (ة → ه), alef maqsura (ى → ي) and digits, so that spellings of one word
 * compare equal.
 */
export function normaliseArabic(text: string): string {
  // One pass with a table when every character is simple; the rules themselves otherwise.
  let output = '';
  let runStart = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    const folded = SIMPLE_FOLD[code] as number;
    if (folded === FOLD_NOT_SIMPLE) return normaliseArabicByRules(text);
    if (folded === code) continue;
    output += text.slice(runStart, index);
    if (folded !== FOLD_REMOVED) output += String.fromCharCode(folded);
    runStart = index + 1;
  }
  return runStart === 0 ? text : output + text.slice(runStart);
}

/** Splits normalised text into word tokens (letters and digits of any script). */
export function arabicWords(normalisedText: string): string[] {
  return normalisedText.match(/[\p{L}\p{N}]+/gu) ?? [];
}
