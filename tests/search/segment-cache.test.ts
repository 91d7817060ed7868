// The cache of segment bundles: an entry is used only when every file it lists still has its
// bytes; damaged, half-written or foreign entries are never trusted, and go when the build is
// done with the cache.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SegmentCache } from '../../scripts/lib/search/segment-cache.ts';
import { useTempDirs } from '../support/temp-dir.ts';

const makeTempDir = useTempDirs('segment-cache-');
const FINGERPRINT = 'a'.repeat(64);
const OTHER = 'b'.repeat(64);

/** A stand-in for Pagefind: a bundle of a few files. */
async function writeBundle(dir: string): Promise<void> {
  await mkdir(join(dir, 'fragment'), { recursive: true });
  await writeFile(join(dir, 'pagefind-entry.json'), '{"version":"1.6.0"}');
  await writeFile(join(dir, 'pagefind.js'), 'export {}');
  await writeFile(join(dir, 'fragment', 'ar_1.pf_fragment'), 'one');
  await writeFile(join(dir, 'fragment', 'ar_2.pf_fragment'), 'two');
}

async function stored(): Promise<{ cacheDir: string; cache: SegmentCache }> {
  const cacheDir = await makeTempDir();
  const cache = new SegmentCache(cacheDir);
  await cache.store(FINGERPRINT, writeBundle);
  return { cacheDir, cache };
}

const entryFile = (cacheDir: string, path: string): string => join(cacheDir, 'segments', FINGERPRINT, 'bundle', path);

describe('SegmentCache', () => {
  it('gives back a stored bundle with every file, its size and hash, in path order', async () => {
    const { cacheDir, cache } = await stored();
    const bundle = await cache.take(FINGERPRINT);
    expect(bundle?.files.map((file) => [file.path, file.bytes])).toEqual([
      ['fragment/ar_1.pf_fragment', 3], ['fragment/ar_2.pf_fragment', 3], ['pagefind-entry.json', 19], ['pagefind.js', 9],
    ]);
    expect(bundle?.files[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await readFile(join(bundle!.dir, 'fragment/ar_2.pf_fragment'), 'utf8')).toBe('two');
    expect(await readdir(join(cacheDir, 'segments'))).toEqual([FINGERPRINT]);
  });

  it('has nothing for a fingerprint it never stored, or in a folder that does not exist', async () => {
    const { cache } = await stored();
    expect(await cache.take(OTHER)).toBeUndefined();
    expect(await new SegmentCache(join(await makeTempDir(), 'missing')).take(FINGERPRINT)).toBeUndefined();
  });

  it.each([
    ['a file with other bytes of the same size', (dir: string) => writeFile(entryFile(dir, 'fragment/ar_1.pf_fragment'), 'ONE')],
    ['a truncated file', (dir: string) => writeFile(entryFile(dir, 'pagefind.js'), '')],
    ['a missing file', (dir: string) => rm(entryFile(dir, 'fragment/ar_2.pf_fragment'))],
    ['no list of files (a half-written entry)', (dir: string) => rm(join(dir, 'segments', FINGERPRINT, 'files.json'))],
    ['a list that is not JSON', (dir: string) => writeFile(join(dir, 'segments', FINGERPRINT, 'files.json'), '{"fingerprint":')],
    ['a list of another fingerprint', async (dir: string) => {
      const file = join(dir, 'segments', FINGERPRINT, 'files.json');
      await writeFile(file, (await readFile(file, 'utf8')).replace(FINGERPRINT, OTHER));
    }],
    ['a list naming a file outside the bundle', async (dir: string) => {
      const file = join(dir, 'segments', FINGERPRINT, 'files.json');
      await writeFile(file, (await readFile(file, 'utf8')).replace('"pagefind.js"', '"../files.json"'));
    }],
    ['a list that is JSON null', (dir: string) => writeFile(join(dir, 'segments', FINGERPRINT, 'files.json'), 'null')],
  ])('ignores an entry with %s, and stores a fresh one over it', async (_label, damage) => {
    const { cacheDir, cache } = await stored();
    await damage(cacheDir);
    expect(await cache.take(FINGERPRINT)).toBeUndefined();
    await cache.store(FINGERPRINT, writeBundle);
    expect((await cache.take(FINGERPRINT))?.files).toHaveLength(4);
  });

  it('leaves nothing behind when writing a bundle fails', async () => {
    const { cacheDir, cache } = await stored();
    await expect(cache.store(OTHER, async () => { throw new Error('Pagefind failed'); })).rejects.toThrow('Pagefind failed');
    expect(await readdir(join(cacheDir, 'segments'))).toEqual([FINGERPRINT]);
  });

  it.each([
    ['the cache folder', ''],
    ['its segments folder', 'segments'],
  ])('replaces a file where %s should be', async (_label, path) => {
    const cacheDir = join(await makeTempDir(), 'cache');
    await mkdir(join(cacheDir, path, '..'), { recursive: true });
    await writeFile(join(cacheDir, path), 'garbage');
    const cache = new SegmentCache(cacheDir);
    cache.prepare();
    await cache.store(FINGERPRINT, writeBundle);
    expect((await cache.take(FINGERPRINT))?.files).toHaveLength(4);
  });

  it('keeps only the entries a build used, and drops leftovers and garbage', async () => {
    const { cacheDir, cache } = await stored();
    await cache.store(OTHER, writeBundle);
    await mkdir(join(cacheDir, 'segments', '.writing-0123456789ab'), { recursive: true });
    await writeFile(join(cacheDir, 'segments', 'garbage.txt'), 'x');
    await cache.keepOnly(new Set([OTHER]));
    expect(await readdir(join(cacheDir, 'segments'))).toEqual([OTHER]);
    expect(await cache.take(OTHER)).toBeDefined();
  });
});
