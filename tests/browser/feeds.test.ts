// Feeds for a reader with a browser, in Chromium: an Atom or RSS feed opened directly is
// styled by its stylesheet (right to left, the Arabic note on top, entries readable), and
// the subscribe page's copy buttons put a feed's absolute URL on the clipboard and say so,
// while without JavaScript the page is plain links.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STRINGS } from '../../scripts/lib/config/locale-ar.ts';
import { startStaticServer, type RunningServer } from '../../scripts/lib/serve/static-server.ts';
import { launchChromium } from '../support/chromium.ts';
import { createFixtureSite, makeArticles, type FixtureSite } from '../support/fixture-site.ts';

const PREFIX = '/news/';
const articles = makeArticles(4);
articles[0]!.frontMatter.title = 'Google تفتح مكتباً في دبي و«COVID-19» يتراجع';

let site: FixtureSite;
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
const consoleErrors: string[] = [];

async function open(path: string, from: BrowserContext = context): Promise<Page> {
  const page = await from.newPage();
  page.on('console', (message) => {
    // A feed is XML: it cannot point at the site's icon, so Chromium asks for /favicon.ico.
    if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) consoleErrors.push(`${path}: ${message.text()}`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`${path}: ${error.message}`));
  await page.goto(`${server.url}${path}`);
  return page;
}

beforeAll(async () => {
  site = await createFixtureSite(articles);
  await site.build({ site: { pathPrefix: PREFIX } });
  server = await startStaticServer({ root: site.outputDir, pathPrefix: PREFIX });
  browser = await launchChromium();
  context = await browser.newContext();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await site?.remove();
});

describe('a feed opened in the browser', () => {
  it.each([
    ['the Atom feed', 'feed.xml', 'entry > title', 'entry > published', 'entry > summary'],
    ['the RSS feed', 'rss.xml', 'item > title', 'item > pubDate', 'item > description'],
    ['a section\'s Atom feed', 'sections/syria/feed.xml', 'entry > title', 'entry > published', 'entry > summary'],
  ])('%s is styled right to left, under the Arabic note, with titles, dates and summaries shown', async (_case, path, title, date, summary) => {
    const page = await open(path);
    const style = await page.evaluate(({ title, date, summary }) => {
      const shown = (selector: string): string => getComputedStyle(document.querySelector(selector) as Element).display;
      const root = document.documentElement;
      return {
        direction: getComputedStyle(root).direction,
        titleDirection: getComputedStyle(document.querySelector(title) as Element).direction,
        titleFont: getComputedStyle(document.querySelector(title) as Element).fontFamily,
        note: getComputedStyle(root, '::before').content,
        shown: [shown(title), shown(date), shown(summary)],
        hidden: shown('id, guid'),
      };
    }, { title, date, summary });
    expect(style.direction).toBe('rtl');
    expect(style.titleDirection).toBe('rtl');
    expect(style.titleFont).toMatch(/^"Noto Kufi Arabic"/);
    expect(style.note).toBe(JSON.stringify(STRINGS.feedBrowserNote));
    expect(style.shown).toEqual(['block', 'block', 'block']);
    expect(style.hidden).toBe('none');
    await page.close();
  });

  it('shows a headline that begins with a Latin word right to left: «Google» at the right end', async () => {
    const page = await open('feed.xml');
    const boxes = await page.evaluate(() => {
      const title = document.querySelector('entry > title') as Element;
      const text = title.firstChild as Text;
      const start = text.data.indexOf('Google');
      const range = document.createRange();
      range.setStart(text, start);
      range.setEnd(text, start + 'Google'.length);
      return { title: title.getBoundingClientRect().toJSON(), google: range.getBoundingClientRect().toJSON() };
    });
    expect(Math.abs(boxes.google.right - boxes.title.right)).toBeLessThan(2);
    await page.close();
  });
});

describe('the subscribe page', () => {
  it('copies a feed\'s absolute URL to the clipboard and says «نُسخ الرابط»', async () => {
    const clipboard = await browser.newContext();
    await clipboard.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
    try {
      const page = await open('subscribe/', clipboard);
      const buttons = page.locator('[data-copy-link]');
      expect(await buttons.count()).toBe(4 * 3);
      const rss = page.locator('[data-copy-link]').nth(1);
      expect(await rss.getAttribute('aria-label')).toBe(`${STRINGS.copyLink}: ${STRINGS.feedRss}، ${STRINGS.allNews}`);
      await rss.click();
      await page.waitForFunction((copied) => document.querySelector('[data-copy-status]')?.textContent === copied, STRINGS.linkCopied);
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('https://example.org/news/rss.xml');
      expect(await rss.innerText()).toBe(STRINGS.linkCopied);
      await page.locator('[data-copy-link]').nth(3).click();
      await page.waitForFunction(() => navigator.clipboard.readText().then((text) => text.endsWith('/sections/syria/feed.xml')));
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('https://example.org/news/sections/syria/feed.xml');
    } finally {
      await clipboard.close();
    }
  });

  it('is plain feed links without JavaScript: no copy button shows', async () => {
    const plain = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await open('subscribe/', plain);
      expect(await page.locator('[data-copy-link]:visible').count()).toBe(0);
      expect(await page.locator('.feed-list a[type="application/atom+xml"]').first().getAttribute('href')).toBe(`${PREFIX}feed.xml`);
    } finally {
      await plain.close();
    }
  });

  it('logged no console errors on any page', () => {
    expect(consoleErrors).toEqual([]);
  });
});
