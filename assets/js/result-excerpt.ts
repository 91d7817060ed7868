// The excerpt a search result shows: a window of the article's own words around the
// matches, never the block of variant tokens the index appends (search-normalise.ts).
// Pure, shared by the search page and its tests. (An article's own excerpt, the start of
// its lead, is ingest/lead-excerpt.ts.)

import { VARIANT_BLOCK_MARK, wordMatchesKeys, wordsOf } from '../../scripts/lib/arabic/search-normalise.ts';

export interface ExcerptPart {
  text: string;
  /** A word the query found. */
  marked: boolean;
}

/** Pagefind counts word locations over the page text split exactly so. */
const WORD_SEPARATORS = /[^\S\uFEFF]+/;
const ELLIPSIS = '…';

/** The page text's words before the variant block (all of them when there is none). */
export function articleWords(content: string): string[] {
  const words = content.split(WORD_SEPARATORS);
  const blockStart = words.indexOf(VARIANT_BLOCK_MARK);
  return blockStart >= 0 ? words.slice(0, blockStart) : words;
}

export interface ExcerptOptions {
  /** Words in the excerpt; default 30, as Pagefind's. */
  length?: number;
  /** Text the page text starts with that the result shows anyway (its title): never in the excerpt. */
  leadingText?: string;
}

/**
 * The excerpt of `length` words with the most matches: the article's own words that read as
 * one of the query keys, as the index matched them (wordMatchesKeys), and no other. Pagefind's
 * own locations are not used: they point into the variant block too. Undefined when the
 * article's words have none.
 */
export function buildExcerpt(content: string, queryKeys: ReadonlySet<string>, options: ExcerptOptions = {}): ExcerptPart[] | undefined {
  const length = options.length ?? 30;
  const words = articleWords(content);
  const first = options.leadingText && content.startsWith(options.leadingText) ? options.leadingText.split(WORD_SEPARATORS).length : 0;
  const marked = new Set<number>();
  words.forEach((word, index) => {
    if (index >= first && wordsOf(word).some((part) => wordMatchesKeys(part, queryKeys))) marked.add(index);
  });
  if (marked.size === 0) return undefined;
  let bestStart = first;
  let bestCount = -1;
  for (const candidate of [...marked].sort((a, b) => a - b)) {
    // Windows that start a little before a match, so it is not the excerpt's first word.
    const start = Math.max(first, Math.min(candidate - Math.floor(length / 3), words.length - length));
    const count = [...marked].filter((index) => index >= start && index < start + length).length;
    if (count > bestCount) [bestStart, bestCount] = [start, count];
  }
  const end = Math.min(words.length, bestStart + length);
  const parts: ExcerptPart[] = [];
  const push = (text: string, isMarked: boolean): void => {
    const last = parts.at(-1);
    if (last && !last.marked && !isMarked) last.text += text;
    else parts.push({ text, marked: isMarked });
  };
  if (bestStart > first) push(`${ELLIPSIS} `, false);
  for (let index = bestStart; index < end; index += 1) {
    if (index > bestStart) push(' ', false);
    push(words[index] ?? '', marked.has(index));
  }
  if (end < words.length) push(` ${ELLIPSIS}`, false);
  return parts;
}
