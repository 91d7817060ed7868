// What the search step remembers of pages by their content hash: whether the index holds them,
// their date keys and the hash of their indexed parts. A missing, damaged or stale file is the
// same as none.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IndexedPageCache } from '../../scripts/lib/search/indexed-page-cache.ts';
import { useTempDirs } from '../support/temp-dir.ts';

const makeTempDir = useTempDirs('page-cache-');
const STEP = 's'.repeat(64);
const ARTICLE = '1'.repeat(64);
const LIST_PAGE = '2'.repeat(64);
const UNUSED = '3'.repeat(64);
const FACTS = { sortKey: '2017-07-31T00:00:00', year: '2017', indexedSha256: 'a'.repeat(64) };

describe('IndexedPageCache', () => {
  it('remembers pages across builds, and keeps only those the last build asked about', async () => {
    const dir = await makeTempDir();
    const first = IndexedPageCache.load(dir, STEP);
    expect(first.get(ARTICLE)).toBeUndefined();
    first.remember(ARTICLE, FACTS);
    first.remember(LIST_PAGE, null);
    first.remember(UNUSED, null);
    first.save();

    const second = IndexedPageCache.load(dir, STEP);
    expect(second.get(ARTICLE)).toEqual(FACTS);
    expect(second.get(LIST_PAGE)).toBeNull();
    second.save();
    const third = IndexedPageCache.load(dir, STEP);
    expect(third.get(UNUSED)).toBeUndefined();
    expect(third.get(ARTICLE)).toEqual(FACTS);
  });

  it('writes the pages a build adds beside the large file, and the large file again only once a tenth differs', async () => {
    const dir = await makeTempDir();
    const sha = (n: number): string => n.toString(16).padStart(64, '0');
    const build = (pages: number[]): void => {
      const cache = IndexedPageCache.load(dir, STEP);
      for (const n of pages) if (cache.get(sha(n)) === undefined) cache.remember(sha(n), n % 2 ? FACTS : null);
      cache.save();
    };
    const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, i) => from + i);
    build(range(0, 100));
    const base = await readFile(join(dir, 'pages.json'), 'utf8');
    // 5 new pages, 5 gone: a tenth, not more.
    build(range(5, 105));
    expect(await readFile(join(dir, 'pages.json'), 'utf8')).toBe(base);
    expect(Object.keys((JSON.parse(await readFile(join(dir, 'pages-added.json'), 'utf8')) as { pages: object }).pages)).toEqual(range(100, 105).map(sha));
    const known = IndexedPageCache.load(dir, STEP);
    expect(range(5, 105).map((n) => known.get(sha(n)))).toEqual(range(5, 105).map((n) => (n % 2 ? FACTS : null)));
    // One more new page: 6 added and 5 unused are more than a tenth; everything goes into pages.json.
    build(range(6, 106));
    expect(Object.keys((JSON.parse(await readFile(join(dir, 'pages.json'), 'utf8')) as { pages: object }).pages).sort()).toEqual(range(6, 106).map(sha).sort());
    await expect(readFile(join(dir, 'pages-added.json'))).rejects.toThrow();
  });

  it('forgets everything when the search step changed', async () => {
    const dir = await makeTempDir();
    const cache = IndexedPageCache.load(dir, STEP);
    cache.remember(ARTICLE, null);
    cache.save();
    expect((IndexedPageCache.load(dir, 't'.repeat(64))).get(ARTICLE)).toBeUndefined();
  });

  it.each([
    ['not JSON', '{"fingerprint'],
    ['JSON null', 'null'],
    ['pages as a list', JSON.stringify({ fingerprint: STEP, pages: [] })],
  ])('starts empty from a file that is %s', async (_label, text) => {
    const dir = await makeTempDir();
    await writeFile(join(dir, 'pages.json'), text);
    expect((IndexedPageCache.load(dir, STEP)).get(ARTICLE)).toBeUndefined();
  });

  it('reads again a page whose entry does not look right', async () => {
    const dir = await makeTempDir();
    await writeFile(join(dir, 'pages.json'), JSON.stringify({
      fingerprint: STEP,
      pages: {
        [ARTICLE]: ['2017', '2017', 'a'.repeat(64)],
        [LIST_PAGE]: 1,
        [UNUSED]: ['2017-07-31T00:00:00', '17', 'a'.repeat(64)],
        // The layout before the indexed parts' hash; a hash that is not one.
        ['4'.repeat(64)]: ['2017-07-31T00:00:00', '2017'],
        ['5'.repeat(64)]: ['2017-07-31T00:00:00', '2017', 'A'.repeat(64)],
        constructor: 0,
      },
    }));
    const cache = IndexedPageCache.load(dir, STEP);
    const read = [ARTICLE, LIST_PAGE, UNUSED, '4'.repeat(64), '5'.repeat(64), 'toString'].map((sha256) => cache.get(sha256));
    expect(read).toEqual(read.map(() => undefined));
    expect(cache.get('constructor')).toBeNull();
  });

  it('without a folder, knows nothing and saves nothing', async () => {
    const cache = IndexedPageCache.load(undefined, STEP);
    cache.remember(ARTICLE, null);
    cache.save();
    expect(cache.get(ARTICLE)).toBeNull();
  });

  it('replaces a folder found under its file\'s name', async () => {
    const dir = await makeTempDir();
    await mkdir(join(dir, 'pages.json', 'inside'), { recursive: true });
    const cache = IndexedPageCache.load(dir, STEP);
    cache.remember(ARTICLE, null);
    cache.save();
    expect((IndexedPageCache.load(dir, STEP)).get(ARTICLE)).toBeNull();
  });

  it('replaces its file rather than writing into it', async () => {
    const dir = await makeTempDir();
    const cache = IndexedPageCache.load(dir, STEP);
    cache.remember(ARTICLE, null);
    cache.save();
    expect(JSON.parse(await readFile(join(dir, 'pages.json'), 'utf8'))).toEqual({ fingerprint: STEP, pages: { [ARTICLE]: 0 } });
  });
});
