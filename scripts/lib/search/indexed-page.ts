// The part of a built page Pagefind indexes (the data-pagefind-body element), read as text,
// and what Pagefind is given: that element, with a block of variant tokens, and the head. Pure
// string work on the HTML the site's own templates write, and a hash of exactly the parts of a
// page that decide what Pagefind is given (so a change elsewhere on the page indexes nothing).

import { createHash } from 'node:crypto';
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

/**
 * Every part of a page that documentForIndex and indexedText read: what Pagefind is given
 * for the page is a function of these and of the variant tokens, which are a function of
 * the text of `inner` and of the vocabulary (itself the text of other pages' `inner`).
 */
export interface IndexedParts {
  /** The page up to and including its first </head>, with only what Pagefind reads of the head (headForIndex); '' without one. */
  head: string;
  /** The data-pagefind-body element's opening tag. */
  opening: string;
  /** What the element holds. */
  inner: string;
  /** Its closing tag, as written. */
  closing: string;
}

// What Pagefind reads of a head: the title, and the void elements that carry its attributes
// (the summary's <meta data-pagefind-meta>). The stylesheet's fingerprinted name, the
// JSON-LD, the sharing meta and the security policy (three fifths of what it was given per
// article page) are none of its business.
const HEAD_OPENING = /^[\s\S]*?<head\b[^>]*>/i;
const KEPT_IN_HEAD = /<title\b[^>]*>[\s\S]*?<\/title\s*>|<(?:meta|link|base)\b[^>]*\sdata-pagefind-[^>]*>/gi;
const ANY_PAGEFIND_ATTRIBUTE = /<([a-z][a-z0-9-]*)\b[^>]*\sdata-pagefind-/gi;

/**
 * The head as Pagefind is given it: its opening (doctype, <html> with its lang, <head>),
 * the title and the meta carrying data-pagefind attributes. A head with such an attribute
 * on any other element is given whole: what Pagefind would read of it is not this module's
 * to guess. Only the index sees this; a change to the rest of a head (a new stylesheet
 * name on every page) then re-indexes nothing.
 */
export function headForIndex(head: string): string {
  const opening = HEAD_OPENING.exec(head)?.[0];
  if (opening === undefined) return head;
  const carriers = [...head.matchAll(ANY_PAGEFIND_ATTRIBUTE)].map((match) => (match[1] ?? '').toLowerCase());
  if (carriers.some((tag) => tag !== 'meta' && tag !== 'link' && tag !== 'base' && tag !== 'title')) return head;
  const kept = head.slice(opening.length).match(KEPT_IN_HEAD) ?? [];
  return `${opening}${kept.join('')}</head>`;
}

/** The parts of the page Pagefind is given; undefined when it has no data-pagefind-body element. */
export function indexedParts(html: string): IndexedParts | undefined {
  const body = bodyElement(html);
  if (!body) return undefined;
  const headEnd = html.search(/<\/head>/i);
  return {
    head: headEnd < 0 ? '' : headForIndex(html.slice(0, headEnd + '</head>'.length)),
    opening: html.slice(body.opening, body.start),
    inner: html.slice(body.start, body.end),
    closing: html.slice(body.end, html.indexOf('>', body.end) + 1),
  };
}

/** A page's parts, from its HTML or as already read (a page given to Pagefind is read once). */
const partsOf = (page: string | IndexedParts): IndexedParts | undefined => (typeof page === 'string' ? indexedParts(page) : page);

/**
 * SHA-256 (hex) of the parts (unambiguously joined): two pages with the same hash are given
 * to Pagefind as the same document, with the same tokens from the same vocabulary.
 */
export function indexedPartsHash(parts: IndexedParts): string {
  return createHash('sha256').update(JSON.stringify([parts.head, parts.opening, parts.inner, parts.closing])).digest('hex');
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

/** The text of the page's data-pagefind-body element as Pagefind indexes it (tags, scripts, styles and data-pagefind-ignore elements removed). */
export function indexedText(page: string | IndexedParts): string {
  const parts = partsOf(page);
  if (!parts) return '';
  const inner = parts.inner
    .replace(/<(script|style|template)\b[\s\S]*?<\/\1>/gi, ' ')
    // What Pagefind does not index (the section and date lines, the tags' heading): the
    // templates never nest an element of the same kind inside one.
    .replace(/<([a-z][a-z0-9-]*)\b[^>]*\sdata-pagefind-ignore\b[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ');
  return decodeEntities(inner).replace(/\s+/g, ' ').trim();
}

/** The text of the first <h1> inside the page's data-pagefind-body element: the headline. */
export function indexedHeadline(page: string | IndexedParts): string {
  const inner = partsOf(page)?.inner ?? '';
  const heading = /<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(inner)?.[1] ?? '';
  return decodeEntities(heading.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
}

/**
 * Pagefind weighs a word in an <h1> seven times a word of the text (its default); the
 * variant tokens of the headline's words get the same weight, or a headline found through
 * a variant (العراق, searched as «عراق») would rank with the text's words.
 */
const HEADLINE_WEIGHT = 7;

/** The variant tokens of a page: those of its headline's words, and those of all its words. */
export interface PageTokens {
  headline: readonly string[];
  text: readonly string[];
}

/**
 * What Pagefind is given for a page: its <head> (meta it reads, such as the summary) and
 * the data-pagefind-body element, with the variant tokens appended inside it after
 * VARIANT_BLOCK_MARK (the search page cuts excerpts there): the headline's in a block
 * weighted as the headline, then the text's. Pagefind indexes nothing else of the page,
 * and parsing the rest (masthead, navigation, related articles) was a sixth of its time.
 * Only Pagefind sees this HTML; the published page is unchanged. Tokens are letters and digits.
 */
export function documentForIndex(page: string | IndexedParts, tokens: PageTokens): string {
  const parts = partsOf(page);
  if (!parts) return page as string;
  const all = [...tokens.headline, ...tokens.text];
  if (all.some((token) => !/^[\p{L}\p{N}]+$/u.test(token))) throw new Error('variant tokens must be letters and digits only');
  const headline = tokens.headline.length === 0 ? '' : `<p data-pagefind-weight="${HEADLINE_WEIGHT}">${VARIANT_BLOCK_MARK} ${tokens.headline.join(' ')}</p>`;
  const text = tokens.text.length === 0 ? '' : `<p>${VARIANT_BLOCK_MARK} ${tokens.text.join(' ')}</p>`;
  return `${parts.head}<body>${parts.opening}${parts.inner}${headline}${text}${parts.closing}</body></html>`;
}

/** The date and year the article template gives Pagefind (data-pagefind-sort / -filter). */
export interface PageDateKeys {
  sortKey: string;
  year: string;
}

/**
 * A copy of a string cut from a longer one that keeps none of it. V8 keeps a substring of 13
 * characters or more as a view into the string it was cut from: a 19-character sort key
 * kept for every page kept every page's HTML alive for the whole search step (half a
 * gigabyte at 10,000 articles, most of the build's peak at 100,000). Joining forces a fresh
 * string, and slicing that one holds only it.
 */
function detached(text: string): string {
  return (` ${text}`).slice(1);
}

/** Reads the page's date sort key and year filter; undefined when the page has none. Neither holds the page. */
export function pageDateKeys(html: string): PageDateKeys | undefined {
  const sortKey = /\sdata-pagefind-sort="date:(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})"/.exec(html)?.[1];
  const year = /\sdata-pagefind-filter="year:(\d{4})"/.exec(html)?.[1];
  return sortKey && year ? { sortKey: detached(sortKey), year: detached(year) } : undefined;
}

/** What the search index needs of a page it holds, without keeping the page. */
export interface IndexedPageFacts extends PageDateKeys {
  /** SHA-256 of the parts of the page Pagefind is given (indexedPartsHash). */
  indexedSha256: string;
}

/**
 * The page's facts; null when Pagefind would not index it. An indexed page without its date
 * keys is an error: it would belong to no segment.
 */
export function indexedPageFacts(html: string): IndexedPageFacts | null {
  const parts = indexedParts(html);
  if (!parts) return null;
  const keys = pageDateKeys(html);
  if (!keys) throw new Error('the page has a data-pagefind-body but no data-pagefind-sort date and year filter');
  return { ...keys, indexedSha256: indexedPartsHash(parts) };
}
