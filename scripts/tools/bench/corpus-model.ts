// The word and sentence model of the benchmark corpus, learnt from the bundled sample
// articles: their clauses (sentences cut at «،»), which gazetteer tags each clause mentions,
// and a word-bigram chain that recombines them into new clauses. Pure: texts in, model out.

import { arabicWords, normaliseArabic } from '../../lib/arabic/normalise.ts';
import { withoutClitics } from '../../lib/arabic/proclitics.ts';
import type { TagDefinition } from '../../lib/config/ingest-settings.ts';
import { compileTagMatcher, type TagMatcher } from '../../lib/ingest/match-tags.ts';
import { parseRawArticle } from '../../lib/ingest/parse-raw-article.ts';

export interface ModelClause {
  text: string;
  /** Gazetteer tag names the clause mentions, in gazetteer order. */
  tags: readonly string[];
  words: number;
}

export interface CorpusModel {
  /** Every clause of the samples, in order. */
  clauses: readonly ModelClause[];
  /** Clauses that mention no gazetteer name. */
  neutralClauses: readonly ModelClause[];
  /** Words that open a clause, once per occurrence (so frequent openers are drawn more). */
  chainStarts: readonly string[];
  /** Each word's successors, once per occurrence; CHAIN_END marks a clause end. */
  chain: ReadonlyMap<string, readonly string[]>;
  /** The sample titles. */
  titles: readonly string[];
  gazetteer: readonly TagDefinition[];
  tags: TagMatcher;
  /**
   * False when no word of the text could open a gazetteer form: a quick check, cached
   * per word, that spares the full matcher on most clauses. True means «maybe».
   */
  mayMentionTags(text: string): boolean;
}

export const CHAIN_END = '\u0000';

/** Clauses shorter than this are joined to the clause after them («وأضاف»، «من جهته»). */
const MIN_CLAUSE_WORDS = 4;

export function countWords(text: string): number {
  return text.split(/\s+/u).filter((word) => word !== '').length;
}

/** Drops «» when they do not pair up inside the clause, so recombined text never leaves a quote open. */
function balanceQuotes(text: string): string {
  const opens = [...text].filter((character) => character === '«').length;
  const closes = [...text].filter((character) => character === '»').length;
  return opens === closes ? text : text.replace(/[«»]/gu, '');
}

/** Cuts a paragraph into clauses: sentences at . ! ؟, then at the Arabic comma. */
export function splitClauses(paragraph: string): string[] {
  const clauses: string[] = [];
  let pending = '';
  for (const sentence of paragraph.split(/(?<=[.!؟])\s+/u)) {
    for (const piece of sentence.split(/\s*،\s*/u)) {
      const text = piece
        .replace(/^(?:\d+-|\*|-|#+|>)\s+/u, '') // list and heading markers are layout, not language
        .replace(/[.!؟:]+$/u, '')
        .trim();
      if (text === '') continue;
      pending = pending === '' ? text : `${pending}، ${text}`;
      if (countWords(pending) >= MIN_CLAUSE_WORDS) {
        clauses.push(balanceQuotes(pending));
        pending = '';
      }
    }
  }
  if (pending !== '') clauses.push(balanceQuotes(pending));
  return clauses;
}

/** The first word of every gazetteer form, as the matcher compares them (normalised, with and without the article). */
function gazetteerFirstWords(gazetteer: readonly TagDefinition[]): Set<string> {
  const words = new Set<string>();
  for (const tag of gazetteer) {
    for (const form of tag.forms) {
      const [word] = arabicWords(normaliseArabic(form));
      if (word === undefined) continue;
      words.add(word);
      if (word.startsWith('ال')) words.add(word.slice(2));
    }
  }
  return words;
}

function wordCheck(gazetteer: readonly TagDefinition[]): (text: string) => boolean {
  const formWords = gazetteerFirstWords(gazetteer);
  const cache = new Map<string, boolean>();
  const mayBelong = (word: string): boolean => {
    let answer = cache.get(word);
    if (answer === undefined) {
      answer = arabicWords(normaliseArabic(word)).some((part) => withoutClitics(part).some((form) => formWords.has(form)));
      cache.set(word, answer);
    }
    return answer;
  };
  return (text) => text.split(/\s+/u).some(mayBelong);
}

export function buildCorpusModel(
  sampleTexts: readonly string[],
  settings: { boilerplateLines: readonly string[]; tagGazetteer: readonly TagDefinition[] },
): CorpusModel {
  const tags = compileTagMatcher(settings.tagGazetteer);
  const clauses: ModelClause[] = [];
  const titles: string[] = [];
  for (const text of sampleTexts) {
    const parsed = parseRawArticle(text, settings.boilerplateLines);
    if (!parsed.ok) continue;
    titles.push(parsed.article.title);
    for (const paragraph of parsed.article.paragraphs) {
      for (const clause of splitClauses(paragraph)) clauses.push({ text: clause, tags: tags.match(clause), words: countWords(clause) });
    }
  }
  if (clauses.length === 0) throw new Error('the sample articles hold no body text to learn from');

  const chainStarts: string[] = [];
  const chain = new Map<string, string[]>();
  for (const clause of clauses) {
    const words = clause.text.split(/\s+/u);
    chainStarts.push(words[0] ?? '');
    words.forEach((word, index) => {
      const successors = chain.get(word) ?? [];
      successors.push(words[index + 1] ?? CHAIN_END);
      chain.set(word, successors);
    });
  }
  return {
    clauses,
    neutralClauses: clauses.filter((clause) => clause.tags.length === 0),
    chainStarts,
    chain,
    titles,
    gazetteer: settings.tagGazetteer,
    tags,
    mayMentionTags: wordCheck(settings.tagGazetteer),
  };
}
