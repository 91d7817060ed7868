// Tags an article from the gazetteer: a tag applies when one of its forms appears in the
// title or body, compared after Arabic normalisation and with attached clitics stripped,
// so «والإيرانية» and «للعراق» find إيران and العراق. countMentions counts them for scoring
// (score-tags.ts): the longest form wins where forms overlap, and a form right after a
// currency word («دولار أميركي») names the currency, not the country.

import { arabicWords, FOLD_NOT_SIMPLE, FOLD_REMOVED, normaliseArabic, SIMPLE_FOLD, WORD_CODE_UNIT } from '../arabic/normalise.ts';
import { CLITIC_PREFIXES, withoutClitics } from '../arabic/proclitics.ts';
import type { TagDefinition } from '../config/ingest-settings.ts';

interface CompiledTag {
  name: string;
  /** Each form as a sequence of bare word forms, each named by its number in formWords. */
  forms: number[][];
}

/**
 * A word of the text that can stand for some gazetteer word: the gazetteer words among its
 * bare forms (withoutClitics), and whether one of them starts a form.
 */
interface Candidate {
  word: string;
  formWords: ReadonlySet<number>;
  /** The forms this word can start (by tag number): none unless one of its bare forms starts a form; then also every empty form. */
  startsForms: readonly { tag: number; form: readonly number[] }[];
  /** One of its bare forms is a currency word. */
  currency: boolean;
}

export interface TagMatcher {
  /** The tag names, each once, in gazetteer order. */
  readonly names: readonly string[];
  /** The names of the tags the text mentions, in gazetteer order. */
  match(text: string): string[];
  /**
   * How many times the text mentions each tag, by name (only those it mentions, in gazetteer
   * order). Mentions do not overlap: where forms overlap the longest wins («الليرة السورية»
   * is the pound, not سورية), and a form right after a currency word is no mention.
   */
  countMentions(text: string): Map<string, number>;
}

export interface TagMatcherOptions {
  /** Words after which a form is no mention (see IngestSettings.currencyWords). */
  currencyWords?: readonly string[];
}

function bareForm(word: string): string {
  return word.startsWith('ال') && word.length > 3 ? word.slice(2) : word;
}

/** Not a candidate. */
const NONE = -1;
const HASH_BITS = 16;

// FNV-1a over UTF-16 code units.
const HASH_SEED = 0x811c9dc5 | 0;
const HASH_PRIME = 0x01000193;

export function compileTagMatcher(gazetteer: readonly TagDefinition[], options: TagMatcherOptions = {}): TagMatcher {
  const formWordNumbers = new Map<string, number>();
  const numberOf = (word: string): number => {
    let number = formWordNumbers.get(word);
    if (number === undefined) {
      number = formWordNumbers.size;
      formWordNumbers.set(word, number);
    }
    return number;
  };
  const tags: CompiledTag[] = gazetteer.map((tag) => ({
    name: tag.name,
    forms: tag.forms.map((form) => arabicWords(normaliseArabic(form)).map(bareForm).map(numberOf)),
  }));
  // A tag is found by name, as two gazetteer entries with one name are one tag to the reader.
  const nameNumbers = tags.map((tag) => tags.findIndex((other) => other.name === tag.name));
  const firstWords = new Set(tags.flatMap((tag) => tag.forms.flatMap((form) => (form.length > 0 ? [form[0] as number] : []))));
  // Currency words become candidates like form words, so the one pass over the text sees them.
  const currencyWords = new Set((options.currencyWords ?? []).flatMap((word) => arabicWords(normaliseArabic(word)).map(bareForm).map(numberOf)));

  // Only words made of a clitic prefix and a gazetteer word can mean anything to a tag: list
  // them all up front, with their bare forms worked out by withoutClitics itself.
  const candidates: Candidate[] = [];
  const candidateByWord = new Map<string, number>();
  for (const formWord of formWordNumbers.keys()) {
    for (const prefix of CLITIC_PREFIXES) {
      const word = prefix + formWord;
      if (candidateByWord.has(word)) continue;
      const formWords = new Set(withoutClitics(word).flatMap((form) => {
        const number = formWordNumbers.get(form);
        return number === undefined ? [] : [number];
      }));
      if (formWords.size === 0) continue;
      const startsAForm = [...formWords].some((number) => firstWords.has(number));
      const startsForms = startsAForm
        ? tags.flatMap((tag, number) => tag.forms.filter((form) => form.length === 0 || formWords.has(form[0] as number)).map((form) => ({ tag: number, form })))
        : [];
      const currency = [...formWords].some((number) => currencyWords.has(number));
      candidateByWord.set(word, candidates.length);
      candidates.push({ word, formWords, startsForms, currency });
    }
  }
  // Words are recognised by a hash of their folded code units, checked against the candidate.
  const candidatesByHash = new Map<number, number[]>();
  const hashFilter = new Uint8Array(1 << HASH_BITS);
  candidates.forEach((candidate, number) => {
    let hash = HASH_SEED;
    for (let index = 0; index < candidate.word.length; index += 1) hash = Math.imul(hash ^ candidate.word.charCodeAt(index), HASH_PRIME);
    candidatesByHash.set(hash, [...(candidatesByHash.get(hash) ?? []), number]);
    hashFilter[hash >>> (32 - HASH_BITS)] = 1;
  });

  let tokens: Int32Array = new Int32Array(1024);
  // No longer word can be a candidate.
  const wordBuffer = new Uint16Array(Math.max(1, ...candidates.map((candidate) => candidate.word.length)));

  /** The candidate a word of the text (its folded code units in wordBuffer) is, or NONE. */
  const candidateOf = (hash: number, length: number): number => {
    if (length > wordBuffer.length || hashFilter[hash >>> (32 - HASH_BITS)] !== 1) return NONE;
    for (const number of candidatesByHash.get(hash) ?? []) {
      const { word } = candidates[number] as Candidate;
      if (word.length !== length) continue;
      let index = 0;
      while (index < length && word.charCodeAt(index) === wordBuffer[index]) index += 1;
      if (index === length) return number;
    }
    return NONE;
  };

  const grow = (): Int32Array => {
    const grown = new Int32Array(tokens.length * 2);
    grown.set(tokens);
    tokens = grown;
    return grown;
  };

  /** The words of the text as arabicWords(normaliseArabic(text)) gives them, as candidates (or NONE) in tokens. */
  const tokenise = (text: string): number => {
    let words = tokens;
    let count = 0;
    let hash = HASH_SEED;
    let length = 0;
    // One pass over the text, folding as normaliseArabic would, hashing each word as it goes.
    for (let index = 0; index <= text.length; index += 1) {
      const folded = index < text.length ? SIMPLE_FOLD[text.charCodeAt(index)] as number : 0x20;
      if (folded === FOLD_REMOVED) continue;
      if (folded === FOLD_NOT_SIMPLE) return tokeniseByRules(text);
      if (WORD_CODE_UNIT[folded] === 1) {
        hash = Math.imul(hash ^ folded, HASH_PRIME);
        if (length < wordBuffer.length) wordBuffer[length] = folded;
        length += 1;
      } else if (length > 0) {
        if (count === words.length) words = grow();
        words[count] = candidateOf(hash, length);
        count += 1;
        hash = HASH_SEED;
        length = 0;
      }
    }
    return count;
  };

  /** A text with a character only the full rules can fold: the slow, exact way. */
  const tokeniseByRules = (text: string): number => {
    const words = arabicWords(normaliseArabic(text));
    while (tokens.length < words.length) grow();
    words.forEach((word, index) => {
      tokens[index] = candidateByWord.get(word) ?? NONE;
    });
    return words.length;
  };

  /** The length in words of the longest form that starts at this word, and its tag; 0 when none does. */
  const longestFormAt = (index: number, count: number): { tag: number; length: number } => {
    let best = { tag: NONE, length: 0 };
    const candidate = tokens[index] as number;
    if (candidate === NONE) return best;
    for (const { tag, form } of (candidates[candidate] as Candidate).startsForms) {
      if (form.length <= best.length || index + form.length > count) continue;
      let offset = 1;
      while (offset < form.length) {
        const other = tokens[index + offset] as number;
        if (other === NONE || !(candidates[other] as Candidate).formWords.has(form[offset] as number)) break;
        offset += 1;
      }
      // Of forms of one length, the first in the gazetteer.
      if (offset === form.length) best = { tag, length: form.length };
    }
    return best;
  };

  const names = tags.map((tag) => tag.name).filter((name, number) => nameNumbers[number] === number);

  return {
    names,
    countMentions(text: string): Map<string, number> {
      const count = tokenise(text);
      const mentions = new Int32Array(tags.length);
      let index = 0;
      while (index < count) {
        const { tag, length } = longestFormAt(index, count);
        if (length === 0) {
          index += 1;
          continue;
        }
        const previous = index > 0 ? tokens[index - 1] as number : NONE;
        if (previous === NONE || !(candidates[previous] as Candidate).currency) {
          const name = nameNumbers[tag] as number;
          mentions[name] = (mentions[name] as number) + 1;
        }
        index += length;
      }
      const counted = new Map<string, number>();
      tags.forEach((tag, number) => {
        if (mentions[number] as number > 0) counted.set(tag.name, mentions[number] as number);
      });
      return counted;
    },

    match(text: string): string[] {
      const count = tokenise(text);
      const found = new Uint8Array(tags.length);
      for (let index = 0; index < count; index += 1) {
        const candidate = tokens[index] as number;
        if (candidate === NONE) continue;
        for (const { tag, form } of (candidates[candidate] as Candidate).startsForms) {
          const name = nameNumbers[tag] as number;
          if (found[name] === 1) continue;
          let offset = 1;
          while (offset < form.length && index + offset < count) {
            const other = tokens[index + offset] as number;
            if (other === NONE || !(candidates[other] as Candidate).formWords.has(form[offset] as number)) break;
            offset += 1;
          }
          if (offset >= form.length) found[name] = 1;
        }
      }
      return tags.filter((_tag, number) => found[nameNumbers[number] as number] === 1).map((tag) => tag.name);
    },
  };
}
