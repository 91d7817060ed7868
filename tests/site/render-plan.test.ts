// The render plan: every output file with its view, and render keys that change exactly
// when what a page shows changes — the heart of the incremental build.
import { describe, expect, it } from 'vitest';
import { siteSettings } from '../support/site-settings.ts';
import { articleItem, type ArticleItem } from '../../scripts/lib/site/article-source.ts';
import type { BuildContext } from '../../scripts/lib/site/build-context.ts';
import { publishedNewsIndex } from '../../scripts/lib/site/published-index.ts';
import { outputFileOf, planSite, renderKeys } from '../../scripts/lib/site/render-plan.ts';
import { makeArticles } from '../support/fixture-site.ts';

const context: BuildContext = { site: { ...siteSettings, articlesPerPage: 4 }, now: new Date('2017-08-01T12:00:00+03:00'), includeDrafts: false };

function items(change?: (data: ArticleItem['data'], position: number) => void): ArticleItem[] {
  return makeArticles(30).map((article, position) => {
    const data = { ...article.frontMatter, ingestSha256: 'b'.repeat(64) } as ArticleItem['data'];
    change?.(data, position);
    return articleItem(data, `body-${position}`);
  });
}

function keysByOutput(articles: ArticleItem[]): Map<string, string> {
  const plan = planSite(publishedNewsIndex(articles, context), context);
  const keys = renderKeys(plan.pages, 'fingerprint');
  return new Map(plan.pages.map((page, position) => [page.output, keys[position] as string]));
}

function changedOutputs(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter((output) => before.get(output) !== after.get(output)).sort();
}

describe('outputFileOf', () => {
  it.each([
    ['/', 'index.html'],
    ['/sections/syria/', 'sections/syria/index.html'],
    ['/feed.xml', 'feed.xml'],
    ['/sections/syria/rss.xml', 'sections/syria/rss.xml'],
  ])('writes %s to %s', (path, output) => {
    expect(outputFileOf(path)).toBe(output);
  });
});

describe('planSite', () => {
  it('plans every page once, with its output in its view', () => {
    const plan = planSite(publishedNewsIndex(items(), context), context);
    const outputs = plan.pages.map((page) => page.output);
    expect(new Set(outputs).size).toBe(outputs.length);
    for (const page of plan.pages) expect(page.view.output).toBe(page.output);
    expect(outputs).toEqual(expect.arrayContaining(['index.html', 'page/1/index.html', 'articles/a000000000000000/index.html', 'feed.xml', 'sitemap.xml', 'news-sitemap.xml', 'search/index.html']));
  });
});

describe('renderKeys', () => {
  const base = keysByOutput(items());

  it('are the same for the same content', () => {
    expect(changedOutputs(base, keysByOutput(items()))).toEqual([]);
  });

  it('change for an old article\'s headline: its page, the pages that name it, the lists and feeds that show it — not the rest', () => {
    const changed = changedOutputs(base, keysByOutput(items((data, position) => { if (position === 20) data.title = 'عنوان جديد'; })));
    expect(changed).toContain('articles/a000000000000014/index.html');
    expect(changed.filter((output) => output.startsWith('articles/')).length).toBeGreaterThan(1);
    expect(changed.filter((output) => output.startsWith('articles/')).length).toBeLessThan(20);
    expect(changed).not.toContain('articles/a000000000000000/index.html');
    expect(changed).not.toContain('index.html');
    expect(changed).toContain('feed.xml');
    expect(changed).not.toContain('archive/index.html');
    expect(changed).not.toContain('tags/index.html');
    expect(changed).not.toContain('sitemap.xml');
  });

  it('change for a body edit only where the body is shown: the article page and the feeds that carry it', () => {
    const articles = items();
    const edited = articles.map((item, position) => (position === 0 ? articleItem(item.data, 'another body') : item));
    expect(changedOutputs(base, keysByOutput(edited))).toEqual(expect.arrayContaining(['articles/a000000000000000/index.html', 'feed.xml', 'rss.xml', 'feed.json']));
    expect(changedOutputs(base, keysByOutput(edited)).filter((output) => output.endsWith('.html'))).toEqual(['articles/a000000000000000/index.html']);
  });

  it('change for a published article in the last file of articles, the pages\' files and the index, not in the older articles\' files', () => {
    const split: BuildContext = { ...context, site: { ...context.site, sitemapUrlsPerFile: 10 } };
    const sitemapKeys = (articles: ArticleItem[]): Map<string, string> => {
      const plan = planSite(publishedNewsIndex(articles, split), split);
      const keys = renderKeys(plan.pages, 'fingerprint');
      return new Map(plan.pages.flatMap((page, position) => (page.family === 'sitemapFiles' ? [[page.output, keys[position] as string]] : [])));
    };
    const entriesOf = (articles: ArticleItem[], output: string): string[] => {
      const page = planSite(publishedNewsIndex(articles, split), split).pages.find((planned) => planned.output === output);
      return (page?.view as unknown as { entries: { path: string }[] }).entries.map((entry) => entry.path);
    };
    // 30 articles: three full files of ten, the oldest first; the new one starts a fourth.
    const published = [...items(), articleItem({ ...items()[0]!.data, id: 'f000000000000001', title: 'خبر جديد', date: '2017-07-31T23:00:00+03:00' }, 'new body')];
    const changed = changedOutputs(sitemapKeys(items()), sitemapKeys(published));
    expect(entriesOf(items(), 'sitemaps/sitemap-1.xml')).toEqual(items().slice(-10).map((item) => item.url).reverse());
    expect(changed).toContain('sitemap.xml');
    expect(entriesOf(published, 'sitemaps/sitemap-4.xml')).toEqual(['/articles/f000000000000001/']);
    for (const file of ['sitemaps/sitemap-1.xml', 'sitemaps/sitemap-2.xml', 'sitemaps/sitemap-3.xml']) expect(changed).not.toContain(file);
  });

  it('all change with the fingerprint', () => {
    const plan = planSite(publishedNewsIndex(items(), context), context);
    const first = renderKeys(plan.pages, 'one');
    const second = renderKeys(plan.pages, 'two');
    expect(first.every((key, position) => key !== second[position])).toBe(true);
  });
});

describe('the pages of issue 13 (front page, archive years, 404)', () => {
  // Articles a month apart from July 2017 back to February 2015: three years of archive.
  const spread = (change?: (data: ArticleItem['data'], position: number) => void): ArticleItem[] => items((data, position) => {
    const month = new Date(Date.UTC(2017, 6 - position, 15));
    data.date = month.toISOString().slice(0, 10);
    change?.(data, position);
  });
  const planOf = (articles: ArticleItem[]) => planSite(publishedNewsIndex(articles, context), context);

  it('plans a page for each year of the archive, with its twelve months and the years beside it', () => {
    const years = planOf(spread()).pages.filter((page) => page.family === 'archiveYear');
    expect(years.map((page) => page.output)).toEqual(['archive/2017/index.html', 'archive/2016/index.html', 'archive/2015/index.html']);
    const middle = years[1]?.view as unknown as Record<string, unknown> & { months: unknown[] };
    expect(middle.months).toHaveLength(12);
    expect(middle).toMatchObject({ year: 2016, count: 12, newerYear: { year: 2017, path: '/archive/2017/' }, olderYear: { year: 2015, path: '/archive/2015/' } });
  });

  it('re-renders only the year an article is published in, besides the archive and the lists', () => {
    const base = keysByOutput(spread());
    const published = [...spread(), articleItem({ ...spread()[0]!.data, id: 'f000000000000001', date: '2017-07-20' }, 'new body')];
    const changed = changedOutputs(base, keysByOutput(published));
    expect(changed).toContain('archive/2017/index.html');
    expect(changed).toContain('archive/index.html');
    expect(changed).not.toContain('archive/2016/index.html');
    expect(changed).not.toContain('archive/2015/index.html');
  });

  it('shows the latest stories on the 404 page, and no story twice on the front page', () => {
    const plan = planOf(items());
    const notFound = plan.pages.find((page) => page.family === 'notFound')?.view as unknown as { latest: ArticleItem[] };
    expect(notFound.latest.map((item) => item.data.id)).toEqual(items().slice(0, 6).map((item) => item.data.id));
    const front = plan.pages.find((page) => page.output === 'index.html')?.view as unknown as { items: ArticleItem[]; sectionBlocks: { newest: ArticleItem[] }[] };
    const shown = [...front.items, ...front.sectionBlocks.flatMap((block) => block.newest)].map((item) => item.data.id);
    expect(shown.length).toBeGreaterThan(front.items.length);
    expect(new Set(shown).size).toBe(shown.length);
  });
});
