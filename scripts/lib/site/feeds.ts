// The site's feeds, declared once: the whole site and every section, each as Atom, RSS 2.0
// and JSON Feed 1.1, all from one description per feed.

import { isolateLatinInText } from '../arabic/isolate-latin.ts';
import { STRINGS } from '../config/locale-ar.ts';
import type { SiteSettings } from '../config/site.ts';
import { rfc3339 } from '../content/article-date.ts';
import type { ArticleItem } from './article-source.ts';
import type { NewsIndex } from './news-index.ts';
import { tagUri, xmlSafeText } from './feed-text.ts';
import { absoluteUrl } from './urls.ts';
import { responsiveImage } from '../images/image-variants.ts';

export interface FeedDescription {
  /** '' for the whole site, else the section's slug. */
  key: string;
  title: string;
  subtitle: string;
  /** The HTML page the feed follows. */
  htmlPath: string;
  atomPath: string;
  rssPath: string;
  jsonPath: string;
  /** The feed's own stable id. */
  id: string;
  /** Date of the newest change among its items ('' when empty). */
  updated: string;
  items: ArticleItem[];
}

function newestChange(items: readonly ArticleItem[]): string {
  let newest = '';
  let newestTime = -Infinity;
  for (const item of items) {
    const date = item.data.updated ?? item.data.date;
    const time = new Date(rfc3339(date)).getTime();
    if (time > newestTime) { newest = date; newestTime = time; }
  }
  return newest;
}

export function describeFeeds(index: NewsIndex<ArticleItem>, site: SiteSettings): FeedDescription[] {
  const siteItems = index.articles.slice(0, site.feedSize);
  const feeds: FeedDescription[] = [{
    key: '', title: site.name, subtitle: STRINGS.siteDescription, htmlPath: '/',
    atomPath: '/feed.xml', rssPath: '/rss.xml', jsonPath: '/feed.json',
    id: tagUri(site.feedIdAuthority, 'feed'), updated: newestChange(siteItems), items: siteItems,
  }];
  for (const section of index.sections) {
    feeds.push({
      key: section.slug,
      title: `${site.name} — ${section.name}`,
      subtitle: `${STRINGS.latest}: ${section.name}`,
      htmlPath: section.path,
      atomPath: `${section.path}feed.xml`,
      rssPath: `${section.path}rss.xml`,
      jsonPath: `${section.path}feed.json`,
      id: tagUri(site.feedIdAuthority, `feed:${section.slug}`),
      updated: newestChange(section.latest),
      items: section.latest,
    });
  }
  return feeds;
}

/** An article's picture as feeds carry it: the JPEG that shared links show (image-variants.ts). */
export interface FeedPicture {
  url: string;
  type: string;
  width: number;
  height: number;
}

/** The article's picture for a feed item (Atom enclosure, Media RSS, JSON Feed image); undefined without one. */
export function feedPicture(item: ArticleItem, site: SiteSettings): FeedPicture | undefined {
  if (!item.image) return undefined;
  const { path, type, width, height } = responsiveImage(item.image).share;
  return { url: absoluteUrl(path, site), type, width, height };
}

/** A JSON Feed 1.1 document; JSON.stringify does all the escaping. */
export function jsonFeed(feed: FeedDescription, site: SiteSettings, contentHtml: (item: ArticleItem) => string): string {
  const text = (value: unknown): string => xmlSafeText(value);
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: text(feed.title),
    description: text(feed.subtitle),
    home_page_url: absoluteUrl(feed.htmlPath, site),
    feed_url: absoluteUrl(feed.jsonPath, site),
    language: site.language,
    authors: [{ name: site.name, url: absoluteUrl('/', site) }],
    items: feed.items.map((item) => ({
      id: tagUri(site.feedIdAuthority, item.data.id),
      url: absoluteUrl(item.url, site),
      title: isolateLatinInText(text(item.data.title)),
      summary: text(item.data.excerpt),
      content_html: text(contentHtml(item)),
      date_published: rfc3339(item.data.date),
      date_modified: rfc3339(item.data.updated ?? item.data.date),
      authors: [{ name: text(item.data.author ?? item.data.byline ?? site.name) }],
      tags: [item.data.section, ...item.data.tags].map(text),
      language: site.language,
      // The article's picture, as shared links show it.
      ...(item.image ? { image: feedPicture(item, site)?.url } : {}),
    })),
  }, null, 2);
}
