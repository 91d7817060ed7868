// How long a browser may keep each file: a year only for names that change with their content.
import { describe, expect, it } from 'vitest';
import { cacheControlFor, hasHashedName, hostCacheRules, IMMUTABLE, REVALIDATE } from '../../scripts/lib/site/cache-policy.ts';

describe('the cache policy', () => {
  it.each([
    ['images/3f2a9c1b5e6d7a8b-800.webp', true],
    ['/images/site-3f2a9c1b5e6d7a8b.png', true],
    ['pagefind/fragment/ar_1ea86c2.pf_fragment', true],
    ['pagefind/index/ar_216e8ad.pf_index', true],
    ['assets/css/site.3f2a9c1b.css', true],
    ['assets/css/site.3f2a9c1b.css.br', true],
    ['assets/fonts/noto-naskh-arabic-arabic-400-normal.3f2a9c1b.woff2', true],
    ['index.html', false],
    ['articles/f4b3dfa3adcd8716/index.html', false],
    ['feed.xml', false],
    ['sw.js', false],
    ['pagefind/pagefind.js', false],
    ['pagefind/pagefind-entry.json', false],
    ['pagefind/wasm.ar.pagefind', false],
    ['pagefind/pagefind.ar_5293685443.pf_meta', false],
    ['assets/css/site.css', false],
    ['assets/fonts/noto-naskh-arabic-arabic-400-normal.woff2', false],
    ['offline-archive.json', false],
    ['offline-archive/5f1c0e2a9b3d4c6e8f7a1b2c3d4e5f60.json', true],
    ['offline-archive/5f1c0e2a9b3d4c6e8f7a1b2c3d4e5f60.json.br', true],
  ])('%s has a content-hashed name: %s', (path, hashed) => {
    expect(hasHashedName(path)).toBe(hashed);
    expect(cacheControlFor(path)).toBe(hashed ? IMMUTABLE : REVALIDATE);
  });

  it('gives a year, immutable, to hashed names only', () => {
    expect(IMMUTABLE).toBe('public, max-age=31536000, immutable');
    expect(REVALIDATE).toBe('no-cache');
  });

  it('lists for static hosts the folders every file of which has a hashed name, and the hashed assets outside them', () => {
    const rules = hostCacheRules(['/assets/fonts/noto-kufi-arabic-arabic-700-normal.3f2a9c1b5e.woff2', '/assets/css/site.3f2a9c1b5e.css']);
    expect(rules.map((rule) => rule.pattern)).toEqual(['/images/*', '/pagefind/fragment/*', '/pagefind/index/*', '/pagefind/filter/*', '/offline-archive/*', '/assets/fonts/*', '/assets/css/site.3f2a9c1b5e.css']);
    expect(rules.every((rule) => rule.cacheControl === IMMUTABLE)).toBe(true);
    expect(hasHashedName('/assets/css/site.3f2a9c1b5e.css')).toBe(true);
  });
});
