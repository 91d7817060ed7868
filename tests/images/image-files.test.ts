// Picture files are made once: a second build copies them from the image cache, and a
// picture's bytes are the same whether made now or taken from the cache.
import { createHash } from 'node:crypto';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { readImageFacts } from '../../scripts/lib/images/image-facts.ts';
import { writeImageFiles } from '../../scripts/lib/images/image-files.ts';
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
