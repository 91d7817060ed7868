// The part of a built page Pagefind indexes (the data-pagefind-body element), read as text,
// and the same page with a block of variant tokens appended inside that element. Pure
// string work on the HTML the site's own templates write.

import { VARIANT_BLOCK_MARK } from '../arabic/search-normalise.ts';

const BODY_OPENING = /<([a-z][a-z0-9-]*)\b[^>]*\sdata-pagefind-body(?=[\s=>/])[^>]*>/i;

interface BodyElement {
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
  return { start, end };
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
 * The page with the variant tokens appended inside its data-pagefind-body element, after
 * VARIANT_BLOCK_MARK (the search page cuts excerpts there). Only Pagefind sees this HTML;
 * the published page is unchanged. Tokens are letters and digits only.
 */
export function withVariantBlock(html: string, tokens: readonly string[]): string {
  const body = bodyElement(html);
  if (!body || tokens.length === 0) return html;
  if (tokens.some((token) => !/^[\p{L}\p{N}]+$/u.test(token))) throw new Error('variant tokens must be letters and digits only');
  const block = `<p>${VARIANT_BLOCK_MARK} ${tokens.join(' ')}</p>`;
  return `${html.slice(0, body.end)}${block}${html.slice(body.end)}`;
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
