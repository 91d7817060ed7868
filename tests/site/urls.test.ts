// Links under a path prefix: a site hosted at /news/ must get every internal link right
// however the prefix is written, and leave links to elsewhere alone.
import { describe, expect, it } from 'vitest';
import { absoluteUrl, normalisedPathPrefix, sitePath } from '../../scripts/lib/site/urls.ts';

const PREFIXES = ['/news/', 'news', '/news', 'news/', '//news//'];

describe('normalisedPathPrefix', () => {
  it.each(PREFIXES)('reads %j as /news', (prefix) => {
    expect(normalisedPathPrefix(prefix)).toBe('/news');
  });

  it.each(['/', '', '//'])('reads %j as the root, the empty prefix', (prefix) => {
    expect(normalisedPathPrefix(prefix)).toBe('');
  });

  it('keeps a prefix of several folders whole', () => {
    expect(normalisedPathPrefix('/ar/news/')).toBe('/ar/news');
  });
});

describe('sitePath', () => {
  it.each([
    ['/', '/'],
    ['/sections/syria/', '/sections/syria/'],
    ['sections/syria/', '/sections/syria/'],
    ['', '/'],
  ])('leaves %j as %j at the root', (path, expected) => {
    expect(sitePath(path, { pathPrefix: '/' })).toBe(expected);
    expect(sitePath(path, { pathPrefix: '' })).toBe(expected);
  });

  it.each(PREFIXES)('puts root-relative paths under the prefix %j', (pathPrefix) => {
    expect(sitePath('/', { pathPrefix })).toBe('/news/');
    expect(sitePath('/sections/syria/page/2/', { pathPrefix })).toBe('/news/sections/syria/page/2/');
    expect(sitePath('assets/site.css', { pathPrefix })).toBe('/news/assets/site.css');
  });

  it('handles a prefix of more than one segment', () => {
    expect(sitePath('/tags/damascus/', { pathPrefix: '/papers/alwatan/' })).toBe('/papers/alwatan/tags/damascus/');
  });

  it.each([
    'https://www.alwatan.sy/archives/112233',
    'http://example.org/',
    'mailto:editor@example.org',
    'tel:+963112233',
    '//cdn.example.org/font.woff2',
  ])('leaves the external URL %s untouched', (url) => {
    for (const pathPrefix of ['/', ...PREFIXES]) expect(sitePath(url, { pathPrefix })).toBe(url);
  });
});

describe('absoluteUrl', () => {
  it.each([
    ['/', '/', 'https://paper.example/'],
    ['/', '/articles/f4b3dfa3adcd8716/', 'https://paper.example/articles/f4b3dfa3adcd8716/'],
    ['/news/', '/', 'https://paper.example/news/'],
    ['/news/', '/articles/f4b3dfa3adcd8716/', 'https://paper.example/news/articles/f4b3dfa3adcd8716/'],
    ['news', '/feed.xml', 'https://paper.example/news/feed.xml'],
    ['/news', '/sections/syria/', 'https://paper.example/news/sections/syria/'],
  ])('joins the base URL, the prefix %j and %s', (pathPrefix, path, expected) => {
    expect(absoluteUrl(path, { baseUrl: 'https://paper.example', pathPrefix })).toBe(expected);
  });

  it('does not double the slash after a base URL that ends in one', () => {
    expect(absoluteUrl('/tags/', { baseUrl: 'https://paper.example/', pathPrefix: '/news/' })).toBe('https://paper.example/news/tags/');
  });

  it.each([
    'https://www.alwatan.sy/archives/112233',
    'mailto:?subject=%D8%B3%D9%88%D8%B1%D9%8A%D8%A9',
  ])('leaves the external URL %s untouched', (url) => {
    expect(absoluteUrl(url, { baseUrl: 'https://paper.example', pathPrefix: '/news/' })).toBe(url);
  });

  it('gives a protocol-relative URL the scheme of the base URL, not the site\'s host', () => {
    expect(absoluteUrl('//cdn.example.org/font.woff2', { baseUrl: 'https://paper.example', pathPrefix: '/news/' }))
      .toBe('https://cdn.example.org/font.woff2');
  });
});
