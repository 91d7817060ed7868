// Feeds, sitemaps and robots.txt: the collections their templates paginate over, and the
// filters that write dates, ids and text the way each format wants them.

import { convertHtmlToAbsoluteUrls } from '@11ty/eleventy-plugin-rss';
import type { BuildContext } from './build-context.ts';
import { rfc3339, rfc822, tagUri, xmlSafeText } from './feed-text.ts';
import { describeFeeds, jsonFeed, type FeedDescription } from './feeds.ts';
import type { ArticleItem } from './news-collections-plugin.ts';
import type { NewsIndex } from './news-index.ts';
import { newsSitemapArticles, sitemapEntries, sitemapFiles } from './sitemaps.ts';
import { absoluteUrl } from './urls.ts';

interface FeedsConfig {
  addCollection(name: string, build: (api: unknown) => unknown): void;
  addFilter(name: string, filter: (...args: never[]) => unknown): void;
  addAsyncFilter(name: string, filter: (...args: never[]) => Promise<unknown>): void;
}

/** The collections API hands back the news collection built by newsCollectionsPlugin. */
type NewsOf = (api: unknown) => Promise<NewsIndex<ArticleItem>>;

export function feedsPlugin(context: BuildContext, newsOf: NewsOf) {
  const { site } = context;
  return (eleventyConfig: FeedsConfig): void => {
    eleventyConfig.addCollection('feeds', async (api) => describeFeeds(await newsOf(api), site));
    eleventyConfig.addCollection('sitemapFiles', async (api) => sitemapFiles(sitemapEntries(await newsOf(api)), site.sitemapUrlsPerFile));
    eleventyConfig.addCollection('newsSitemap', async (api) => newsSitemapArticles(await newsOf(api), context.now));

    eleventyConfig.addFilter('xmlText', (text: unknown) => xmlSafeText(text));
    eleventyConfig.addFilter('rfc3339', (date: string) => (date ? rfc3339(date) : rfc3339(context.now.toISOString())));
    eleventyConfig.addFilter('rfc822', (date: string) => rfc822(date || context.now.toISOString(), site.timeZone));
    eleventyConfig.addFilter('articleTagUri', (id: string) => tagUri(site.feedIdAuthority, id));
    eleventyConfig.addFilter('jsonFeed', (feed: FeedDescription) => jsonFeed(feed, site, (item) => item.templateContent ?? ''));
    // Editors may add Markdown links when they correct an article: feeds need them absolute.
    eleventyConfig.addAsyncFilter('absoluteHtml', async (html: string, path: string) =>
      html ? convertHtmlToAbsoluteUrls(html, absoluteUrl(path, site)) : '');
  };
}
