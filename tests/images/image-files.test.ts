// Picture files are made once: a second build copies them from the image cache, and a
// picture's bytes are the same whether made now or taken from the cache; what no picture of
// the site needs any more leaves the cache.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { readImageFacts } from '../../scripts/lib/images/image-facts.ts';
import { pruneImageCache, writeImageFiles } from '../../scripts/lib/images/image-files.ts';
import { responsiveImage } from '../../scripts/lib/images/image-variants.ts';
import { siteImage } from '../../scripts/lib/images/site-image.ts';
import { PROJECT_DIR } from '../support/fixture-site.ts';
import { testPicture } from '../support/test-image.ts';
import { useSuiteTempDirs } from '../support/temp-dir.ts';

const tempDir = useSuiteTempDirs('image-files-');
let dir: string;
beforeAll(async () => {
  dir = await tempDir();
  await mkdir(join(dir, 'content', 'images'), { recursive: true });
  await writeFile(join(dir, 'content', 'images', 'x.png'), await testPicture(900, 600, 'png'));
});

const sha = async (file: string): Promise<string> => createHash('sha256').update(await readFile(file)).digest('hex');

describe('readImageFacts', () => {
  it('reads a picture\'s hash and size, and names a missing or unreadable one', async () => {
    await writeFile(join(dir, 'content', 'images', 'not.jpg'), 'not a picture');
    const { facts, problems } = await readImageFacts(join(dir, 'content'), ['images/x.png', 'images/gone.jpg', 'images/not.jpg'], join(dir, 'cache', 'facts.json'));
    expect(facts.get('images/x.png')).toMatchObject({ src: 'images/x.png', width: 900, height: 600 });
    expect(problems).toEqual([{ src: 'images/gone.jpg', code: 'missingImage' }, { src: 'images/not.jpg', code: 'notAnImage' }]);
  });
});

describe('writeImageFiles', () => {
  it('makes each file once and copies it from the cache after, with the same bytes', async () => {
    const { facts } = await readImageFacts(join(dir, 'content'), ['images/x.png'], join(dir, 'cache', 'facts.json'));
    const image = responsiveImage(facts.get('images/x.png') as never);
    const site = siteImage('الوطن');
    const pages = [
      { output: site.path.slice(1), view: { kind: 'site', image: site } },
      ...image.variants.map((variant) => ({ output: variant.path.slice(1), view: { kind: 'variant', variant } })),
    ];
    const request = (out: string) => ({ projectDir: PROJECT_DIR, contentDir: join(dir, 'content'), outputDir: join(dir, out), cacheDir: join(dir, 'cache', 'images') });
    await writeImageFiles(pages, request('first'));
    const cached = join(dir, 'cache', 'images', `sharp-${sharp.versions.sharp}-vips-${sharp.versions.vips}`, image.share.path.split('/').pop() as string);
    const madeAt = (await stat(cached)).mtimeMs;
    await writeImageFiles(pages, request('second'));
    expect((await stat(cached)).mtimeMs).toBe(madeAt);
    for (const page of pages) expect(await sha(join(dir, 'second', page.output))).toBe(await sha(join(dir, 'first', page.output)));
    // Made afresh (no cache), the bytes are the same.
    await writeImageFiles(pages, { ...request('third'), cacheDir: join(dir, 'other-cache') });
    for (const page of pages) expect(await sha(join(dir, 'third', page.output))).toBe(await sha(join(dir, 'first', page.output)));
    const { width, height, format } = await sharp(join(dir, 'first', image.share.path.slice(1))).metadata();
    expect({ width, height, format }).toEqual({ width: 900, height: 600, format: 'jpeg' });
  });
});

describe('pruneImageCache', () => {
  it('keeps the files the site\'s pictures need and the facts, and removes the rest and other versions\' files', async () => {
    const cacheDir = join(dir, 'prune-cache');
    const made = join(cacheDir, `sharp-${sharp.versions.sharp}-vips-${sharp.versions.vips}`);
    const older = join(cacheDir, 'sharp-0.33.0-vips-8.15.0');
    await mkdir(made, { recursive: true });
    await mkdir(older, { recursive: true });
    for (const name of ['x-3f2a-640.webp', 'x-3f2a-1280.webp', 'gone-9c1b-640.webp']) await writeFile(join(made, name), name);
    await writeFile(join(older, 'x-3f2a-640.webp'), 'old bytes');
    await writeFile(join(cacheDir, 'facts.json'), '{}');
    const planned = [{ output: 'images/x-3f2a-640.webp' }, { output: 'images/x-3f2a-1280.webp' }];
    expect(await pruneImageCache(cacheDir, planned)).toBe(2);
    expect((await readdir(made)).sort()).toEqual(['x-3f2a-1280.webp', 'x-3f2a-640.webp']);
    expect((await readdir(cacheDir)).sort()).toEqual(['facts.json', `sharp-${sharp.versions.sharp}-vips-${sharp.versions.vips}`]);
    // Nothing more to remove; a cache that does not exist is no error.
    expect(await pruneImageCache(cacheDir, planned)).toBe(0);
    expect(await pruneImageCache(join(dir, 'no-cache'), planned)).toBe(0);
  });
});
