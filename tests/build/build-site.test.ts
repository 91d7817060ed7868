// Builds a fixture site of more than two pages of articles and checks what readers and
// search engines get: the page set, pagination, RTL Arabic markup, dates, plurals,
// metadata, and article text that stays text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtureSite, makeArticles, type FixtureArticle, type FixtureSite } from '../support/fixture-site.ts';
import { isPrecompressedCopy } from '../../scripts/lib/site/precompress.ts';

const HOSTILE_TITLE = '<script>alert(1)</script> {{ 7*7 }} {% if true %}نعم{% endif %} "quoted" & co';
const articles: FixtureArticle[] = makeArticles(45);
const hostile: FixtureArticle = {
  frontMatter: { ...makeArticles(1)[0]!.frontMatter, id: 'b000000000000001', title: HOSTILE_TITLE, date: '2017-07-05', excerpt: '<b>not bold</b> {{ 6*7 }}', tags: ['وسم جديد'] },
  paragraphs: ['{{ 7*7 }} and {% raw %}x{% endraw %} and ${1+1}', '<script>alert("body")</script>', '# not a heading', '</script><img src=x onerror=alert(1)>'],
};
const draft: FixtureArticle = { frontMatter: { ...makeArticles(1)[0]!.frontMatter, id: 'c000000000000001', title: 'مسودة لم تنشر' }, paragraphs: ['مسودة.'] };
const future: FixtureArticle = { frontMatter: { ...makeArticles(1)[0]!.frontMatter, id: 'c000000000000002', title: 'خبر من المستقبل', date: '2017-09-01' }, paragraphs: ['لاحقاً.'] };

let site: FixtureSite;
let files: string[];

beforeAll(async () => {
  site = await createFixtureSite([...articles, hostile, future], {
    'articles/2017/07/c000000000000001.md': (await import('../../scripts/lib/ingest/article-document.ts'))
      .renderArticleDocument(draft.frontMatter, draft.paragraphs).replace('\ningestSha256', '\ndraft: true\ningestSha256'),
  });
  await site.build();
  files = await site.files();
});
afterAll(() => site?.remove());

const htmlPages = (): string[] => files.filter((file) => file.endsWith('.html'));

describe('the page set', () => {
  it.each([
    'index.html', 'page/1/index.html', '404.html',
    'sections/index.html', 'sections/syria/index.html', 'sections/economy/index.html', 'sections/sports/index.html',
    'tags/index.html', 'tags/iran/index.html', 'tags/russia/index.html', 'tags/damascus/index.html',
    'archive/index.html', 'archive/2017/07/index.html', 'archive/2017/06/index.html',
    'articles/a000000000000000/index.html', 'articles/b000000000000001/index.html',
  ])('has %s', (file) => {
    expect(files).toContain(file);
  });

  it('writes one page per published article and none for drafts or future articles', () => {
    // The precompressed .br and .gz beside each page are the host's (precompress.ts).
    const articlePages = files.filter((file) => file.startsWith('articles/') && !isPrecompressedCopy(file));
    expect(articlePages).toHaveLength(46);
    expect(files).not.toContain('articles/c000000000000001/index.html');
    expect(files).not.toContain('articles/c000000000000002/index.html');
  });

  it('pages the home list from the oldest end: 46 articles, 20 a page, make one deep page', () => {
    expect(files.filter((file) => /^page\//.test(file) && !isPrecompressedCopy(file))).toEqual(['page/1/index.html']);
  });

  it('gives an unknown tag a stable ASCII slug', () => {
    expect(files.filter((file) => /^tags\/[a-z0-9-]+\/index\.html$/.test(file))).toContain('tags/wsm-jdyd/index.html');
  });
});

describe('pagination', () => {
  const leadDates = (html: string): string[] => {
    const lead = html.includes('card-grid--lead') ? html.slice(html.indexOf('card-grid--lead'), html.indexOf('section-block')) : html;
    return [...lead.matchAll(/<time datetime="([^"]+)"/g)].map((match) => match[1] as string);
  };

  it('links the oldest page to the newer one with rel=prev, and the first page to it with rel=next', async () => {
    const deep = await site.read('page/1/index.html');
    expect(deep).toMatch(/<a class="pager__step" rel="prev" href="\/"[^>]*>/);
    expect(deep).not.toMatch(/rel="next"/);
    expect(deep).toContain('<link rel="prev" href="/">');
    const first = await site.read('index.html');
    expect(first).toMatch(/<a class="pager__step" rel="next" href="\/page\/1\/"[^>]*>/);
    expect(first).not.toMatch(/rel="prev"/);
  });

  it('points the arrows the right way for right-to-left reading', async () => {
    expect(await site.read('page/1/index.html')).toMatch(/rel="prev"[^>]*><span aria-hidden="true">→<\/span> <span class="pager__step-text">أحدث<\/span>/);
    expect(await site.read('index.html')).toMatch(/rel="next"[^>]*><span class="pager__step-text">أقدم<\/span> <span aria-hidden="true">←<\/span>/);
  });

  it('shows a deep page its number and dates, never a total or a page count that publishing would change', async () => {
    const deep = await site.read('page/1/index.html');
    expect(deep).toContain('صفحة 1 — من السبت 17 حزيران 2017 إلى الأربعاء 5 تموز 2017');
    expect(deep).not.toMatch(/\d+ (مقالاً|مقالات|مقال)/);
  });

  it('lists the newest articles on the first page (perPage to 2·perPage − 1) and the oldest 20 on page 1', async () => {
    const first = leadDates(await site.read('index.html'));
    expect(first).toHaveLength(26);
    expect(first).toEqual([...first].sort().reverse());
    expect(first[0]).toBe('2017-07-31');
    const deep = leadDates(await site.read('page/1/index.html'));
    expect(deep).toHaveLength(20);
    expect(deep.at(-1)).toBe('2017-06-17');
  });
});

describe('every page', () => {
  it('is Arabic, right to left, with exactly one h1', async () => {
    for (const file of htmlPages()) {
      const html = await site.read(file);
      expect(html, file).toContain('<html lang="ar" dir="rtl">');
      expect(html.match(/<h1[\s>]/g), file).toHaveLength(1);
    }
  });

  it('dates its articles with <time datetime> on every page type that lists or shows them', async () => {
    for (const file of ['index.html', 'sections/syria/index.html', 'tags/iran/index.html', 'archive/2017/07/index.html', 'articles/a000000000000000/index.html']) {
      expect(await site.read(file), file).toMatch(/<time datetime="\d{4}-\d{2}-\d{2}[^"]*">[^<]+<\/time>/);
    }
  });
});

describe('Arabic dates and counts', () => {
  it('shows the weekday, day, Levantine month and year', async () => {
    expect(await site.read('articles/b000000000000001/index.html')).toContain('<time datetime="2017-07-05">الأربعاء 5 تموز 2017</time>');
  });

  const published = [...articles, hostile];
  it.each([
    ['sections/syria/index.html', published.filter((article) => article.frontMatter.section === 'سورية').length],
    ['tags/russia/index.html', published.filter((article) => article.frontMatter.tags.includes('روسيا')).length],
    ['archive/2017/06/index.html', published.filter((article) => article.frontMatter.date.startsWith('2017-06')).length],
    ['archive/index.html', published.length],
  ])('counts the articles of %s (%i, 11 to 99) with the accusative plural form', async (file, count) => {
    expect(count).toBeGreaterThanOrEqual(11);
    expect(count).toBeLessThanOrEqual(99);
    expect(await site.read(file)).toContain(`${count} مقالاً`);
  });

  it('uses the dual and the singular where they apply', async () => {
    const html = await site.read('tags/index.html');
    expect(html).toMatch(/وسم جديد<\/bdi><\/a> <span class="index-list__count">مقال واحد<\/span>/);
  });
});

describe('metadata', () => {
  it('has a NewsArticle JSON-LD with the required fields, an agency as an Organization', async () => {
    const html = await site.read('articles/a000000000000000/index.html');
    const json = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1] ?? '';
    const data = JSON.parse(json);
    expect(data).toMatchObject({
      '@type': 'NewsArticle', headline: 'خبر رقم 1 عن الأحداث في دمشق', datePublished: '2017-07-31', dateModified: '2017-07-31',
      author: { '@type': 'Organization', name: 'وكالات' }, inLanguage: 'ar', articleSection: 'سورية',
      mainEntityOfPage: { '@id': 'https://example.org/articles/a000000000000000/' },
    });
    expect(data.publisher.name).toBe('الوطن');
  });

  it('credits a writer as a Person', async () => {
    const html = await site.read('articles/a000000000000001/index.html');
    const data = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1] ?? '');
    expect(data.author).toEqual({ '@type': 'Person', name: 'رامي سلوم' });
  });

  it('has a canonical URL, OpenGraph and Twitter tags', async () => {
    const html = await site.read('articles/a000000000000000/index.html');
    expect(html).toContain('<link rel="canonical" href="https://example.org/articles/a000000000000000/">');
    expect(html).toContain('<meta property="og:locale" content="ar_SY">');
    expect(html).toContain('<meta property="og:type" content="article">');
    expect(html).toContain('<meta property="article:published_time" content="2017-07-31">');
    expect(html).toContain('<meta property="article:section" content="سورية">');
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image">');
    expect(html).toContain('<meta name="description" content="ملخص الخبر رقم 1.">');
  });
});

describe('article text is text', () => {
  it('shows a hostile title escaped everywhere and never runs it as a template', async () => {
    const html = await site.read('articles/b000000000000001/index.html');
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }} {% if true %}نعم{% endif %}');
    expect(html).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/>49<|\b49\b/);
  });

  it('keeps JSON-LD unable to close its script element', async () => {
    const html = await site.read('articles/b000000000000001/index.html');
    const json = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1] ?? '';
    expect(json).not.toMatch(/</);
    expect(JSON.parse(json).headline).toBe(HOSTILE_TITLE);
  });

  it('renders the body paragraphs literally', async () => {
    const html = await site.read('articles/b000000000000001/index.html');
    expect(html).toContain('<p>{{ 7*7 }} and {% raw %}x{% endraw %} and ${1+1}</p>');
    expect(html).toContain('<p>&lt;script&gt;alert(&quot;body&quot;)&lt;/script&gt;</p>');
    expect(html).toContain('<p># not a heading</p>');
    expect(html).toContain('<p>&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;</p>');
    expect(html).not.toContain('<img src=x');
  });
});

describe('the article page', () => {
  it('links its section, its tags, its neighbours in the section and related articles', async () => {
    const html = await site.read('articles/a000000000000003/index.html');
    expect(html).toContain('<li class="article__section"><a href="/sections/syria/">');
    expect(html).toMatch(/<a href="\/tags\/[a-z-]+\/" rel="tag">/);
    expect(html).toContain('class="section-neighbours__next" rel="next" href="/articles/a000000000000000/"');
    expect(html).toContain('class="section-neighbours__previous" rel="prev" href="/articles/a000000000000006/"');
    const related = html.slice(html.indexOf('class="related"'), html.indexOf('</section>', html.indexOf('class="related"')));
    expect([...related.matchAll(/class="card__title"/g)].length).toBeGreaterThanOrEqual(4);
    expect(related).not.toContain('/articles/a000000000000003/');
  });

  it('offers share links that need no script', async () => {
    const html = await site.read('articles/a000000000000003/index.html');
    for (const host of ['https://wa.me/', 'https://t.me/share/url', 'https://www.facebook.com/sharer/', 'https://x.com/intent/post', 'mailto:?subject=']) {
      expect(html).toContain(`href="${host}`);
    }
  });
});

describe('drafts and scheduled articles', () => {
  it('are shown when previewing', async () => {
    const preview = await createFixtureSite([future]);
    try {
      await preview.build({ includeDrafts: true });
      expect(await preview.files()).toContain('articles/c000000000000002/index.html');
      await preview.build({ includeDrafts: false });
      expect(await preview.files()).not.toContain('articles/c000000000000002/index.html');
      await preview.build({ now: new Date('2017-09-02T00:00:00Z') });
      expect(await preview.files()).toContain('articles/c000000000000002/index.html');
    } finally {
      await preview.remove();
    }
  });
});

describe('html-validate', () => {
  it('reports no errors on any page', async () => {
    const { HtmlValidate } = await import('html-validate');
    const { HTML_VALIDATE_CONFIG } = await import('../../scripts/tools/gates/html-validate-config.ts');
    const validator = new HtmlValidate(HTML_VALIDATE_CONFIG);
    const errors: string[] = [];
    for (const file of htmlPages()) {
      const report = await validator.validateString(await site.read(file), file);
      for (const result of report.results) {
        for (const message of result.messages) {
          if (message.severity === 2) errors.push(`${file}:${message.line}:${message.column} ${message.ruleId} ${message.message}`);
        }
      }
    }
    expect(errors).toEqual([]);
  });
});
