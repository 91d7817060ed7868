// The part of a built page Pagefind indexes (the data-pagefind-body element), read as text,
// and what Pagefind is given: that element, with a block of variant tokens, and the head. Pure
// string work on the HTML the site's own templates write.

import { VARIANT_BLOCK_MARK } from '../arabic/search-normalise.ts';

const BODY_OPENING = /<([a-z][a-z0-9-]*)\b[^>]*\sdata-pagefind-body(?=[\s=>/])[^>]*>/i;

interface BodyElement {
  /** Index of its opening tag. */
  opening: number;
  /** Index of the first character inside the element. */
  start: number;
  /** Index of its closing tag. */
  end: number;
}

function bodyElement(html: string): BodyElement | undefined {
  const opening = BODY_OPENING.exec(html);
  if (!opening) return undefined;
  const tag = (opening[1] ?? '').toLowerCase();
  const start = opening.index + opening[0].length;
  const end = html.toLowerCase().indexOf(`</${tag}>`, start);
  if (end < 0) throw new Error(`the data-pagefind-body <${tag}> is never closed`);
  // The templates never nest an element of the same kind inside it; a nested one would
  // make the first closing tag the wrong one.
  if (new RegExp(`<${tag}[\\s>]`, 'i').test(html.slice(start, end))) {
    throw new Error(`the data-pagefind-body <${tag}> contains another <${tag}>`);
  }
  return { opening: opening.index, start, end };
}

/** True when Pagefind would index the page (it has a data-pagefind-body element). */
export function isIndexedPage(html: string): boolean {
  return BODY_OPENING.test(html);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** The text of the page's data-pagefind-body element (tags, scripts and styles removed). */
export function indexedText(html: string): string {
  const body = bodyElement(html);
  if (!body) return '';
  const inner = html.slice(body.start, body.end)
    .replace(/<(script|style|template)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ');
  return decodeEntities(inner).replace(/\s+/g, ' ').trim();
}

/**
 * What Pagefind is given for a page: its <head> (meta it reads, such as the summary) and
 * the data-pagefind-body element, with the variant tokens appended inside it after
 * VARIANT_BLOCK_MARK (the search page cuts excerpts there). Pagefind indexes nothing else
 * of the page, and parsing the rest (masthead, navigation, related articles) was a sixth
 * of its time; the index it writes is byte for byte the one the whole page gives. Only
 * Pagefind sees this HTML; the published page is unchanged. Tokens are letters and digits.
 */
export function documentForIndex(html: string, tokens: readonly string[]): string {
  const body = bodyElement(html);
  if (!body) return html;
  if (tokens.some((token) => !/^[\p{L}\p{N}]+$/u.test(token))) throw new Error('variant tokens must be letters and digits only');
  const headEnd = html.search(/<\/head>/i);
  const head = headEnd < 0 ? '' : html.slice(0, headEnd + '</head>'.length);
  const block = tokens.length === 0 ? '' : `<p>${VARIANT_BLOCK_MARK} ${tokens.join(' ')}</p>`;
  const closing = html.slice(body.end, html.indexOf('>', body.end) + 1);
  return `${head}<body>${html.slice(body.opening, body.end)}${block}${closing}</body></html>`;
}

/** The date and year the article template gives Pagefind (data-pagefind-sort / -filter). */
export interface PageDateKeys {
  sortKey: string;
  year: string;
}

/** Reads the page's date sort key and year filter; undefined when the page has none. */
export function pageDateKeys(html: string): PageDateKeys | undefined {
  const sortKey = /\sdata-pagefind-sort="date:(\d{14})"/.exec(html)?.[1];
  const year = /\sdata-pagefind-filter="year:(\d{4})"/.exec(html)?.[1];
  return sortKey && year ? { sortKey, year } : undefined;
}
