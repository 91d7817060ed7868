// How long an article takes to read, from its rendered body: words counted between the
// tags, at a pace for Arabic news text. Pure.

/**
 * Words a minute. Measured silent reading of Arabic prose by adults runs at about 140–180
 * words a minute, slower than English (Arabic words carry clitics: وبالمدينة is one word);
 * a news reader skims, so the faster end.
 */
export const WORDS_PER_MINUTE = 180;

/** Words of an HTML fragment's text: runs of letters or digits, markup and entities left out. */
export function wordCount(html: string): number {
  const text = html.replace(/<[^>]*>/g, ' ').replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, ' ');
  return text.match(/[\p{L}\p{N}\p{M}]+(?:[-'’.][\p{L}\p{N}\p{M}]+)*/gu)?.length ?? 0;
}

/** Whole minutes to read an HTML fragment, rounded; 0 for a text read in under half a minute. */
export function readingMinutes(html: string, wordsPerMinute = WORDS_PER_MINUTE): number {
  return Math.round(wordCount(html) / wordsPerMinute);
}
