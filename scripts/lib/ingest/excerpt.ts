// The excerpt shown in lists, meta descriptions and feeds: the start of the first
// paragraph, cut at a word boundary.

const ELLIPSIS = '…';

/** At most maxLength characters (ellipsis included) of the paragraph, cut between words. */
export function makeExcerpt(paragraph: string, maxLength: number): string {
  const text = paragraph.replace(/\s+/gu, ' ').trim();
  const characters = [...text];
  if (characters.length <= maxLength) return text;
  const room = characters.slice(0, maxLength - ELLIPSIS.length).join('');
  const lastSpace = room.lastIndexOf(' ');
  // A single word longer than the excerpt is cut where it must be.
  const cut = lastSpace > 0 ? room.slice(0, lastSpace) : room;
  return `${cut.replace(/[\s،,.:;؛-]+$/u, '')}${ELLIPSIS}`;
}
