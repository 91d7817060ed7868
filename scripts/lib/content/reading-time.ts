// How long an article takes to read, from its rendered body: words counted between the
// tags, at a pace for Arabic news text. Pure.

/**
 * Words a minute. Measured silent reading of Arabic prose by adults runs at about 140–180
 * words a minute, slower than English (Arabic words carry clitics: وبالمدينة is one word);
 * a news reader skims, so the faster end.
 */
export const WORDS_PER_MINUTE = 180;

/**
 * What a word is made of, and what joins two runs of it into one word (COVID-19, 12.5):
 * the definition wordCount counts by. Its tests count with these as regular expressions
 * over the text with the markup and entities made spaces, and compare.
 */
export const WORD_CHARACTER = /[\p{L}\p{N}\p{M}]/u;
export const WORD_JOINERS = "-'’.";

/** Whether each UTF-16 code unit is a word character (WORD_CHARACTER); surrogates are not, their pairs are asked whole. */
let wordUnits: Uint8Array | undefined;
function wordUnitTable(): Uint8Array {
  if (wordUnits) return wordUnits;
  const table = new Uint8Array(0x10000);
  for (let unit = 0; unit < 0x10000; unit++) if (WORD_CHARACTER.test(String.fromCharCode(unit))) table[unit] = 1;
  return (wordUnits = table);
}

/** Whether a surrogate pair that is a word character (WORD_CHARACTER) begins at `at`. */
function pairedWordCharacter(html: string, at: number): boolean {
  const high = html.charCodeAt(at);
  if (high < 0xd800 || high > 0xdbff) return false;
  const low = html.charCodeAt(at + 1);
  return low >= 0xdc00 && low <= 0xdfff && WORD_CHARACTER.test(html.slice(at, at + 2));
}

const isDigit = (unit: number): boolean => unit >= 48 && unit <= 57;
const isHexDigit = (unit: number): boolean => isDigit(unit) || (unit >= 65 && unit <= 70) || (unit >= 97 && unit <= 102);
const isAsciiLetter = (unit: number): boolean => (unit >= 65 && unit <= 90) || (unit >= 97 && unit <= 122);

/** The end of an entity (&amp; &#1575; &#x627;) at `at`, past its semicolon; `at` when there is none. */
function entityEnd(html: string, at: number): number {
  let position = at + 1;
  if (html.charCodeAt(position) === 35 /* # */) {
    position++;
    let digits = position;
    while (isDigit(html.charCodeAt(digits))) digits++;
    if (digits > position && html.charCodeAt(digits) === 59 /* ; */) return digits + 1;
    const x = html.charCodeAt(position);
    if (x !== 120 && x !== 88) return at;
    let hex = position + 1;
    while (isHexDigit(html.charCodeAt(hex))) hex++;
    return hex > position + 1 && html.charCodeAt(hex) === 59 ? hex + 1 : at;
  }
  while (isAsciiLetter(html.charCodeAt(position))) position++;
  return position > at + 1 && html.charCodeAt(position) === 59 ? position + 1 : at;
}

/**
 * Words of an HTML fragment's text: runs of letters, digits or marks, joined by WORD_JOINERS
 * between two runs; markup (<…>) and entities are spaces. One pass over the code units:
 * the regular expressions it is defined by (its tests) took 0.2 ms an article, a tenth of the
 * time Eleventy spent rendering an article page.
 */
export function wordCount(html: string): number {
  const table = wordUnitTable();
  const length = html.length;
  let words = 0;
  let inWord = false;
  let at = 0;
  while (at < length) {
    const unit = html.charCodeAt(at);
    // Most of a text: a word character of the Basic Multilingual Plane.
    if (table[unit] === 1) {
      if (!inWord) words++;
      inWord = true;
      at++;
      continue;
    }
    if (unit === 60 /* < */) {
      const close = html.indexOf('>', at + 1);
      if (close >= 0) {
        inWord = false;
        at = close + 1;
        continue;
      }
    } else if (unit === 38 /* & */) {
      const end = entityEnd(html, at);
      if (end > at) {
        inWord = false;
        at = end;
        continue;
      }
    }
    const pair = pairedWordCharacter(html, at);
    if (pair) {
      if (!inWord) words++;
      inWord = true;
      at += 2;
      continue;
    }
    // A joiner inside a word keeps it going when a word character follows.
    if (inWord && WORD_JOINERS.includes(html.charAt(at)) && (table[html.charCodeAt(at + 1)] === 1 || pairedWordCharacter(html, at + 1))) {
      at++;
      continue;
    }
    inWord = false;
    at++;
  }
  return words;
}

/** Whole minutes to read an HTML fragment, rounded; 0 for a text read in under half a minute. */
export function readingMinutes(html: string, wordsPerMinute = WORDS_PER_MINUTE): number {
  return Math.round(wordCount(html) / wordsPerMinute);
}
