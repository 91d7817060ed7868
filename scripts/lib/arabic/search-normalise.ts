// Arabic search normalisation, shared by the index (Node) and the search page (browser):
// spellings Pagefind does not connect by itself get one search key, which is added to each
// page as a block of variant tokens and sent as the query. Pure; no Node or DOM APIs.
//
// Measured with Pagefind 1.6 (npm run search:recall): with lang="ar" it already folds
// diacritics, tatweel, أ/إ/آ, ة/ه, ى/ي, ؤ/ئ and both digit forms, and its stemmer takes
// و ف ب ال بال لل off most words. It misses و/ف before ال (والعراق), any proclitic before a
// hamzated alef (وإيران، بأوروبا), ل and ك before a word (لروسيا), bare/ال pairs its
// stemmer cuts differently (شؤون / الشؤون) and spelling variants (سوريا/سورية,
// الأميركية/الأمريكية, مسئول/مسؤول). The keys below cover those and nothing else.

import { normaliseArabic } from './normalise.ts';

/** Starts the block of variant tokens at the end of a page's indexed text. */
export const VARIANT_BLOCK_MARK = '⁂';

// Harakat, tanwin, shadda, sukun, superscript alef, Quranic marks; tatweel; bidi and
// zero-width characters.
const IGNORABLE = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const WORD = /[\p{L}\p{N}\p{M}\u0640\u200c\u200d]+/gu;

/** Shortest stem the article is taken off: «الله» stays «الله», not «له». */
const MIN_STEM = 3;
/** Shortest word left once a proclitic letter is taken off. */
const MIN_REMAINDER = 3;

/**
 * Spellings newsrooms mix, applied to a word without its proclitics and with its hamza
 * still written; each rule writes the others as one.
 */
const SPELLING_VARIANTS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^سوريا$/u, 'سورية'],
  // أميركا، الأميركية، أميركيون → أمريكا، الأمريكية، أمريكيون
  [/^[اأ]ميرك/u, 'أمريك'],
  // مسئول، شئون، مسئولية → مسؤول، شؤون، مسؤولية
  [/ئو/gu, 'ؤو'],
  [/^ترمب$/u, 'ترامب'],
];

// و/ف, then ب/ك/ل, then the article; ل + ال is written لل.
const WITH_ARTICLE = /^([وف]?)(?:([بك]?)ال|(ل)ل)(.+)$/u;
// و/ف and ب/ك/ل before a hamzated alef (وإيران، بأوروبا، لأميركا): no Arabic word starts so.
const BEFORE_HAMZATED_ALEF = /^[وف]?[بكل]?(?=[\u0622\u0623\u0625])/u;
const SINGLE_LETTERS = /^([وف]?)([بكل]?)(.+)$/u;

/**
 * A word function that computes each word once: an archive repeats the same few tens of
 * thousands of words, and indexing thousands of articles asks about each of them again and
 * again. Bounded, so a long-lived process cannot grow it without end.
 */
function perWord(compute: (word: string) => string): (word: string) => string {
  const known = new Map<string, string>();
  return (word) => {
    let result = known.get(word);
    if (result === undefined) {
      result = compute(word);
      if (known.size >= 100_000) known.clear();
      known.set(word, result);
    }
    return result;
  };
}

/** Words of a text, in order, as written (marks and tatweel kept inside the word). */
export function wordsOf(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** A word without what never tells words apart: marks, tatweel, invisibles; ٱ is alef. Hamza stays. */
export const cleanWord = perWord((word) => word.normalize('NFKC').replace(IGNORABLE, '').replace(/\u0671/g, '\u0627'));

/** Folds written variants as Pagefind folds them too: alef forms, ة, ى, hamza carriers, digits. */
export const foldWord = perWord(normaliseArabic);

/** One spelling for the variants of SPELLING_VARIANTS. */
export function canonicalSpelling(stem: string): string {
  return SPELLING_VARIANTS.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), stem);
}

/**
 * A cleaned word without the proclitics that cannot be part of it: a sequence ending in
 * the article (ال وال فال بال كال لل وبال…), or any before a hamzated alef. With a stem too
 * short to take the article off (الله، والد), only the letters before it go.
 */
export function stripProclitics(clean: string): string {
  const article = WITH_ARTICLE.exec(clean);
  if (article) {
    const [, conjunction = '', preposition = '', lam = '', stem = ''] = article;
    if (stem.length >= MIN_STEM) return stem;
    // لله is ل + الله: the article's alef and one lam are not written.
    return lam ? `الل${stem}` : conjunction || preposition ? `ال${stem}` : clean;
  }
  const letters = BEFORE_HAMZATED_ALEF.exec(clean)?.[0] ?? '';
  return letters && clean.length - letters.length >= MIN_REMAINDER ? clean.slice(letters.length) : clean;
}

/** True when the word starts with the article, possibly after و ف ب ك ل. */
function hasArticle(clean: string): boolean {
  const article = WITH_ARTICLE.exec(clean);
  return article !== null && (article[4] ?? '').length >= MIN_STEM;
}

/**
 * The form a word is searched under: cleaned, without its unambiguous proclitics, one
 * spelling of the variants, folded. «والعراق», «بالعراق» and «العراق» share «عراق»;
 * «سوريا» and «سورية» share «سوريه»; «وإيران» and «ايران» share «ايران».
 */
export const searchKey = perWord((word) => foldWord(canonicalSpelling(stripProclitics(cleanWord(word)))));

interface Reading {
  /** The word with one or two proclitic letters off: لروسيا → روسيا. */
  remainder: string;
  /** Taken off by ل or ك, which Pagefind's stemmer leaves on. */
  byLamOrKaf: boolean;
}

/**
 * Every reading of a cleaned word with single proclitic letters off, at each split point
 * (و + لروسيا as well as ول + روسيا). Ambiguous: لبنان is not ل + بنان.
 */
function singleLetterReadings(clean: string): Reading[] {
  const [, conjunction = '', preposition = '', rest = ''] = SINGLE_LETTERS.exec(clean) ?? [];
  const splits = [
    ...(conjunction ? [{ letters: conjunction, remainder: preposition + rest }] : []),
    ...(preposition ? [{ letters: conjunction + preposition, remainder: rest }] : []),
  ];
  return splits
    .filter(({ remainder }) => remainder.length >= MIN_REMAINDER && !remainder.startsWith('\u0627'))
    .map(({ letters, remainder }) => ({ remainder, byLamOrKaf: /[لك]/u.test(letters) }));
}

/** What the archive says about its own words: which exist, and which take the article. */
export interface SearchVocabulary {
  /** Search keys of every word in the archive. */
  keys: Set<string>;
  /** Folded words seen after the article: nouns in their own right (لجنة, from اللجنة). */
  withArticle: Set<string>;
}

export function emptyVocabulary(): SearchVocabulary {
  return { keys: new Set(), withArticle: new Set() };
}

/** Adds the words of one page to the vocabulary. */
export function addToVocabulary(vocabulary: SearchVocabulary, text: string): void {
  for (const word of new Set(wordsOf(text))) {
    const clean = cleanWord(word);
    vocabulary.keys.add(searchKey(clean));
    if (hasArticle(clean)) vocabulary.withArticle.add(foldWord(stripProclitics(clean)));
  }
}

/**
 * The tokens a page needs so that the search key of each of its words finds it: the key
 * itself, and the key with ل or ك taken off — that one only when the archive uses what
 * remains as a word and does not use the whole with the article (لروسيا → روسيا, but
 * لجنة is not ل + جنة), unless what remains is a known spelling variant. Tokens already on
 * the page as words are left out: Pagefind finds and highlights those itself.
 */
export function variantTokens(text: string, vocabulary: SearchVocabulary): string[] {
  return variantTokenizer(vocabulary)(text);
}

/**
 * variantTokens for many pages of one archive: what each distinct word contributes is
 * worked out once (the vocabulary is complete by then), not once per page it is on.
 */
export function variantTokenizer(vocabulary: SearchVocabulary): (text: string) => string[] {
  const candidatesByWord = new Map<string, readonly string[]>();
  const candidatesOf = (clean: string): readonly string[] => {
    let candidates = candidatesByWord.get(clean);
    if (!candidates) {
      const found = [searchKey(clean)];
      for (const { remainder, byLamOrKaf } of singleLetterReadings(clean)) {
        const key = searchKey(remainder);
        if (canonicalSpelling(remainder) !== remainder) found.push(key);
        else if (byLamOrKaf && vocabulary.keys.has(key) && !vocabulary.withArticle.has(foldWord(clean))) found.push(key);
      }
      candidates = found;
      candidatesByWord.set(clean, candidates);
    }
    return candidates;
  };
  return (text) => {
    const words = [...new Set(wordsOf(text).map(cleanWord))];
    const present = new Set(words.map(foldWord));
    const tokens = new Set<string>();
    for (const clean of words) {
      for (const token of candidatesOf(clean)) {
        if (token.length >= 2 && !present.has(token)) tokens.add(token);
      }
    }
    return [...tokens];
  };
}

/** Every key a page word can be read as, for highlighting: its own and those with proclitic letters off. */
export function readingsOf(word: string): string[] {
  const clean = cleanWord(word);
  return [searchKey(clean), ...singleLetterReadings(clean).map(({ remainder }) => searchKey(remainder))];
}

/** True when a page word can be read as one of the query's keys. */
export function wordMatchesKeys(word: string, keys: ReadonlySet<string>): boolean {
  return readingsOf(word).some((reading) => keys.has(reading));
}

/**
 * The query as Pagefind should receive it: each word replaced by its search key. A query
 * with a quoted phrase is only cleaned, so an exact-phrase search still means what it says.
 */
export function normaliseQuery(query: string): string {
  if (query.includes('"')) return query.replace(IGNORABLE, '').trim();
  return wordsOf(query).map(searchKey).join(' ');
}

/**
 * A second query for when the first finds nothing: ل and ك taken off too (لروسيا →
 * روسيا). Not tried first, because لبنان, لجنة and كمال are words of their own. Undefined
 * when it would be the same query.
 */
export function fallbackQuery(query: string): string | undefined {
  if (query.includes('"')) return undefined;
  const keys = wordsOf(query).map((word) => {
    const reading = singleLetterReadings(cleanWord(word)).filter(({ byLamOrKaf }) => byLamOrKaf).at(-1);
    return searchKey(reading?.remainder ?? word);
  });
  const fallback = keys.join(' ');
  return fallback === normaliseQuery(query) ? undefined : fallback;
}
