// The filters feeds and sitemaps use to write dates, ids and text the way each format
// wants them (their pages and items come from render-plan.ts).

import { convertHtmlToAbsoluteUrls } from '@11ty/eleventy-plugin-rss';
import { isolateLatinInText } from '../arabic/isolate-latin.ts';
import { rfc3339, rfc822 } from '../content/article-date.ts';
import type { BuildContext } from './build-context.ts';
import { tagUri, xmlSafeText } from './feed-text.ts';
import type { ArticleItem } from './article-source.ts';
import { feedPicture, jsonFeed, type FeedDescription } from './feeds.ts';
import { absoluteUrl } from './urls.ts';

interface FeedsConfig {
  addFilter(name: string, filter: (...args: never[]) => unknown): void;
  addAsyncFilter(name: string, filter: (...args: never[]) => Promise<unknown>): void;
}

export function feedsPlugin(context: BuildContext) {
  const { site } = context;
  return (eleventyConfig: FeedsConfig): void => {
    eleventyConfig.addFilter('xmlText', (text: unknown) => xmlSafeText(text));
    // A title is text in Atom and RSS: its Latin runs are isolated with Unicode controls (isolate-latin.ts).
    eleventyConfig.addFilter('headlineText', (title: unknown) => isolateLatinInText(xmlSafeText(title)));
    eleventyConfig.addFilter('rfc3339', (date: string) => (date ? rfc3339(date) : rfc3339(context.now.toISOString())));
    eleventyConfig.addFilter('rfc822', (date: string) => rfc822(date || context.now.toISOString(), site.timeZone));
    eleventyConfig.addFilter('articleTagUri', (id: string) => tagUri(site.feedIdAuthority, id));
    eleventyConfig.addFilter('feedPicture', (item: ArticleItem) => feedPicture(item, site));
    eleventyConfig.addFilter('jsonFeed', (feed: FeedDescription) => jsonFeed(feed, site, (item) => item.templateContent ?? ''));
    // Editors may add Markdown links when they correct an article: feeds need them absolute.
    eleventyConfig.addAsyncFilter('absoluteHtml', async (html: string, path: string) => absoluteHtml(html, absoluteUrl(path, site)));
  };
}

/** A tag with an attribute: every URL the conversion could make absolute is an attribute's value. */
const TAG_WITH_ATTRIBUTE = /<[a-z][^\s>/]*\s/i;

/**
 * The RSS plugin's conversion of the links and pictures of an item's HTML to absolute URLs,
 * skipped for HTML none of whose tags has an attribute (an article body of paragraphs, its
 * headings and emphasis: markdown-it writes links and pictures with attributes, and text is
 * escaped). The conversion parses and writes the HTML again, which returned such HTML as it
 * was for every one of 3,000 generated bodies and the sample articles (feeds-plugin.test.ts),
 * and it took 0.15 s of a 10,000-article publish: 15 feeds of 50 items each, every publish.
 */
export async function absoluteHtml(html: string, base: string): Promise<string> {
  if (!html) return '';
  return TAG_WITH_ATTRIBUTE.test(html) ? convertHtmlToAbsoluteUrls(html, base) : html;
}
