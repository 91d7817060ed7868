// Headlines and type in Chromium, on a fixture site: a headline that begins with a Latin word
// stays right to left with its Latin runs isolated (heading, cards, previous/next), and the
// digits, «» and Latin letters beside Arabic are set in the Noto families, not a system
// fallback, while no font file of an unused weight is fetched.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type RunningServer } from '../../scripts/lib/serve/static-server.ts';
import { ARABIC_CORE_FONTS } from '../../scripts/lib/site/asset-fingerprint.ts';
import { FONT_FILES } from '../../scripts/lib/site/static-assets-plugin.ts';
import { launchChromium } from '../support/chromium.ts';
import { createFixtureSite, makeArticles, type FixtureSite } from '../support/fixture-site.ts';

const HEADLINE = 'Google تفتح مكتباً في دبي: نمو 12.5% في عام 2023 و«COVID-19» يتراجع';
// Articles 0 and 3 share a section: the older one's page links to the headline as «next».
const articles = makeArticles(6);
articles[0]!.frontMatter.title = HEADLINE;
const headlineId = articles[0]!.frontMatter.id;
const olderId = articles[3]!.frontMatter.id;

let site: FixtureSite;
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
const consoleErrors: string[] = [];
const fontRequests = new Set<string>();

async function open(path: string): Promise<Page> {
  const page = await context.newPage();
  page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(`${path}: ${message.text()}`); });
  page.on('pageerror', (error) => consoleErrors.push(`${path}: ${error.message}`));
  // Font files are shipped under content-hashed names (asset-fingerprint.ts): compared by the package's name.
  page.on('request', (request) => { if (request.url().includes('/assets/fonts/')) fontRequests.add((request.url().split('/').pop() as string).replace(/\.[0-9a-f]{10}\.woff2$/, '.woff2')); });
  await page.goto(`${server.url}${path}`);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return page;
}

beforeAll(async () => {
  site = await createFixtureSite(articles);
  await site.build();
  server = await startStaticServer({ root: site.outputDir });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await site?.remove();
});

describe('a headline that begins with a Latin word', () => {
  let page: Page;
  beforeAll(async () => { page = await open(`articles/${headlineId}/`); });

  it('is a right-to-left heading with its Latin runs isolated left to right', async () => {
    const heading = page.locator('h1.article__title');
    expect(await heading.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
    expect(await heading.locator('bdi').first().getAttribute('dir')).toBe('rtl');
    expect(await heading.locator('bdi[dir="ltr"]').allInnerTexts()).toEqual(['Google', '12.5%', 'COVID-19']);
    expect(await heading.innerText()).toBe(HEADLINE);
  });

  it('sets «Google» at the start (the right end) of the first line', async () => {
    const boxes = await page.locator('h1.article__title').evaluate((heading) => {
      const google = heading.querySelector('bdi[dir="ltr"]') as HTMLElement;
      const line = (heading.querySelector('bdi') as HTMLElement).getClientRects()[0] as DOMRect;
      return { heading: heading.getBoundingClientRect().toJSON(), line: line.toJSON(), google: google.getBoundingClientRect().toJSON() };
    });
    expect(Math.abs(boxes.google.right - boxes.heading.right)).toBeLessThan(2);
    expect(Math.abs(boxes.google.top - boxes.line.top)).toBeLessThan(2);
  });

  it('keeps «%» after «12.5» and «و» against «COVID-19»', async () => {
    const places = await page.locator('h1.article__title').evaluate((heading) => {
      const charBox = (node: Node, offset: number): DOMRect => {
        const range = document.createRange();
        range.setStart(node, offset);
        range.setEnd(node, offset + 1);
        return range.getBoundingClientRect();
      };
      const runs = Array.from(heading.querySelectorAll('bdi[dir="ltr"]'));
      const percent = runs[1]!.firstChild as Text;
      const covid = runs[2] as HTMLElement;
      const before = covid.previousSibling as Text;
      const waw = before.data.lastIndexOf('و');
      return {
        one: charBox(percent, 0).left, sign: charBox(percent, percent.data.length - 1).left,
        waw: charBox(before, waw).toJSON(), quote: charBox(before, waw + 1).width, covid: covid.getBoundingClientRect().toJSON(),
      };
    });
    // Left to right inside the number: «1» left of «%».
    expect(places.sign).toBeGreaterThan(places.one);
    // «و» right of «COVID-19» with only the quotation mark between them, on the same line.
    expect(places.waw.left).toBeGreaterThanOrEqual(places.covid.right);
    expect(places.waw.left - places.covid.right).toBeLessThan(places.quote + 2);
    expect(Math.abs(places.waw.bottom - places.covid.bottom)).toBeLessThan(4);
  });

  it('isolates the Latin runs in the cards and in the previous/next links too', async () => {
    const home = await open('');
    const card = home.locator(`.card__title a[href="/articles/${headlineId}/"]`).first();
    expect(await card.locator('bdi[dir="ltr"]').allInnerTexts()).toEqual(['Google', '12.5%', 'COVID-19']);
    expect(await card.evaluate((link) => getComputedStyle(link.querySelector('bdi') as Element).direction)).toBe('rtl');
    const older = await open(`articles/${olderId}/`);
    const next = older.locator('.section-neighbours__next');
    expect(await next.locator('bdi[dir="rtl"] bdi[dir="ltr"]').allInnerTexts()).toEqual(['Google', '12.5%', 'COVID-19']);
  });
});

describe('type', () => {
  /** The families Chromium used to draw a node's text (DevTools protocol). */
  async function fontsUsedFor(page: Page, selector: string): Promise<string[]> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    await cdp.detach();
    return fonts.map((font) => `${font.familyName}${font.isCustomFont ? '' : ' (system)'}`);
  }

  it('sets a date line (digits and Arabic) wholly in Noto Naskh Arabic', async () => {
    const page = await open(`articles/${headlineId}/`);
    expect(await page.locator('.article__meta time').innerText()).toMatch(/\d/);
    expect([...new Set(await fontsUsedFor(page, '.article__meta time'))]).toEqual(['Noto Naskh Arabic']);
  });

  it('sets a Latin word, digits and «» in a heading in Noto Kufi Arabic', async () => {
    const page = await open(`articles/${headlineId}/`);
    expect([...new Set(await fontsUsedFor(page, 'h1.article__title bdi[dir="ltr"]'))]).toEqual(['Noto Kufi Arabic']);
    expect([...new Set(await fontsUsedFor(page, 'h1.article__title > bdi'))]).toEqual(['Noto Kufi Arabic']);
  });

  it('sets a count and the body text in Noto Naskh Arabic', async () => {
    const page = await open('sections/');
    expect([...new Set(await fontsUsedFor(page, '.index-list__count'))]).toEqual(['Noto Naskh Arabic']);
  });

  it('fetches only the shipped weights\' files, and the Latin subset among them', async () => {
    const shipped = [...FONT_FILES, ...ARABIC_CORE_FONTS.map(({ file }) => file)].map((file) => file.split('/').pop() as string);
    expect(fontRequests.size).toBeGreaterThan(0);
    for (const file of fontRequests) expect(shipped).toContain(file);
    expect([...fontRequests]).toContain('noto-naskh-arabic-latin-400-normal.woff2');
    expect([...fontRequests]).toContain('noto-kufi-arabic-latin-700-normal.woff2');
    // No page of this site uses Latin Extended: its files stay unfetched.
    expect([...fontRequests].filter((file) => file.includes('latin-ext'))).toEqual([]);
  });

  it('sets Arabic news text from the Arabic cores, never fetching the whole Arabic subset', () => {
    for (const { file } of ARABIC_CORE_FONTS) expect([...fontRequests]).toContain(file.split('/').pop());
    expect([...fontRequests].filter((file) => /-arabic-arabic-\d+-normal/.test(file))).toEqual([]);
  });

  it('logged no console errors on any page', () => {
    expect(consoleErrors).toEqual([]);
  });
});
