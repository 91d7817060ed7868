// Arabic search normalisation, shared by the index (Node) and the search page (browser): one
// search key per word, added to each page as a block of variant tokens and sent as the query.
// Pure; no Node or DOM APIs.
//
// Where word forms are resolved (measured with `npm run search:recall`, recall and precision
// sets): here, not in Pagefind. Pagefind's Arabic stemmer cuts words down to two letters, so
// «الانتخابات» found every page with «أن» and «المازوت» every page with «مازن». The index is
// built under a language code Pagefind has no stemmer for (SEARCH_INDEX_LANGUAGE): it then
// indexes the words as written (lower-cased, also without marks) and matches a query word
// as a prefix of them. Everything else is this module's: folding (ة/ه, ى/ي, alef and hamza
// forms, tatweel, digits), the proclitics و ف ب ك ل ال in every combination, spelling
// variants, and the sound plural endings of a query word.

import { normaliseArabic } from './normalise.ts';
import { ARTICLE, CONJUNCTIONS, MIN_STEM, PREPOSITIONS } from './proclitics.ts';

/** Starts the block of variant tokens at the end of a page's indexed text. */
export const VARIANT_BLOCK_MARK = '⁂';

// Harakat, tanwin, shadda, sukun, superscript alef, Quranic marks; tatweel; bidi and
// zero-width characters.
const IGNORABLE = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const WORD = /[\p{L}\p{N}\p{M}\u0640\u200c\u200d]+/gu;


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

// The letters of proclitics.ts, as character classes.
const CONJUNCTION = `[${CONJUNCTIONS.join('')}]`;
const PREPOSITION = `[${PREPOSITIONS.join('')}]`;
const PREPOSITION_BEFORE_ARTICLE = `[${PREPOSITIONS.filter((letter) => letter !== 'ل').join('')}]`;
// و/ف, then ب/ك/ل, then the article; ل + ال is written لل.
const WITH_ARTICLE = new RegExp(`^(${CONJUNCTION}?)(?:(${PREPOSITION_BEFORE_ARTICLE}?)${ARTICLE}|(ل)ل)(.+)$`, 'u');
// و/ف and ب/ك/ل before a hamzated alef (وإيران، بأوروبا، لأميركا): no Arabic word starts so.
const BEFORE_HAMZATED_ALEF = new RegExp(`^${CONJUNCTION}?${PREPOSITION}?(?=[\u0622\u0623\u0625])`, 'u');
const SINGLE_LETTERS = new RegExp(`^(${CONJUNCTION}?)(${PREPOSITION}?)(.+)$`, 'u');

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
  return letters && clean.length - letters.length >= MIN_STEM ? clean.slice(letters.length) : clean;
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

/** Language code the index is built under: private use, so Pagefind applies no stemmer. */
export const SEARCH_INDEX_LANGUAGE = 'qaa';

/**
 * Sound plural endings a query word is searched without, so that it finds the
 * singular and every other ending by prefix: «مهندسون» → «مهندس» finds مهندس، مهندسين،
 * مهندسة; «حكومات» → «حكوم» finds حكومة. Only with four letters left: with three, «تشرين»
 * would become «تشر» and find «تشريع», «قانون» «قان».
 */
const PLURAL_ENDING = /^(.{4,})(?:ون|ين|ات)$/u;

const FEMININE_PLURAL = /^(.{3,})ات$/u;

/**
 * The keys of a cleaned word as written: its search key and, for a feminine plural, the
 * singular's (السيارات is found by «سيارة»: the singular's key is no prefix of the plural's,
 * as the masculine's is of its plurals, مهندس of مهندسون).
 */
function ownKeys(clean: string): string[] {
  const key = searchKey(clean);
  const feminine = FEMININE_PLURAL.exec(key);
  return feminine ? [key, `${feminine[1]}\u0647`] : [key];
}

/** The form a query word is searched under: its search key without a plural ending. */
export const queryKey = perWord((word) => {
  const key = searchKey(word);
  return PLURAL_ENDING.exec(key)?.[1] ?? key;
});

interface Reading {
  /** The word with one or two proclitic letters off: لروسيا → روسيا. */
  remainder: string;
}

/**
 * Every reading of a cleaned word with single proclitic letters off, at each split point
 * (و + لروسيا as well as ول + روسيا). Ambiguous: لبنان is not ل + بنان. A remainder that
 * starts with alef is no reading: ل + ال is written لل, and «لاعب» is not ل + اعب.
 */
function singleLetterReadings(clean: string): Reading[] {
  // A word whose proclitics are unambiguous (والعراق، للحكومة، وإيران) has its key already.
  if (stripProclitics(clean) !== clean) return [];
  const [, conjunction = '', preposition = '', rest = ''] = SINGLE_LETTERS.exec(clean) ?? [];
  const splits = [
    ...(conjunction ? [{ remainder: preposition + rest }] : []),
    ...(preposition ? [{ remainder: rest }] : []),
  ];
  return splits.filter(({ remainder }) => remainder.length >= MIN_STEM && !remainder.startsWith('\u0627'));
}

/** What the archive says about its own words: which take the article. */
export interface SearchVocabulary {
  /** Folded words seen after the article: nouns in their own right (لجنة, from اللجنة). */
  withArticle: Set<string>;
}

export function emptyVocabulary(): SearchVocabulary {
  return { withArticle: new Set() };
}

/** A word's folded stem when it is written with the article (اللجنة → لجنه), else ''. */
const nounAfterArticle = perWord((word) => {
  const clean = cleanWord(word);
  return hasArticle(clean) ? foldWord(stripProclitics(clean)) : '';
});

/** The distinct words of a text, in the order they first appear, as written. */
export function distinctWords(text: string): string[] {
  return [...new Set(wordsOf(text))];
}

/** Adds one page's distinct words (distinctWords) to the vocabulary. */
export function addWordsToVocabulary(vocabulary: SearchVocabulary, words: readonly string[]): void {
  for (const word of words) {
    const noun = nounAfterArticle(word);
    if (noun) vocabulary.withArticle.add(noun);
  }
}

/** Adds the words of one page to the vocabulary. */
export function addToVocabulary(vocabulary: SearchVocabulary, text: string): void {
  addWordsToVocabulary(vocabulary, distinctWords(text));
}

/**
 * How Pagefind indexes a word under SEARCH_INDEX_LANGUAGE: as written, lower-cased (with
 * tatweel, presentation forms and Arabic-Indic digits as they are).
 */
const asPagefindIndexes = perWord((word) => word.toLowerCase());

/**
 * The tokens a page needs so that the search key of each of its words finds it: the key
 * itself, and the key of every reading with single proclitic letters off (وفنزويلا →
 * فنزويلا, لتركيا → تركيا) — those only when the archive does not use the whole word with
 * the article (لجنة is not ل + جنة: the archive says اللجنة; وزير is not و + زير), unless
 * what remains is a known spelling variant. Tokens already on the page as Pagefind indexes
 * its words are left out: Pagefind finds those itself.
 */
export function variantTokens(text: string, vocabulary: SearchVocabulary): string[] {
  return variantTokenizer(vocabulary)(distinctWords(text));
}

/**
 * variantTokens for many pages of one archive, each given as its distinct words
 * (distinctWords): what each distinct word contributes is worked out once (the vocabulary
 * is complete by then), not once per page it is on.
 */
export function variantTokenizer(vocabulary: SearchVocabulary): (words: readonly string[]) => string[] {
  const candidatesByClean = new Map<string, readonly string[]>();
  const candidatesOf = (clean: string): readonly string[] => {
    let candidates = candidatesByClean.get(clean);
    if (!candidates) {
      const found = ownKeys(clean);
      const aNounOfItsOwn = vocabulary.withArticle.has(foldWord(clean));
      for (const { remainder } of singleLetterReadings(clean)) {
        if (!aNounOfItsOwn || canonicalSpelling(remainder) !== remainder) found.push(searchKey(remainder));
      }
      candidates = found.filter((token) => token.length >= 2);
      candidatesByClean.set(clean, candidates);
    }
    return candidates;
  };
  return (words) => {
    // What Pagefind finds by itself: the page's words as it indexes them.
    const present = new Set(words.map(asPagefindIndexes));
    const tokens = new Set<string>();
    for (const word of words) {
      for (const token of candidatesOf(cleanWord(word))) if (!present.has(token)) tokens.add(token);
    }
    return [...tokens];
  };
}

/** Every key a page word can be read as, for highlighting: its own and those with proclitic letters off. */
export function readingsOf(word: string): string[] {
  const clean = cleanWord(word);
  return [...ownKeys(clean), ...singleLetterReadings(clean).map(({ remainder }) => searchKey(remainder))];
}

/**
 * True when a page word is one the query found: one of its readings starts with one of the
 * query's keys, as Pagefind matches them (a key is a prefix of the words it finds).
 */
export function wordMatchesKeys(word: string, keys: ReadonlySet<string>): boolean {
  return readingsOf(word).some((reading) => [...keys].some((key) => key.length > 0 && reading.startsWith(key)));
}

/** How the search page asks the index for a query. */
export interface QueryPlan {
  /** A query with a quoted phrase, only cleaned: an exact-phrase search means what it says. */
  phrase?: string;
  /**
   * Each word: its query key; the word as typed, cleaned, lower-cased (the form a page holds
   * exactly, ranked above variants); and the reading with a proclitic letter off, if any.
   */
  words: { key: string; written: string; reading?: { key: string; withArticle: string } }[];
  /** Every key the plan may search (for highlighting). */
  keys: string[];
}

/**
 * The plan for a query. A word that may be a proclitic letter and a word (لروسيا, كمال) has
 * a reading (روسيا, مال) with, to decide, the reading with the article as written: an index
 * that has «المال» says «كمال» is not ك + مال, and the search page then searches «كمال» only.
 */
export function planQuery(query: string): QueryPlan {
  if (query.includes('"')) {
    return { phrase: query.replace(IGNORABLE, '').trim(), words: [], keys: wordsOf(query).map(queryKey) };
  }
  const words = wordsOf(query).map((word) => {
    const reading = singleLetterReadings(cleanWord(word)).at(-1);
    return {
      key: queryKey(word),
      written: cleanWord(word).toLowerCase(),
      // The reading is searched as a whole word (a guess: «جانب» is no reading of «لجان»), so
      // with its search key, not the query key without a plural ending.
      ...(reading ? { reading: { key: searchKey(reading.remainder), withArticle: `ال${reading.remainder}`.toLowerCase() } } : {}),
    };
  });
  return { words, keys: [...new Set(words.flatMap((word) => [word.key, ...(word.reading ? [word.reading.key] : [])]))] };
}
