// Sitemaps for search engines: every article, list page and index with its last change;
// split under a sitemap index past 50,000 URLs; and a Google News sitemap of the articles
// of the last two days before the build's "now".

import { articleInstant } from '../content/article-date.ts';
import type { ArticleItem } from './article-source.ts';
import type { NewsIndex } from './news-index.ts';

/** The sitemaps.org limit of URLs in one file. */
export const URLS_PER_SITEMAP = 50_000;
/** How far back the news sitemap reaches from "now". */
export const NEWS_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;

export interface SitemapEntry {
  path: string;
  /** W3C datetime: YYYY-MM-DD or ISO 8601 with offset (front-matter dates are both). */
  lastmod?: string;
}

export interface SitemapFile {
  /** Where the file goes: /sitemap.xml, or /sitemaps/sitemap-2.xml under an index. */
  path: string;
  kind: 'urlset' | 'index';
  entries: SitemapEntry[];
}

const lastChange = (item: ArticleItem | undefined): string | undefined => item && (item.data.updated ?? item.data.date);

/** Every page worth indexing, with the date it last changed. */
export function sitemapEntries(index: NewsIndex<ArticleItem>): SitemapEntry[] {
  const newest = lastChange(index.articles[0]);
  const entries: SitemapEntry[] = [];
  for (const listPage of index.listPages) entries.push({ path: listPage.path, lastmod: lastChange(listPage.items[0]) });
  for (const path of ['/sections/', '/tags/', '/archive/', '/subscribe/']) entries.push({ path, lastmod: newest });
  for (const year of index.archive) entries.push({ path: year.path, lastmod: lastChange(index.listPages.find((page) => page.kind === 'month' && page.year === year.year)?.items[0]) });
  for (const item of index.articles) entries.push({ path: item.url, lastmod: lastChange(item) });
  return entries;
}

/** One /sitemap.xml, or, past the limit, numbered sitemaps under a /sitemap.xml index. */
export function sitemapFiles(entries: SitemapEntry[], perFile = URLS_PER_SITEMAP): SitemapFile[] {
  if (entries.length <= perFile) return [{ path: '/sitemap.xml', kind: 'urlset', entries }];
  const files: SitemapFile[] = [];
  for (let start = 0; start < entries.length; start += perFile) {
    files.push({ path: `/sitemaps/sitemap-${files.length + 1}.xml`, kind: 'urlset', entries: entries.slice(start, start + perFile) });
  }
  const index: SitemapFile = {
    path: '/sitemap.xml',
    kind: 'index',
    entries: files.map((file) => ({ path: file.path, lastmod: newestLastmod(file.entries) })),
  };
  return [index, ...files];
}

function newestLastmod(entries: SitemapEntry[]): string | undefined {
  let newest: string | undefined;
  let newestTime = Number.NEGATIVE_INFINITY;
  for (const entry of entries) {
    if (!entry.lastmod) continue;
    const time = articleInstant(entry.lastmod).getTime();
    if (newest === undefined || time > newestTime) { newest = entry.lastmod; newestTime = time; }
  }
  return newest;
}

/** Articles published in the two days up to now, newest first (what Google News reads). */
export function newsSitemapArticles(index: NewsIndex<ArticleItem>, now: Date): ArticleItem[] {
  const from = now.getTime() - NEWS_WINDOW_MS;
  const window: ArticleItem[] = [];
  // The index is newest first by this same moment: the window ends at the first article older
  // than it (at 100,000 articles, reading every date was a tenth of a second).
  for (const item of index.articles) {
    const published = articleInstant(item.data.date).getTime();
    if (published < from) break;
    if (published <= now.getTime()) window.push(item);
  }
  return window;
}
