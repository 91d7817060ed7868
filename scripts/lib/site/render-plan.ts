// Every file the site is made of, as plain data: for each output file, the template family
// that renders it and the view it is rendered from. A view holds everything its page shows
// and nothing else (an article's related box names headlines, not the section's count), so
// a page needs rendering again exactly when its render key — a hash of the build's
// fingerprint, its family, its output path and its view — changes. The templates read only
// their view and the site's chrome (settings, strings, navigation), which the fingerprint
// covers. Pure: no file system, no Eleventy.

import { hash } from 'node:crypto';
import type { ArticleItem } from './article-source.ts';
import type { BuildContext } from './build-context.ts';
import type { AssetMap } from './asset-fingerprint.ts';
import { hostCacheRules } from './cache-policy.ts';
import { describeFeeds } from './feeds.ts';
import { responsiveImage, type ImageVariant } from '../images/image-variants.ts';
import { siteImage } from '../images/site-image.ts';
import { yearCalendar, type ArticleContext, type NamedCount, type NewsIndex } from './news-index.ts';
import { newsSitemapArticles, sitemapEntries, sitemapFiles } from './sitemaps.ts';

/** Each family is one template under content/, paginating over plan.<family>; but 'image', the picture files, written by image-files.ts. */
export const FAMILIES = [
  'article', 'list', 'archive', 'archiveYear', 'sectionsIndex', 'tagsIndex', 'subscribe', 'searchPage', 'offlinePage', 'notFound',
  'robots', 'hostHeaders', 'atomFeeds', 'rssFeeds', 'jsonFeeds', 'feedStyle', 'sitemapFiles', 'newsSitemap', 'image',
] as const;
export type Family = (typeof FAMILIES)[number];

export interface PlannedPage {
  family: Family;
  /** The output file, relative to the site folder: articles/x/index.html, feed.xml. */
  output: string;
  view: { output: string } & Record<string, unknown>;
}

/** What every page shows besides its view: the sections in the navigation, and the hashed names of the assets it links. */
export interface Chrome {
  nav: { name: string; path: string }[];
  assets: AssetMap;
}

export interface SitePlan {
  chrome: Chrome;
  pages: PlannedPage[];
  /** What of the plan "now" decided beyond which articles are published (now-dependence.ts). */
  timely: { newsWindow: ArticleItem[]; emptyFeed: boolean };
}

/** Stories the 404 page lists. */
export const NOT_FOUND_LATEST = 6;

/** /sections/syria/ → sections/syria/index.html; /feed.xml → feed.xml. */
export function outputFileOf(path: string): string {
  const relative = path.replace(/^\/+/, '');
  return relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative;
}

const link = ({ name, path }: NamedCount): { name: string; path: string } => ({ name, path });

/** An article's place in the site, as its page shows it: no counts, which change with every article. */
function articleContext(context: ArticleContext<ArticleItem>): Record<string, unknown> {
  return { section: link(context.section), tags: context.tags.map(link), previous: context.previous, next: context.next, related: context.related };
}

/** `assets`: the stylesheet's and fonts' hashed names (asset-fingerprint.ts siteAssets). */
export function planSite(index: NewsIndex<ArticleItem>, context: BuildContext, assets: AssetMap = {}): SitePlan {
  const { site, now } = context;
  const pages: PlannedPage[] = [];
  const add = (family: Family, path: string, view: Record<string, unknown> = {}): void => {
    const output = outputFileOf(path);
    pages.push({ family, output, view: { output, ...view } });
  };

  // An article's picture: its sizes are in its page's view (and so in its render key), each
  // size a file of its own, named by its source's hash (one file for articles sharing a picture).
  const variants = new Map<string, ImageVariant>();
  for (const article of index.articles) {
    const image = article.image ? responsiveImage(article.image) : undefined;
    for (const variant of image?.variants ?? []) variants.set(variant.path, variant);
    add('article', article.url, {
      article, body: article.bodyHash, ...(image ? { image } : {}),
      context: articleContext(index.contextById.get(article.data.id) as ArticleContext<ArticleItem>),
    });
  }
  // Each section's newest articles that the latest news above them does not show (news-index.ts).
  const sectionBlocks = index.sections.filter((section) => section.newest.length > 0)
    .map((section) => ({ name: section.name, slug: section.slug, path: section.path, newest: section.newest }));
  for (const listPage of index.listPages) {
    const frontPage = listPage.kind === 'home' && listPage.pageNumber === undefined;
    add('list', listPage.path, { ...listPage, ...(frontPage ? { sectionBlocks } : {}) });
  }
  const years = index.archive.map(({ year, path }) => ({ year, path }));
  add('archive', '/archive/', { archive: index.archive.map((year) => ({ year: year.year, count: year.count, path: year.path, months: yearCalendar(year) })) });
  // A year's page: its months, and the years beside it (the archive runs newest first).
  index.archive.forEach((year, position) => {
    add('archiveYear', year.path, { year: year.year, count: year.count, months: yearCalendar(year), newerYear: years[position - 1], olderYear: years[position + 1] });
  });
  add('sectionsIndex', '/sections/', { sections: index.sections.map(({ name, path, count }) => ({ name, path, count })), total: index.articles.length });
  add('tagsIndex', '/tags/', { tags: index.tags });
  add('searchPage', '/search/', { sections: index.sections.map(({ name }) => ({ name })), years: index.archive.map(({ year }) => ({ year })) });
  // What the service worker shows offline for a page never saved: part of the offline shell.
  add('offlinePage', '/offline/');
  // The page for an address that does not exist: a search form and the latest stories.
  add('notFound', '/404.html', { latest: index.articles.slice(0, NOT_FOUND_LATEST) });
  add('robots', '/robots.txt');
  // What static hosts read for the caching of each file (cache-policy.ts).
  add('hostHeaders', '/_headers', { rules: hostCacheRules(Object.values(assets)) });

  const feeds = describeFeeds(index, site);
  add('subscribe', '/subscribe/', { feeds: feeds.map(({ key, title, atomPath, rssPath, jsonPath }) => ({ key, title, atomPath, rssPath, jsonPath })) });
  for (const feed of feeds) {
    // A feed shows its items' bodies; an empty feed is dated "now" (feeds-plugin.ts): then,
    // and only then, now is part of it.
    // Its items' pictures too (the JSON Feed names them): a picture replaced in place changes its file names.
    const pictures = feed.items.map((item) => item.image?.sha256 ?? '');
    const shown = {
      bodies: feed.items.map((item) => item.bodyHash), ...(pictures.some((sha256) => sha256 !== '') ? { pictures } : {}),
      ...(feed.updated === '' ? { now: now.toISOString() } : {}),
    };
    add('atomFeeds', feed.atomPath, { feed, ...shown });
    add('rssFeeds', feed.rssPath, { feed, ...shown });
    add('jsonFeeds', feed.jsonPath, { feed, ...shown });
  }
  // The feeds' stylesheet for a reader who opens one in a browser: generated, for its note comes from the locale.
  add('feedStyle', '/assets/css/feed.css');
  for (const file of sitemapFiles(sitemapEntries(index), site.sitemapUrlsPerFile)) add('sitemapFiles', file.path, { ...file });
  const newsWindow = newsSitemapArticles(index, now);
  add('newsSitemap', '/news-sitemap.xml', { items: newsWindow });
  // The pictures: the site's own (for previews of pages without one of their own), and the articles'.
  const shareImage = siteImage(site.name);
  add('image', shareImage.path, { kind: 'site', image: shareImage });
  for (const variant of [...variants.values()].sort((a, b) => (a.path < b.path ? -1 : 1))) add('image', variant.path, { kind: 'variant', variant });

  const nav = index.sections.map(link);
  return { chrome: { nav, assets }, pages, timely: { newsWindow, emptyFeed: feeds.some((feed) => feed.items.length === 0) } };
}

/**
 * Render keys. An article inside a view counts as a digest of its URL and front matter (its
 * toJSON: article-source.ts); the views that show bodies carry their hashes.
 */
export function renderKeys(pages: readonly PlannedPage[], fingerprint: string): string[] {
  // One call a page (crypto.hash, not a Hash object a page): a tenth of a second at 120,000 pages.
  return pages.map((page) => hash('sha256', `${fingerprint}\0${page.family}\0${page.output}\0${JSON.stringify(page.view)}`, 'base64'));
}

/** The articles whose rendered body a page needs: its own, or a feed's items (their views carry the body hashes). */
export function articlesRenderedBy(page: PlannedPage): ArticleItem[] {
  if (page.family === 'article') return [page.view.article as ArticleItem];
  if (page.family === 'atomFeeds' || page.family === 'rssFeeds' || page.family === 'jsonFeeds') {
    return (page.view.feed as { items: ArticleItem[] }).items;
  }
  return [];
}

/** Pages by family: the global data the templates paginate over. */
export function groupByFamily(pages: readonly PlannedPage[]): Record<Family, PlannedPage['view'][]> {
  const groups = Object.fromEntries(FAMILIES.map((family) => [family, [] as PlannedPage['view'][]])) as Record<Family, PlannedPage['view'][]>;
  for (const page of pages) groups[page.family].push(page.view);
  return groups;
}
