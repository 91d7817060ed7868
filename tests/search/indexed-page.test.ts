// The indexed part of a built page as text, the variant block only Pagefind sees, and the hash
// of what Pagefind is given, which a change elsewhere on the page leaves alone.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  documentForIndex, headForIndex, indexedHeadline, indexedPageFacts, indexedParts, indexedPartsHash, indexedText, isIndexedPage, pageDateKeys,
} from '../../scripts/lib/search/indexed-page.ts';

const ARTICLE_PAGE = [
  '<html lang="ar"><body><header><nav>الرئيسية</nav></header>',
  '<main><article class="article" data-pagefind-body><h1><bdi>عنوان &amp; &quot;الخبر&quot;</bdi></h1>',
  '<p>قال الوزير&nbsp;إن &lt;العمل&gt; مستمر.</p><script>var x = "لا";</script></article>',
  '<section class="related"><article class="card"><h3>خبر آخر</h3></article></section></main></body></html>',
].join('');

describe('isIndexedPage', () => {
  it('recognises a page that marks its searchable part', () => {
    expect(isIndexedPage(ARTICLE_PAGE)).toBe(true);
  });

  it('does not take a list page, which marks none', () => {
    expect(isIndexedPage('<html><body><main><h1>آخر الأخبار</h1><article class="card">خبر</article></main></body></html>')).toBe(false);
  });
});

describe('indexedText', () => {
  it('reads only the data-pagefind-body element, as text, entities decoded, spaces collapsed and scripts dropped', () => {
    expect(indexedText(ARTICLE_PAGE)).toBe('عنوان & "الخبر" قال الوزير إن <العمل> مستمر.');
  });

  it('leaves out what Pagefind does not index: data-pagefind-ignore elements', () => {
    const page = '<article data-pagefind-body><p><bdi data-pagefind-ignore>محليات</bdi></p><h1>عنوان</h1><span data-pagefind-ignore data-pagefind-meta="date"><time>الخميس 20 تموز 2017</time></span><p>نص</p></article>';
    expect(indexedText(page)).toBe('عنوان نص');
  });

  it('is empty for a page with nothing to index', () => {
    expect(indexedText('<p>نص</p>')).toBe('');
  });
});

describe('indexedHeadline', () => {
  it('reads the text of the indexed element\'s <h1>', () => {
    expect(indexedHeadline(ARTICLE_PAGE)).toBe('عنوان & "الخبر"');
  });

  it('is empty without one', () => {
    expect(indexedHeadline('<article data-pagefind-body><p>نص</p></article>')).toBe('');
  });
});

describe('documentForIndex', () => {
  const HEAD = '<html lang="ar"><head><title>عنوان</title><meta property="og:description" content="ملخص" data-pagefind-meta="summary[content]"></head>';
  const ARTICLE = ARTICLE_PAGE.slice(ARTICLE_PAGE.indexOf('<article class="article"'), ARTICLE_PAGE.indexOf('</article>') + '</article>'.length);

  const text = (tokens: string[]) => ({ headline: [], text: tokens });

  it('keeps the head and the indexed element, with the tokens after the mark at its end, and nothing else', () => {
    const page = `${HEAD}${ARTICLE_PAGE.slice('<html lang="ar">'.length)}`;
    expect(documentForIndex(page, text(['وزير', 'عمل']))).toBe(`${HEAD}<body>${ARTICLE.replace('</article>', '<p>⁂ وزير عمل</p></article>')}</body></html>`);
  });

  it('weighs the headline\'s tokens as Pagefind weighs an <h1>, in a block before the text\'s', () => {
    expect(documentForIndex(ARTICLE_PAGE, { headline: ['عراق'], text: ['وزير'] }))
      .toBe(`<body>${ARTICLE.replace('</article>', '<p data-pagefind-weight="7">⁂ عراق</p><p>⁂ وزير</p></article>')}</body></html>`);
  });

  it('adds no block without tokens, and no head when the page has none', () => {
    expect(documentForIndex(ARTICLE_PAGE, text([]))).toBe(`<body>${ARTICLE}</body></html>`);
  });

  it('leaves a page without an indexed element alone', () => {
    expect(documentForIndex('<p>نص</p>', text(['نص']))).toBe('<p>نص</p>');
  });

  it.each([['<b>'], ['a b'], ['"']])('refuses a token that is not letters and digits: %s', (token) => {
    expect(() => documentForIndex(ARTICLE_PAGE, text([token]))).toThrow(/letters and digits/);
    expect(() => documentForIndex(ARTICLE_PAGE, { headline: [token], text: [] })).toThrow(/letters and digits/);
  });

  it('refuses an indexed element that nests its own kind, whose end it cannot find by text', () => {
    expect(() => documentForIndex('<div data-pagefind-body><div>x</div></div>', text(['نص']))).toThrow(/contains another <div>/);
  });
});

describe('headForIndex', () => {
  const OPENING = '<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>';
  const SUMMARY = '<meta property="og:description" content="ملخص" data-pagefind-meta="summary[content]">';

  it('keeps the opening, the title and the meta Pagefind reads, and drops the rest', () => {
    const head = `${OPENING}\n<meta charset="utf-8">\n<title>عنوان | الوطن</title>\n<link rel="stylesheet" href="/assets/css/site.beca2d04d5.css">\n${SUMMARY}\n<script type="application/ld+json">{"headline":"عنوان"}</script>\n</head>`;
    expect(headForIndex(head)).toBe(`${OPENING}<title>عنوان | الوطن</title>${SUMMARY}</head>`);
  });

  it('gives a head whole when another kind of element carries a Pagefind attribute', () => {
    const head = `${OPENING}<title>عنوان</title><script data-pagefind-meta="x">1</script><link rel="icon" href="/i.svg"></head>`;
    expect(headForIndex(head)).toBe(head);
  });

  it('leaves a head without an opening tag alone', () => {
    expect(headForIndex('<title>عنوان</title></head>')).toBe('<title>عنوان</title></head>');
  });
});

describe('pageDateKeys', () => {
  it('reads the sort key and year the article template writes', () => {
    const html = '<span data-pagefind-ignore data-pagefind-meta="date" data-pagefind-sort="date:2017-07-05T14:30:00" data-pagefind-filter="year:2017"><time>…</time></span>';
    expect(pageDateKeys(html)).toEqual({ sortKey: '2017-07-05T14:30:00', year: '2017' });
  });

  it('keeps none of the page: facts kept for every page of a site must not keep the pages', () => {
    setFlagsFromString('--expose-gc');
    const collect = runInNewContext('gc') as () => void;
    const PAGES = 40;
    const PAGE_CHARS = 2 * 1024 * 1024;
    collect();
    const before = process.memoryUsage().heapUsed;
    const keys = Array.from({ length: PAGES }, (_, page) => {
      // A page as the build reads it: one flat string, two-byte (Arabic), read from bytes.
      const html = Buffer.from(`<span data-pagefind-sort="date:2017-07-${String(page % 28 + 1).padStart(2, '0')}T14:30:00" data-pagefind-filter="year:2017"></span>${'خبر '.repeat(PAGE_CHARS / 4)}`).toString('utf8');
      return pageDateKeys(html);
    });
    collect();
    const kept = process.memoryUsage().heapUsed - before;
    expect(keys.every((key) => key?.year === '2017' && key.sortKey.startsWith('2017-07-'))).toBe(true);
    // Holding the pages would be 40 × 4 MB (two bytes a character).
    expect(kept).toBeLessThan(16 * 1024 * 1024);
  });

  it('is undefined for a page without both', () => {
    expect(pageDateKeys('<p data-pagefind-sort="date:2017-07-05T14:30:00">')).toBeUndefined();
    expect(pageDateKeys('<p data-pagefind-filter="year:2017">')).toBeUndefined();
    expect(pageDateKeys('<p data-pagefind-sort="date:2017" data-pagefind-filter="year:2017">')).toBeUndefined();
  });
});

describe('indexedParts and indexedPageFacts', () => {
  const DATE = '<span data-pagefind-ignore data-pagefind-sort="date:2017-07-05T14:30:00" data-pagefind-filter="year:2017"><time>…</time></span>';
  const PAGE = [
    '<!DOCTYPE html><html lang="ar"><head><title>عنوان</title><meta property="og:description" content="ملخص" data-pagefind-meta="summary[content]"></head>',
    '<body><header class="site-header"><nav>الرئيسية</nav></header><main>',
    `<article class="article" data-pagefind-body><h1><bdi>عنوان</bdi></h1>${DATE}<p>قال الوزير إن العمل مستمر.</p></article>`,
    '<nav class="section-neighbours" data-pagefind-ignore><a rel="next" href="/articles/b/"><bdi>خبر تال</bdi></a></nav>',
    '</main><footer class="site-footer"><p>© الموقع</p></footer></body></html>',
  ].join('');
  const hashOf = (html: string): string | undefined => indexedPageFacts(html)?.indexedSha256;

  it('are what documentForIndex is made of', () => {
    const parts = indexedParts(PAGE);
    expect(parts).toBeDefined();
    const { head, opening, inner, closing } = parts!;
    expect(documentForIndex(PAGE, { headline: [], text: [] })).toBe(`${head}<body>${opening}${inner}${closing}</body></html>`);
    expect(opening).toBe('<article class="article" data-pagefind-body>');
    expect(closing).toBe('</article>');
    expect(indexedText(PAGE)).toBe('عنوان قال الوزير إن العمل مستمر.');
  });

  it('reads the date keys and hashes the parts', () => {
    expect(indexedPageFacts(PAGE)).toEqual({ sortKey: '2017-07-05T14:30:00', year: '2017', indexedSha256: indexedPartsHash(indexedParts(PAGE)!) });
    expect(hashOf(PAGE)).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ['a comment in the footer', (html: string) => html.replace('© الموقع', '© الموقع<!-- 2026 -->')],
    ['a new headline of the next article in the section', (html: string) => html.replace('خبر تال', 'خبر تال بعنوان جديد')],
    ['a change of the site\'s navigation', (html: string) => html.replace('<nav>الرئيسية</nav>', '<nav>الرئيسية <a href="/sport/">رياضة</a></nav>')],
    ['text after the article', (html: string) => html.replace('</main>', '<p>نص بعد الخبر</p></main>')],
    ['a new stylesheet name in the head', (html: string) => html.replace('</title>', '</title><link rel="stylesheet" href="/assets/css/site.0123456789.css">')],
    ['structured data in the head', (html: string) => html.replace('</head>', '<script type="application/ld+json">{"@type":"NewsArticle"}</script></head>')],
  ])('leave the hash alone after %s', (_label, edit) => {
    expect(edit(PAGE)).not.toBe(PAGE);
    expect(hashOf(edit(PAGE))).toBe(hashOf(PAGE));
  });

  it.each([
    ['the article\'s text', (html: string) => html.replace('مستمر', 'متوقف')],
    ['an ignored element inside the article', (html: string) => html.replace('<time>…</time>', '<time>٥ تموز</time>')],
    ['the head (Pagefind reads meta there)', (html: string) => html.replace('content="ملخص"', 'content="ملخص آخر"')],
    ['the title', (html: string) => html.replace('<title>عنوان</title>', '<title>عنوان آخر</title>')],
    ['the page\'s language', (html: string) => html.replace('<html lang="ar">', '<html lang="en">')],
    ['the article\'s opening tag', (html: string) => html.replace('class="article"', 'class="article article--wide"')],
    ['the case of its closing tag', (html: string) => html.replace('</article>', '</ARTICLE>')],
  ])('change the hash with %s', (_label, edit) => {
    expect(hashOf(edit(PAGE))).not.toBe(hashOf(PAGE));
  });

  it('say nothing of a page Pagefind would not index', () => {
    expect(indexedParts('<p>نص</p>')).toBeUndefined();
    expect(indexedPageFacts('<p>نص</p>')).toBeNull();
  });

  it('refuse an indexed page without its date keys: it would belong to no segment', () => {
    expect(() => indexedPageFacts(PAGE.replace(DATE, ''))).toThrow(/no data-pagefind-sort date and year filter/);
  });
});
