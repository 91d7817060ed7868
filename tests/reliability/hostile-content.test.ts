// Scraped text is untrusted: hostile raw articles go through ingest and a full build, and
// every output shows their text literally — pages, <title>, meta tags, JSON-LD, feeds,
// sitemaps — while nothing in them can run or become markup.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestSettings } from '../../scripts/lib/config/ingest-settings.ts';
import { siteSettings } from '../support/site-settings.ts';
import { ingestRawFiles } from '../../scripts/lib/ingest/ingest-batch.ts';
import { readFrontMatter } from '../../scripts/lib/content/front-matter.ts';
import { createFixtureSite, PROJECT_DIR, type FixtureSite } from '../support/fixture-site.ts';
import { attributeValues, decodeHtmlEntities, elementText, parsedElements } from '../support/html-text.ts';
import { childrenNamed, childText, parseXmlStrictly } from '../support/xml.ts';

const RAW_DIR = join(PROJECT_DIR, 'tests/fixtures/raw-hostile');
const IDS = ['aaaa000000000001', 'aaaa000000000002', 'aaaa000000000003', 'aaaa000000000004'];

let site: FixtureSite;
const frontMatter = new Map<string, Record<string, unknown>>();

beforeAll(async () => {
  site = await createFixtureSite([]);
  const summary = await ingestRawFiles({
    inputs: [RAW_DIR], outDir: join(site.contentDir, 'articles'), site: siteSettings, settings: ingestSettings,
  });
  expect(summary.created).toBe(IDS.length);
  for (const id of IDS) {
    frontMatter.set(id, readFrontMatter(await readFile(join(site.contentDir, 'articles/2017/07', `${id}.md`), 'utf8')));
  }
  await site.build({ now: new Date('2017-07-08T12:00:00+03:00') });
});
afterAll(() => site?.remove());

const htmlFiles = async (): Promise<string[]> => (await site.files()).filter((file) => file.endsWith('.html'));

describe('nothing from an article can run or become markup', () => {
  it('leaves only the site\'s own scripts, as files, and JSON-LD data blocks', async () => {
    for (const file of await htmlFiles()) {
      for (const element of (await parsedElements(await site.read(file))).filter((node) => node.tag === 'script')) {
        const { type, src } = element.attributes;
        expect(type === 'application/ld+json' || /^\/assets\/js\/[a-z0-9-]+(\.[0-9a-f]{10})?\.js$/.test(src ?? ''), `${file}: ${JSON.stringify(element.attributes)}`).toBe(true);
      }
    }
  });

  it('writes no event-handler attribute, javascript: URL, iframe, style or image element', async () => {
    for (const file of await htmlFiles()) {
      for (const { tag, attributes } of await parsedElements(await site.read(file))) {
        expect(['iframe', 'style', 'img', 'object', 'embed'], `${file}: <${tag}>`).not.toContain(tag);
        for (const [name, value] of Object.entries(attributes)) {
          expect(name, `${file}: <${tag} ${name}>`).not.toMatch(/^on|^autofocus$/);
          if (['href', 'src', 'action', 'formaction'].includes(name)) expect(value.trim(), `${file}: <${tag} ${name}>`).not.toMatch(/^javascript:/i);
        }
      }
    }
  });
});

describe('the article text comes out literally', () => {
  it.each(IDS)('as the heading, the <title> and the meta description of %s', async (id) => {
    const html = await site.read(`articles/${id}/index.html`);
    const data = frontMatter.get(id)!;
    expect(elementText(html, /<h1[^>]*>/, '</h1>')).toBe(data.title);
    expect(elementText(html, /<title>/, '</title>')).toBe(`${data.title} | الوطن`);
    expect(attributeValues(html, /<meta name="description" content="([^"]*)">/g)).toEqual([data.excerpt]);
    expect(attributeValues(html, /<meta property="og:title" content="([^"]*)">/g)).toEqual([data.title]);
  });

  it('keeps template syntax as text in the body', async () => {
    const html = await site.read('articles/aaaa000000000002/index.html');
    expect(decodeHtmlEntities(html)).toContain('{{ 7*7 }} و {% if true %}نعم{% endif %} و {# تعليق #} و ${process.exit()}');
    expect(html).not.toMatch(/>\s*49\s*</);
    expect(decodeHtmlEntities(html)).toContain(']]> <![CDATA[ x ]]> &amp; &lt;b&gt; & < >');
  });

  it('shows the script and link attacks as visible text', async () => {
    const body = decodeHtmlEntities(elementText(await site.read('articles/aaaa000000000001/index.html'), /<div class="article__body">/, '</div>') ?? '');
    expect(body).toContain("<script>alert('body')</script>");
    expect(body).toContain("<a href=\"javascript:alert('link')\" onclick=\"alert('click')\">اضغط هنا</a> [رابط](javascript:alert('md'))");
    expect(body).toContain("</script><script>alert('close')</script>");
  });

  it('keeps bidi controls inside isolates and very long words intact', async () => {
    const html = await site.read('articles/aaaa000000000003/index.html');
    expect(html).toMatch(/<h1 class="article__title"><bdi dir="rtl">[^<]*\u202e/);
    expect(html).toContain('x'.repeat(600));
    expect(html).not.toMatch(/[\u0001\u0002\u0007]/);
  });

  it('survives inside JSON-LD without closing its script element', async () => {
    for (const id of IDS) {
      const html = await site.read(`articles/${id}/index.html`);
      const json = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1] ?? '';
      expect(json).not.toMatch(/[<>]/);
      expect(JSON.parse(json).headline).toBe(frontMatter.get(id)!.title);
    }
  });
});

describe('feeds and sitemaps stay well-formed XML with the text intact', () => {
  it.each(['feed.xml', 'rss.xml', 'sections/syria/feed.xml', 'sections/economy/rss.xml', 'sitemap.xml', 'news-sitemap.xml'])('%s', async (file) => {
    const document = parseXmlStrictly(await site.read(file));
    expect(document.name).toMatch(/^(feed|rss|urlset)$/);
  });

  it('titles every feed entry with the article title', async () => {
    const entries = childrenNamed(parseXmlStrictly(await site.read('feed.xml')), 'entry');
    const titles = new Map(entries.map((entry) => [childText(entry, 'id').split(':').pop(), childText(entry, 'title')]));
    // Latin runs come isolated (isolate-latin.ts): without the isolate controls, the title as it is.
    for (const id of IDS) expect(titles.get(id)?.replace(/[\u2066-\u2069]/g, '')).toBe(frontMatter.get(id)!.title);
  });

  it('carries the body as escaped HTML that is text once rendered', async () => {
    const entries = childrenNamed(parseXmlStrictly(await site.read('feed.xml')), 'entry');
    const content = childText(entries.find((entry) => childText(entry, 'id').endsWith('aaaa000000000001'))!, 'content');
    expect(content).not.toMatch(/<script/i);
    expect(decodeHtmlEntities(content)).toContain("<script>alert('body')</script>");
  });
});
