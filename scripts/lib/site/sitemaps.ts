// Sitemaps for search engines: every article, list page and index with its last change;
// split under a sitemap index past 50,000 URLs; and a Google News sitemap of the articles
// of the last two days before the build's "now". Past the limit, the articles, oldest first,
// and the other pages are cut into files apart: a new article changes the last file of
// articles and the pages' files (their newest items), not the files of older articles.
// Listed newest first, every file's entries moved along with each new article: a publish at
// 100,000 articles rendered and compressed all 12 MB of sitemaps again.

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

/**
 * Every page worth indexing, with the date it last changed, in two runs that are cut into
 * files apart (sitemapFiles): the articles, oldest first; then the lists and indexes.
 */
export function sitemapEntries(index: NewsIndex<ArticleItem>): [articles: SitemapEntry[], pages: SitemapEntry[]] {
  const newest = lastChange(index.articles[0]);
  // The index runs newest first.
  const articles = index.articles.map((item): SitemapEntry => ({ path: item.url, lastmod: lastChange(item) })).reverse();
  const pages: SitemapEntry[] = [];
  for (const listPage of index.listPages) pages.push({ path: listPage.path, lastmod: lastChange(listPage.items[0]) });
  for (const path of ['/sections/', '/tags/', '/archive/', '/subscribe/']) pages.push({ path, lastmod: newest });
  // A year changes with its newest month's first page: the first of the year's month pages, which run newest first.
  const newestMonth = new Map<number, (typeof index.listPages)[number]>();
  for (const page of index.listPages) if (page.kind === 'month' && page.year !== undefined && !newestMonth.has(page.year)) newestMonth.set(page.year, page);
  for (const year of index.archive) pages.push({ path: year.path, lastmod: lastChange(newestMonth.get(year.year)?.items[0]) });
  return [articles, pages];
}

/**
 * One /sitemap.xml of every run's entries, or, past the limit, numbered sitemaps under a
 * /sitemap.xml index: each run cut into files of its own from its first entry.
 */
export function sitemapFiles(runs: readonly SitemapEntry[][], perFile = URLS_PER_SITEMAP): SitemapFile[] {
  const entries = runs.flat();
  if (entries.length <= perFile) return [{ path: '/sitemap.xml', kind: 'urlset', entries }];
  const files: SitemapFile[] = [];
  for (const run of runs) {
    for (let start = 0; start < run.length; start += perFile) {
      files.push({ path: `/sitemaps/sitemap-${files.length + 1}.xml`, kind: 'urlset', entries: run.slice(start, start + perFile) });
    }
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
