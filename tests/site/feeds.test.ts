// Feeds and sitemaps as feed readers and search engines read them: parsed by a strict,
// independent XML parser, validated against the sitemap schemas, with hostile text intact.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolateLatinInText } from '../../scripts/lib/arabic/isolate-latin.ts';
import { STRINGS } from '../../scripts/lib/config/locale-ar.ts';
import { renderArticleDocument } from '../../scripts/lib/ingest/article-document.ts';
import { cssString } from '../../scripts/lib/site/css-string.ts';
import { createFixtureSite, makeArticles, PROJECT_DIR, type FixtureArticle, type FixtureSite } from '../support/fixture-site.ts';
import { testPicture } from '../support/test-image.ts';
import { childrenNamed, childText, parseXmlStrictly, validateWithXmllint, type XmlElement } from '../support/xml.ts';

const HOSTILE_TITLE = 'Tom & Jerry <script>alert(1)</script> ]]> {{ 7*7 }} \u0001 في دمشق';
const hostile: FixtureArticle = {
  frontMatter: { ...makeArticles(1)[0]!.frontMatter, id: 'e000000000000001', title: HOSTILE_TITLE, date: '2017-08-01', excerpt: 'a & b < c ]]> d', tags: ['دمشق', 'A&B'] },
  paragraphs: ['Body & <b>bold</b> ]]> {{ 7*7 }} {% if %}', 'نص عربي في الفقرة الثانية.'],
};
const articles = [...makeArticles(55), hostile];
// The second newest article has a picture, which the feeds carry.
const pictured = articles[0]!;
pictured.frontMatter.image = { src: 'images/2017/07/market.jpg', alt: 'سوق الحميدية' };
const NOW = new Date('2017-08-02T01:00:00+03:00');

let site: FixtureSite;
const feedsOf = async (path: string): Promise<XmlElement> => parseXmlStrictly(await site.read(path));

beforeAll(async () => {
  site = await createFixtureSite(articles);
  await mkdir(join(site.contentDir, 'images/2017/07'), { recursive: true });
  await writeFile(join(site.contentDir, 'images/2017/07/market.jpg'), await testPicture(1600, 900));
  await site.build({ now: NOW });
});
afterAll(() => site?.remove());

describe('the strict parser used here', () => {
  it('really rejects malformed XML', () => {
    expect(() => parseXmlStrictly('<feed><title>a & b</title></feed>')).toThrow();
    expect(() => parseXmlStrictly('<feed><title>a</feed>')).toThrow();
    expect(() => parseXmlStrictly('<feed><title>\u0001</title></feed>')).toThrow();
    expect(parseXmlStrictly('<feed><title>a &amp; b</title></feed>').children[0]?.text).toBe('a & b');
  });
});

describe('the site-wide Atom feed', () => {
  it('holds the newest 50 articles, newest first, with absolute links', async () => {
    const feed = await feedsOf('feed.xml');
    expect(feed.attributes['xml:lang']).toBe('ar');
    const entries = childrenNamed(feed, 'entry');
    expect(entries).toHaveLength(50);
    const published = entries.map((entry) => childText(entry, 'published'));
    expect(published).toEqual([...published].sort().reverse());
    expect(childText(entries[0]!, 'title')).toBe(isolateLatinInText(HOSTILE_TITLE.replace('\u0001', '')));
    for (const entry of entries) {
      expect(childrenNamed(entry, 'link')[0]?.attributes.href).toMatch(/^https:\/\/example\.org\/articles\/[0-9a-f]{16}\/$/);
      expect(childText(entry, 'published')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      expect(childText(entry, 'id')).toMatch(/^tag:alwatan\.sy,2017:[0-9a-f]{16}$/);
    }
  });

  it('describes the channel in Arabic, with a self link and the newest update', async () => {
    const feed = await feedsOf('feed.xml');
    expect(childText(feed, 'title')).toBe('الوطن');
    expect(childText(feed, 'subtitle')).toMatch(/[\u0600-\u06ff]/);
    expect(childrenNamed(feed, 'link').find((link) => link.attributes.rel === 'self')?.attributes.href).toBe('https://example.org/feed.xml');
    expect(childText(feed, 'updated')).toBe('2017-08-01T00:00:00Z');
    expect(childText(feed, 'generator')).toBe('Eleventy');
  });

  it('carries hostile article text as text: title, summary, categories and HTML content', async () => {
    const entry = childrenNamed(await feedsOf('feed.xml'), 'entry')[0]!;
    expect(childText(entry, 'summary')).toBe('a & b < c ]]> d');
    expect(childrenNamed(entry, 'category').map((category) => category.attributes.term)).toEqual(['سورية', 'دمشق', 'A&B']);
    const content = childText(entry, 'content');
    expect(content).toContain('<p>Body &amp; &lt;b&gt;bold&lt;/b&gt; ]]&gt; {{ 7*7 }} {% if %}</p>');
    expect(content).toContain('<p>نص عربي في الفقرة الثانية.</p>');
    expect(childrenNamed(entry, 'author')[0]?.children[0]?.text).toBe('وكالات');
  });
});

describe('an article\'s picture', () => {
  // The JPEG that shared links show: its name carries the picture's hash, its size the share width.
  const SHARE_JPEG = /^https:\/\/example\.org\/images\/[^/]+\.jpg$/;

  it('is an enclosure of its Atom entry, and only of its own', async () => {
    const entries = childrenNamed(await feedsOf('feed.xml'), 'entry');
    const enclosures = entries.map((entry) => childrenNamed(entry, 'link').filter((link) => link.attributes.rel === 'enclosure'));
    expect(enclosures[1]).toHaveLength(1);
    expect(enclosures[1]![0]!.attributes).toMatchObject({ type: 'image/jpeg', href: expect.stringMatching(SHARE_JPEG) });
    expect(childrenNamed(entries[1]!, 'link')[0]?.attributes.href).toBe(`https://example.org/articles/${pictured.frontMatter.id}/`);
    expect(enclosures.filter((links) => links.length > 0)).toHaveLength(1);
  });

  it('is Media RSS content of its RSS item, with its size, and a file the site has', async () => {
    const rss = await feedsOf('rss.xml');
    expect(rss.attributes['xmlns:media']).toBe('http://search.yahoo.com/mrss/');
    const items = childrenNamed(childrenNamed(rss, 'channel')[0]!, 'item');
    const media = items.map((item) => childrenNamed(item, 'media:content'));
    expect(media.filter((found) => found.length > 0)).toHaveLength(1);
    const picture = media[1]![0]!.attributes;
    expect(picture).toMatchObject({ medium: 'image', type: 'image/jpeg', width: '1200', height: '675', url: expect.stringMatching(SHARE_JPEG) });
    expect((await readFile(join(site.outputDir, new URL(picture.url!).pathname))).length).toBeGreaterThan(1000);
    // The JSON feed names the same picture.
    expect(JSON.parse(await site.read('feed.json')).items[1].image).toBe(picture.url);
  });
});

describe('feed titles', () => {
  const TITLE = 'Google تفتح مكتباً في دبي و«COVID-19» يتراجع';
  const ISOLATED = '\u2067\u2066Google\u2069 تفتح مكتباً في دبي و«\u2066COVID-19\u2069» يتراجع\u2069';

  it('isolate the Latin runs of an Arabic headline with Unicode controls, in Atom, RSS and JSON Feed alike', async () => {
    const extra = { ...makeArticles(1)[0]!, frontMatter: { ...makeArticles(1)[0]!.frontMatter, title: TITLE } };
    const small = await createFixtureSite([extra]);
    try {
      await small.build();
      expect(childText(childrenNamed(parseXmlStrictly(await small.read('feed.xml')), 'entry')[0]!, 'title')).toBe(ISOLATED);
      expect(childText(childrenNamed(childrenNamed(parseXmlStrictly(await small.read('rss.xml')), 'channel')[0]!, 'item')[0]!, 'title')).toBe(ISOLATED);
      expect(JSON.parse(await small.read('feed.json')).items[0].title).toBe(ISOLATED);
    } finally {
      await small.remove();
    }
  });

  it('leave an Arabic headline without Latin as it is', async () => {
    const entries = childrenNamed(await feedsOf('feed.xml'), 'entry');
    expect(childText(entries[1]!, 'title')).toBe(articles[0]!.frontMatter.title);
  });
});

describe('the stylesheet for readers who open a feed in a browser', () => {
  it.each(['feed.xml', 'rss.xml', 'sections/syria/feed.xml', 'sections/syria/rss.xml'])('is linked from %s by a processing instruction before the root element', async (path) => {
    const xml = await site.read(path);
    expect(xml.split('\n').slice(0, 2)).toEqual(['<?xml version="1.0" encoding="utf-8"?>', '<?xml-stylesheet type="text/css" href="/assets/css/feed.css"?>']);
    expect(() => parseXmlStrictly(xml)).not.toThrow();
  });

  it('is generated with the Arabic note from the locale', async () => {
    const css = await site.read('assets/css/feed.css');
    expect(css).toContain(`content: ${cssString(STRINGS.feedBrowserNote)};`);
    // The site's stylesheet under its content-hashed name (asset-fingerprint.ts).
    expect(css).toMatch(/@import url\('\/assets\/css\/site\.[0-9a-f]{10}\.css'\);/);
  });
});

describe('the RSS 2.0 feed', () => {
  it('declares the namespaces it uses and gives RFC 822 dates', async () => {
    const xml = await site.read('rss.xml');
    const rss = parseXmlStrictly(xml);
    expect(rss.attributes['xmlns:content']).toBe('http://purl.org/rss/1.0/modules/content/');
    expect(rss.attributes['xmlns:atom']).toBe('http://www.w3.org/2005/Atom');
    const channel = childrenNamed(rss, 'channel')[0]!;
    expect(childText(channel, 'language')).toBe('ar');
    expect(childrenNamed(channel, 'atom:link')[0]?.attributes).toMatchObject({ rel: 'self', href: 'https://example.org/rss.xml' });
    const items = childrenNamed(channel, 'item');
    expect(items).toHaveLength(50);
    expect(childText(items[0]!, 'pubDate')).toBe('Tue, 01 Aug 2017 03:00:00 +0300');
    expect(childrenNamed(items[0]!, 'guid')[0]?.attributes.isPermaLink).toBe('false');
    expect(childText(items[0]!, 'content:encoded')).toContain('<p>Body &amp; &lt;b&gt;bold&lt;/b&gt;');
    expect(childText(items[1]!, 'dc:creator')).toBe('وكالات');
    expect(childText(items[2]!, 'dc:creator')).toBe('رامي سلوم');
  });
});

describe('the JSON feed', () => {
  it('is JSON Feed 1.1 with the same 50 items', async () => {
    const feed = JSON.parse(await site.read('feed.json'));
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.language).toBe('ar');
    expect(feed.feed_url).toBe('https://example.org/feed.json');
    expect(feed.items).toHaveLength(50);
    expect(feed.items[0]).toMatchObject({ id: 'tag:alwatan.sy,2017:e000000000000001', url: 'https://example.org/articles/e000000000000001/', date_published: '2017-08-01T00:00:00Z' });
  });
});

describe('section feeds', () => {
  it('exist for every section, as Atom and RSS, holding only that section', async () => {
    for (const [slug, name] of [['syria', 'سورية'], ['economy', 'اقتصاد'], ['sports', 'رياضة']]) {
      const expected = articles.filter((article) => article.frontMatter.section === name).length;
      const atom = await feedsOf(`sections/${slug}/feed.xml`);
      const entries = childrenNamed(atom, 'entry');
      expect(entries).toHaveLength(Math.min(50, expected));
      for (const entry of entries) expect(childrenNamed(entry, 'category')[0]?.attributes.term).toBe(name);
      const rss = await feedsOf(`sections/${slug}/rss.xml`);
      expect(childrenNamed(childrenNamed(rss, 'channel')[0]!, 'item')).toHaveLength(Math.min(50, expected));
    }
  });

  it('are linked for autodiscovery from their section page, beside the site feeds', async () => {
    const html = await site.read('sections/economy/index.html');
    expect(html).toContain('<link rel="alternate" type="application/atom+xml" title="الوطن (Atom)" href="/feed.xml">');
    expect(html).toContain('href="/sections/economy/feed.xml"');
    expect(html).toContain('href="/sections/economy/rss.xml"');
    expect(html).toMatch(/<a href="\/subscribe\/"[^>]*>اشترك<\/a>/);
  });
});

describe('ids', () => {
  it('stay the same across rebuilds and after an editor changes the article', async () => {
    const ids = async (): Promise<string[]> => childrenNamed(await feedsOf('feed.xml'), 'entry').map((entry) => childText(entry, 'id'));
    const first = await ids();
    const path = join(site.contentDir, 'articles/2017/08/e000000000000001.md');
    const edited = renderArticleDocument({ ...hostile.frontMatter, title: 'عنوان مصحح' }, hostile.paragraphs);
    const original = await readFile(path, 'utf8');
    await writeFile(path, edited);
    await site.build({ now: NOW });
    expect(await ids()).toEqual(first);
    expect(childText(childrenNamed(await feedsOf('feed.xml'), 'entry')[0]!, 'title')).toBe('عنوان مصحح');
    await writeFile(path, original);
    await site.build({ now: NOW });
  });
});

describe('sitemaps', () => {
  const SITEMAP_XSD = join(PROJECT_DIR, 'node_modules/sitemap/schema/sitemap.xsd');

  it('list every article, list page and index with lastmod, valid by the sitemaps.org schema', async () => {
    expect(await validateWithXmllint(join(site.outputDir, 'sitemap.xml'), SITEMAP_XSD)).toBe('');
    const urls = childrenNamed(await feedsOf('sitemap.xml'), 'url');
    const locations = urls.map((url) => childText(url, 'loc'));
    for (const article of articles) expect(locations).toContain(`https://example.org/articles/${article.frontMatter.id}/`);
    for (const path of ['', 'page/1/', 'sections/', 'sections/syria/', 'tags/', 'archive/', 'archive/2017/07/']) {
      expect(locations).toContain(`https://example.org/${path}`);
    }
    for (const url of urls) expect(childText(url, 'lastmod')).toMatch(/^\d{4}-\d{2}-\d{2}/);
  });

  it('list the articles of the last two days in a Google News sitemap, valid by its schema', async () => {
    const schema = join(site.dir, 'news.xsd');
    await writeFile(schema, `<?xml version="1.0"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <xsd:import namespace="http://www.sitemaps.org/schemas/sitemap/0.9" schemaLocation="${SITEMAP_XSD}"/>
  <xsd:import namespace="http://www.google.com/schemas/sitemap-news/0.9" schemaLocation="${join(PROJECT_DIR, 'tests/fixtures/schemas/sitemap-news.xsd')}"/>
</xsd:schema>`);
    expect(await validateWithXmllint(join(site.outputDir, 'news-sitemap.xml'), schema)).toBe('');
    const urls = childrenNamed(await feedsOf('news-sitemap.xml'), 'url');
    // Now is 1 August 22:00 UTC: the articles of 31 July and 1 August (00:00 UTC) are within two days, 30 July is not.
    expect(urls.map((url) => childText(url, 'loc'))).toEqual([
      'https://example.org/articles/e000000000000001/',
      'https://example.org/articles/a000000000000000/',
    ]);
    const news = childrenNamed(urls[0]!, 'news:news')[0]!;
    expect(childText(childrenNamed(news, 'news:publication')[0]!, 'news:language')).toBe('ar');
    expect(childText(news, 'news:title')).toBe(HOSTILE_TITLE.replace('\u0001', ''));
  });

  it('point robots.txt at both sitemaps', async () => {
    const robots = await site.read('robots.txt');
    expect(robots).toContain('Sitemap: https://example.org/sitemap.xml');
    expect(robots).toContain('Sitemap: https://example.org/news-sitemap.xml');
  });

  it('become an index of numbered sitemaps past the per-file limit', async () => {
    const small = await createFixtureSite(makeArticles(12));
    try {
      await small.build({ site: { sitemapUrlsPerFile: 10 } });
      expect(await validateWithXmllint(join(small.outputDir, 'sitemap.xml'), join(PROJECT_DIR, 'tests/fixtures/schemas/siteindex.xsd'))).toBe('');
      const index = parseXmlStrictly(await small.read('sitemap.xml'));
      const parts = childrenNamed(index, 'sitemap').map((entry) => childText(entry, 'loc'));
      expect(parts.length).toBeGreaterThanOrEqual(2);
      let total = 0;
      for (const part of parts) {
        const file = part.replace('https://example.org/', '');
        expect(await validateWithXmllint(join(small.outputDir, file), SITEMAP_XSD)).toBe('');
        total += childrenNamed(parseXmlStrictly(await small.read(file)), 'url').length;
      }
      expect(total).toBeGreaterThan(12);
    } finally {
      await small.remove();
    }
  });
});
