// Structured data for search engines: no article text can close the <script> it sits
// in, and the NewsArticle carries the fields Google News reads.
import { describe, expect, it } from 'vitest';
import { type SiteSettings } from '../../scripts/lib/config/site.ts';
import { siteSettings } from '../support/site-settings.ts';
import { breadcrumbJsonLd, newsArticleJsonLd, serialiseJsonForScript, type JsonLdArticle } from '../../scripts/lib/site/json-ld.ts';

const SITE: SiteSettings = { ...siteSettings, baseUrl: 'https://paper.example', pathPrefix: '/news/' };

const ARTICLE: JsonLdArticle = {
  title: 'افتتاح معرض دمشق الدولي',
  section: 'اقتصاد',
  date: '2017-07-05',
  excerpt: 'افتُتح اليوم معرض دمشق الدولي بمشاركة عربية ودولية.',
  tags: ['دمشق', 'معرض دمشق الدولي'],
};

describe('serialiseJsonForScript', () => {
  it.each([
    ['a closing script tag', { headline: 'قال </script><script>alert(1)</script>' }],
    ['an HTML comment opener', { headline: '<!-- تعليق' }],
    ['a closing script tag in upper case', { headline: '</SCRIPT >' }],
    ['ampersands and entities', { headline: 'الأخبار &amp; التقارير & <b>' }],
    ['line and paragraph separators', { headline: 'سطر\u2028سطر\u2029فقرة' }],
    ['nested values and keys', { '<key>': ['</script>', { inner: '<!--&-->' }] }],
    ['plain Arabic', { headline: 'سورية', count: 3, draft: false, none: null }],
  ])('keeps %s inert and lossless', (_case, value) => {
    const serialised = serialiseJsonForScript(value);
    expect(serialised).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(serialised)).toEqual(value);
  });

  it('escapes as \\u sequences, not as HTML entities', () => {
    expect(serialiseJsonForScript('</script>')).toBe('"\\u003c/script\\u003e"');
    expect(serialiseJsonForScript('a&b')).toBe('"a\\u0026b"');
  });
});

describe('newsArticleJsonLd', () => {
  const PUBLISHER = {
    '@type': 'NewsMediaOrganization',
    name: siteSettings.name,
    url: 'https://paper.example/news/',
    logo: { '@type': 'ImageObject', url: 'https://paper.example/news/assets/logo.svg' },
  };

  it('describes the article as a NewsArticle in Arabic, at its absolute URL under the prefix', () => {
    const data = newsArticleJsonLd(ARTICLE, '/articles/f4b3dfa3adcd8716/', SITE);
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: ARTICLE.title,
      description: ARTICLE.excerpt,
      datePublished: '2017-07-05',
      inLanguage: 'ar',
      articleSection: 'اقتصاد',
      keywords: 'دمشق، معرض دمشق الدولي',
      mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://paper.example/news/articles/f4b3dfa3adcd8716/' },
      url: 'https://paper.example/news/articles/f4b3dfa3adcd8716/',
      publisher: PUBLISHER,
    });
  });

  it.each([
    ['no update', undefined, '2017-07-05'],
    ['an update', '2017-07-06T10:15:00+03:00', '2017-07-06T10:15:00+03:00'],
  ])('gives dateModified for %s', (_case, updated, expected) => {
    expect(newsArticleJsonLd({ ...ARTICLE, updated }, '/articles/a/', SITE).dateModified).toBe(expected);
  });

  it.each([
    ['an agency credit', { byline: 'وكالات' }, { '@type': 'Organization', name: 'وكالات' }],
    ['an agency credit as author', { author: 'سانا' }, { '@type': 'Organization', name: 'سانا' }],
    ['a person', { author: 'رامي سلوم', byline: 'دمشق - رامي سلوم' }, { '@type': 'Person', name: 'رامي سلوم' }],
    ['a byline with no author', { byline: 'محمد منار حميجو' }, { '@type': 'Person', name: 'محمد منار حميجو' }],
    ['no byline', {}, PUBLISHER],
  ])('credits %s', (_case, credit, author) => {
    expect(newsArticleJsonLd({ ...ARTICLE, ...credit }, '/articles/a/', SITE).author).toEqual(author);
  });

  it('survives serialisation with hostile text intact', () => {
    const hostile = { ...ARTICLE, title: '</script><!-- {{ 7*7 }}', author: 'أحمد <b>' };
    const serialised = serialiseJsonForScript(newsArticleJsonLd(hostile, '/articles/a/', SITE));
    expect(serialised).not.toMatch(/[<>&]/);
    expect(JSON.parse(serialised)).toMatchObject({ headline: hostile.title, author: { '@type': 'Person', name: 'أحمد <b>' } });
  });
});

describe('breadcrumbJsonLd', () => {
  it('lists the trail in order, each step with its absolute URL under the path prefix', () => {
    expect(breadcrumbJsonLd([{ name: 'الرئيسية', path: '/' }, { name: 'سورية', path: '/sections/syria/' }], SITE)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'الرئيسية', item: 'https://paper.example/news/' },
        { '@type': 'ListItem', position: 2, name: 'سورية', item: 'https://paper.example/news/sections/syria/' },
      ],
    });
  });
});
