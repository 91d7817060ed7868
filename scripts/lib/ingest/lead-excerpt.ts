// An article's own excerpt (its front matter's `excerpt`, shown in lists, meta descriptions
// and feeds): the start of its lead paragraph, cut at a word boundary. A search result's
// excerpt, around the words found, is another: assets/js/result-excerpt.ts.

import { collapseWhiteSpace } from './white-space.ts';

const ELLIPSIS = '…';

/** At most maxLength characters (ellipsis included) of the paragraph, cut between words. */
export function leadExcerpt(paragraph: string, maxLength: number): string {
  const text = collapseWhiteSpace(paragraph).trim();
  // Code points, counted only as far as needed: a paragraph can be long.
  if (text.length <= maxLength) return text;
  const characters: string[] = [];
  for (const character of text) {
    characters.push(character);
    if (characters.length > maxLength) break;
  }
  if (characters.length <= maxLength) return text;
  const room = characters.slice(0, maxLength - ELLIPSIS.length).join('');
  const lastSpace = room.lastIndexOf(' ');
  // A single word longer than the excerpt is cut where it must be.
  const cut = lastSpace > 0 ? room.slice(0, lastSpace) : room;
  return `${cut.replace(/[\s،,.:;؛-]+$/u, '')}${ELLIPSIS}`;
}
