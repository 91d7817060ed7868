// The sitemaps' data: files split under an index, each index entry dated by its file's newest
// change, and the news sitemap's window of two days up to "now".
import { describe, expect, it } from 'vitest';
import { siteSettings } from '../support/site-settings.ts';
import { articleItem, type ArticleItem } from '../../scripts/lib/site/article-source.ts';
import type { BuildContext } from '../../scripts/lib/site/build-context.ts';
import { publishedNewsIndex } from '../../scripts/lib/site/published-index.ts';
import { newsSitemapArticles, sitemapFiles } from '../../scripts/lib/site/sitemaps.ts';
import { makeArticles } from '../support/fixture-site.ts';

describe('sitemapFiles', () => {
  it('splits past the limit under an index whose entries carry the newest change of their file, by time and not by text', () => {
    const entries = [
      // Later as text than the next one, though earlier in time (its offset is east of UTC).
      { path: '/a/', lastmod: '2017-07-31T23:30:00+03:00' },
      { path: '/b/', lastmod: '2017-07-31T22:30:00Z' },
      { path: '/c/' },
      { path: '/d/', lastmod: '2017-07-30' },
      { path: '/e/', lastmod: '2017-07-29T10:00:00+03:00' },
    ];
    const files = sitemapFiles([entries], 2);
    expect(files.map((file) => file.path)).toEqual(['/sitemap.xml', '/sitemaps/sitemap-1.xml', '/sitemaps/sitemap-2.xml', '/sitemaps/sitemap-3.xml']);
    expect(files[0]?.entries).toEqual([
      { path: '/sitemaps/sitemap-1.xml', lastmod: '2017-07-31T22:30:00Z' },
      { path: '/sitemaps/sitemap-2.xml', lastmod: '2017-07-30' },
      { path: '/sitemaps/sitemap-3.xml', lastmod: '2017-07-29T10:00:00+03:00' },
    ]);
  });

  it('keeps one file, no index, up to the limit', () => {
    expect(sitemapFiles([[{ path: '/a/' }], [{ path: '/b/' }]], 2)).toEqual([{ path: '/sitemap.xml', kind: 'urlset', entries: [{ path: '/a/' }, { path: '/b/' }] }]);
  });

  it('past the limit, cuts each run into files of its own from its first entry', () => {
    const files = sitemapFiles([[{ path: '/a/' }, { path: '/b/' }, { path: '/c/' }], [{ path: '/d/' }]], 2);
    expect(files.slice(1).map((file) => [file.path, file.entries.map((entry) => entry.path)])).toEqual([
      ['/sitemaps/sitemap-1.xml', ['/a/', '/b/']],
      ['/sitemaps/sitemap-2.xml', ['/c/']],
      ['/sitemaps/sitemap-3.xml', ['/d/']],
    ]);
  });
});

describe('newsSitemapArticles', () => {
  const now = new Date('2017-08-01T12:00:00+03:00');
  const context: BuildContext = { site: siteSettings, now, includeDrafts: true };
  /** Articles an hour apart from 30 hours after now back to three days before it, newest last. */
  const articles = (): ArticleItem[] => makeArticles(102).map((article, position) => {
    const date = new Date(now.getTime() + (30 - position) * 3_600_000).toISOString().replace('.000Z', 'Z');
    return articleItem({ ...article.frontMatter, date } as ArticleItem['data'], `body-${position}`);
  });

  it('lists the articles of the two days up to now, newest first: none after now, none older', () => {
    const window = newsSitemapArticles(publishedNewsIndex(articles(), context), now);
    const hoursBeforeNow = window.map((item) => (now.getTime() - Date.parse(item.data.date)) / 3_600_000);
    expect(hoursBeforeNow).toEqual(Array.from({ length: 49 }, (_, hour) => hour));
  });
});
