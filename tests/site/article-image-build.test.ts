// An article with a picture, built: the lead figure with its srcset and reserved size, the
// picture files made once and byte for byte the same on a clean build, the previews of a
// shared link (og:image, twitter:card, JSON-LD image), the site's own picture for pages
// without one, and a clear refusal for a picture that is not there.
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { InvalidContentError } from '../../scripts/lib/site/article-source.ts';
import { createFixtureSite, makeArticles, type FixtureArticle, type FixtureSite } from '../support/fixture-site.ts';
import { testPicture } from '../support/test-image.ts';

const [plain, pictured] = makeArticles(2) as [FixtureArticle, FixtureArticle];
pictured.frontMatter.image = { src: 'images/2017/07/market.jpg', alt: 'سوق الحميدية في الصباح', caption: 'سوق الحميدية في دمشق', credit: 'رويترز' };

let site: FixtureSite;
let page: string;
let files: string[];

const digest = async (path: string): Promise<string> => createHash('sha256').update(await readFile(join(site.outputDir, path))).digest('hex');
const jsonLd = (html: string): Record<string, unknown> =>
  JSON.parse(/<script type="application\/ld\+json">(\{"@context":"https:\/\/schema.org","@type":"NewsArticle".*?)<\/script>/s.exec(html)?.[1] ?? '{}') as Record<string, unknown>;
const meta = (html: string, name: string): string | undefined =>
  new RegExp(`<meta (?:property|name)="${name}" content="([^"]*)"`).exec(html)?.[1];

beforeAll(async () => {
  site = await createFixtureSite([plain, pictured]);
  await mkdir(join(site.contentDir, 'images/2017/07'), { recursive: true });
  await writeFile(join(site.contentDir, 'images/2017/07/market.jpg'), await testPicture(1600, 900));
  await site.build();
  files = await site.files();
  page = await site.read(`articles/${pictured.frontMatter.id}/index.html`);
}, 120_000);
afterAll(() => site?.remove());

describe('the lead picture', () => {
  it('is a figure with a WebP srcset of 480, 800 and 1200 pixels, its size reserved, loaded at once', () => {
    const img = /<img class="article__image"[^>]*>/.exec(page)?.[0] ?? '';
    expect(img).toMatch(/srcset="\/images\/[0-9a-f]{16}-480\.webp 480w, \/images\/[0-9a-f]{16}-800\.webp 800w, \/images\/[0-9a-f]{16}-1200\.webp 1200w"/);
    expect(img).toContain('width="1200" height="675"');
    expect(img).toContain('alt="سوق الحميدية في الصباح"');
    expect(img).toMatch(/src="\/images\/[0-9a-f]{16}-800\.webp"/);
    expect(img).not.toContain('loading="lazy"');
  });

  it('has its caption and credit under it', () => {
    expect(page).toMatch(/<figcaption class="article__caption"><span>سوق الحميدية في دمشق<\/span> <span class="article__credit">الصورة: رويترز<\/span><\/figcaption>/);
  });

  it('is written in each size, at the size the page says', async () => {
    const sizes = [...page.matchAll(/\/images\/([0-9a-f]{16})-(\d+)\.webp/g)].map((match) => `images/${match[1]}-${match[2]}.webp`);
    for (const file of new Set(sizes)) {
      expect(files).toContain(file);
      const { width, height, format } = await sharp(join(site.outputDir, file)).metadata();
      expect(format).toBe('webp');
      expect(width).toBe(Number(/-(\d+)\.webp$/.exec(file)?.[1]));
      expect(height).toBe(Math.round((900 * (width ?? 0)) / 1600));
    }
  });
});

describe('previews of a shared link', () => {
  it('give the article\'s picture as a 1200-pixel JPEG, large', async () => {
    const image = meta(page, 'og:image') ?? '';
    expect(image).toMatch(/^https:\/\/example\.org\/images\/[0-9a-f]{16}-1200\.jpg$/);
    expect(meta(page, 'og:image:width')).toBe('1200');
    expect(meta(page, 'og:image:height')).toBe('675');
    expect(meta(page, 'og:image:alt')).toBe('سوق الحميدية في الصباح');
    expect(meta(page, 'twitter:card')).toBe('summary_large_image');
    const file = image.replace('https://example.org/', '');
    expect((await sharp(join(site.outputDir, file)).metadata()).format).toBe('jpeg');
  });

  it('put the picture in the NewsArticle JSON-LD', () => {
    expect(jsonLd(page).image).toEqual([{ '@type': 'ImageObject', url: meta(page, 'og:image'), width: 1200, height: 675 }]);
  });

  it('give the site\'s own 1200×630 picture for an article without one and for other pages', async () => {
    const plainPage = await site.read(`articles/${plain.frontMatter.id}/index.html`);
    const image = meta(plainPage, 'og:image') ?? '';
    expect(image).toMatch(/^https:\/\/example\.org\/images\/site-[0-9a-f]{16}\.png$/);
    expect(meta(await site.read('index.html'), 'og:image')).toBe(image);
    expect(meta(plainPage, 'og:image:alt')).toBe('شعار الوطن');
    expect((jsonLd(plainPage).image as { url: string }[])[0]?.url).toBe(image);
    const { width, height, format } = await sharp(join(site.outputDir, image.replace('https://example.org/', ''))).metadata();
    expect({ width, height, format }).toEqual({ width: 1200, height: 630, format: 'png' });
  });
});

describe('the JSON Feed', () => {
  it('names the article\'s picture, and no picture for an article without one', async () => {
    const feed = JSON.parse(await site.read('feed.json')) as { items: { url: string; image?: string }[] };
    const byUrl = new Map(feed.items.map((item) => [item.url, item.image]));
    expect(byUrl.get(`https://example.org/articles/${pictured.frontMatter.id}/`)).toBe(meta(page, 'og:image'));
    expect(byUrl.get(`https://example.org/articles/${plain.frontMatter.id}/`)).toBeUndefined();
  });
});

describe('the picture files', () => {
  it('are made again byte for byte the same by a clean build', async () => {
    const pictures = files.filter((file) => file.startsWith('images/'));
    expect(pictures.length).toBe(5);
    const before = await Promise.all(pictures.map(digest));
    await site.build({ clean: true });
    expect(await Promise.all(pictures.map(digest))).toEqual(before);
  }, 120_000);
});

describe('a picture that is not there', () => {
  it('fails the build naming the article, its line and the missing file', async () => {
    const broken = await createFixtureSite([{ ...pictured, frontMatter: { ...pictured.frontMatter, image: { src: 'images/nowhere.jpg', alt: 'لا شيء' } } }]);
    try {
      const error = await broken.build().then(() => undefined, (failure: unknown) => failure);
      expect(error).toBeInstanceOf(InvalidContentError);
      const [problem] = (error as InvalidContentError).problems;
      expect(problem).toMatchObject({ code: 'missingImage', field: 'image' });
      expect(problem?.values?.value).toMatch(/content\/images\/nowhere\.jpg$/);
      expect(problem?.file).toMatch(/articles\/2017\/07\/[0-9a-f]{16}\.md$/);
      expect(problem?.line).toBeGreaterThan(1);
      expect((error as Error).message).toContain('images/nowhere.jpg');
    } finally {
      await broken.remove();
    }
  }, 120_000);
});
