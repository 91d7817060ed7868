// An article with a picture, a time of day and an update, in Chromium at 390 px: the lead
// picture's place is reserved before it arrives (width and height: no layout shift), the time
// and «آخر تحديث» are shown, and the share tools work — «مشاركة» where the device can share,
// the copy button where it cannot — with no console errors.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STRINGS } from '../../scripts/lib/config/locale-ar.ts';
import { startStaticServer, type RunningServer } from '../../scripts/lib/serve/static-server.ts';
import { launchChromium } from '../support/chromium.ts';
import { createFixtureSite, makeArticles, type FixtureSite } from '../support/fixture-site.ts';
import { testPicture } from '../support/test-image.ts';

const articles = makeArticles(3);
const article = articles[0]!;
article.frontMatter.date = '2017-07-31T09:30:00+03:00';
article.frontMatter.updated = '2017-07-31T14:10:00+03:00';
article.frontMatter.image = { src: 'images/2017/07/market.jpg', alt: 'سوق الحميدية في الصباح', caption: 'سوق الحميدية في دمشق', credit: 'رويترز' };
const path = `articles/${article.frontMatter.id}/`;

let site: FixtureSite;
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
const consoleErrors: string[] = [];

async function open(target: string, into: BrowserContext = context): Promise<Page> {
  const page = await into.newPage();
  page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(`${target}: ${message.text()}`); });
  page.on('pageerror', (error) => consoleErrors.push(`${target}: ${error.message}`));
  return page;
}

beforeAll(async () => {
  site = await createFixtureSite(articles);
  await mkdir(join(site.contentDir, 'images/2017/07'), { recursive: true });
  await writeFile(join(site.contentDir, 'images/2017/07/market.jpg'), await testPicture(1600, 900));
  await site.build();
  server = await startStaticServer({ root: site.outputDir });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await site?.remove();
});

describe('the lead picture at 390 px', () => {
  it('has its place before it arrives, and nothing moves when it does', async () => {
    const page = await open(path);
    // Hold the picture back until the page is laid out without it.
    const held: Route[] = [];
    await page.route('**/images/*.webp', (route) => { held.push(route); });
    await page.addInitScript(() => {
      (window as unknown as { shifts: number }).shifts = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) (window as unknown as { shifts: number }).shifts += (entry as unknown as { value: number }).value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    // Not until load: the held picture keeps the page from loading.
    await page.goto(`${server.url}${path}`, { waitUntil: 'domcontentloaded' });
    // Every face loaded and laid out before shifts are counted: on a loaded machine a face the
    // page asks for late (a weight, a subset) could swap in after the count starts.
    await page.evaluate(async () => {
      await Promise.all([...document.fonts].map((face) => face.load().catch(() => undefined)));
      await document.fonts.ready;
      await new Promise((settled) => { requestAnimationFrame(() => requestAnimationFrame(settled)); });
    });
    await expect.poll(() => held.length).toBeGreaterThan(0);
    const box = async (): Promise<{ image: DOMRect; body: DOMRect }> => page.evaluate(() => ({
      image: (document.querySelector('.article__image') as HTMLElement).getBoundingClientRect().toJSON() as DOMRect,
      body: (document.querySelector('.article__body') as HTMLElement).getBoundingClientRect().toJSON() as DOMRect,
    }));
    expect(await page.evaluate(() => (document.querySelector('.article__image') as HTMLImageElement).complete)).toBe(false);
    const before = await box();
    expect(before.image.width).toBeGreaterThan(300);
    expect(before.image.height).toBeCloseTo((before.image.width * 675) / 1200, 0);
    // Only what the picture's arrival moves counts (not the fonts' swap before it).
    await page.evaluate(() => { (window as unknown as { shifts: number }).shifts = 0; });
    for (const route of held) await route.continue();
    await page.waitForFunction(() => {
      const image = document.querySelector('.article__image') as HTMLImageElement;
      return image.complete && image.naturalWidth > 0;
    });
    const after = await box();
    expect(after).toEqual(before);
    // 2x screen at 390 px: the browser picks the 800 or 1200 px file, never the source.
    expect(await page.evaluate(() => (document.querySelector('.article__image') as HTMLImageElement).currentSrc)).toMatch(/\/images\/[0-9a-f]{16}-(800|1200)\.webp$/);
    await page.evaluate(() => new Promise((settled) => { requestAnimationFrame(() => requestAnimationFrame(settled)); }));
    expect(await page.evaluate(() => (window as unknown as { shifts: number }).shifts)).toBe(0);
    await page.close();
  });

  it('is not lazy (it is the lead) and shows its caption and credit', async () => {
    const page = await open(path);
    await page.goto(`${server.url}${path}`);
    expect(await page.locator('.article__image').getAttribute('loading')).toBeNull();
    expect(await page.locator('.article__caption').innerText()).toBe('سوق الحميدية في دمشق الصورة: رويترز');
    await page.close();
  });
});

describe('the dateline', () => {
  it('shows the time of day and «آخر تحديث» with its time, each in a <time> with the full instant', async () => {
    const page = await open(path);
    await page.goto(`${server.url}${path}`);
    const times = await page.locator('.article__meta time').evaluateAll((elements) => elements.map((element) => ({
      datetime: element.getAttribute('datetime'), text: (element as HTMLElement).innerText, visible: (element as HTMLElement).offsetParent !== null,
    })));
    expect(times).toEqual([
      { datetime: '2017-07-31T09:30:00+03:00', text: 'الاثنين 31 تموز 2017، الساعة 09:30', visible: true },
      { datetime: '2017-07-31T14:10:00+03:00', text: 'الاثنين 31 تموز 2017، الساعة 14:10', visible: true },
    ]);
    expect(await page.locator('.article__updated').innerText()).toBe('آخر تحديث: الاثنين 31 تموز 2017، الساعة 14:10');
    await page.close();
  });

  it('shows a day alone, and no update, for an article dated by day', async () => {
    const page = await open(`articles/${articles[1]!.frontMatter.id}/`);
    await page.goto(`${server.url}articles/${articles[1]!.frontMatter.id}/`);
    expect(await page.locator('.article__meta time').allInnerTexts()).toEqual(['الأحد 30 تموز 2017']);
    expect(await page.locator('.article__updated').count()).toBe(0);
    await page.close();
  });
});

describe('sharing', () => {
  it('offers «مشاركة» where the device can share, and hands it the article\'s address', async () => {
    const page = await open(path);
    await page.addInitScript(() => {
      const shared: unknown[] = [];
      (window as unknown as { shared: unknown[] }).shared = shared;
      Object.defineProperty(navigator, 'share', { value: async (data: unknown) => { shared.push(data); }, configurable: true });
    });
    await page.goto(`${server.url}${path}`);
    const share = page.getByRole('button', { name: STRINGS.shareButton });
    await share.waitFor();
    expect(await page.locator('[data-copy-fallback]').isHidden()).toBe(true);
    await share.click();
    expect(await page.evaluate(() => (window as unknown as { shared: unknown[] }).shared)).toEqual([
      { title: article.frontMatter.title, url: `https://example.org/${path}` },
    ]);
    await page.close();
  });

  it('offers the copy button where it cannot, and copies the address', async () => {
    const clipboard = await browser.newContext({ viewport: { width: 390, height: 844 } });
    await clipboard.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
    try {
      const page = await open(path, clipboard);
      await page.addInitScript(() => { Object.defineProperty(navigator, 'share', { value: undefined, configurable: true }); });
      await page.goto(`${server.url}${path}`);
      const copy = page.locator('[data-copy-fallback]');
      await copy.waitFor();
      expect(await page.locator('[data-share]').isHidden()).toBe(true);
      await copy.click();
      await page.waitForFunction((copied) => document.querySelector('[data-copy-status]')?.textContent === copied, STRINGS.linkCopied);
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`https://example.org/${path}`);
    } finally {
      await clipboard.close();
    }
  });
});

describe('the console', () => {
  it('has no errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});
