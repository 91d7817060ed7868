// The search page's headline helper (assets/js/headline.ts), bundled as the site's scripts are
// and run in Chromium: the same markup as the pages' headline filter, and text kept as text.
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headlineHtml } from '../../scripts/lib/site/headline-html.ts';
import { launchChromium } from '../support/chromium.ts';
import { PROJECT_DIR } from '../support/fixture-site.ts';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  const bundle = await build({
    stdin: { contents: "import { headlineElement } from './headline.ts'; (globalThis as any).headlineElement = headlineElement;", resolveDir: join(PROJECT_DIR, 'assets/js'), loader: 'ts' },
    bundle: true, format: 'iife', target: 'es2022', write: false, logLevel: 'silent',
  });
  browser = await launchChromium();
  page = await browser.newPage();
  await page.setContent('<!DOCTYPE html><html lang="ar" dir="rtl"><body></body></html>');
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
});

afterAll(async () => {
  await browser?.close();
});

const rendered = (text: string): Promise<string> =>
  page.evaluate((title) => (globalThis as unknown as { headlineElement(text: string): HTMLElement }).headlineElement(title).outerHTML, text);

describe('headlineElement', () => {
  it.each([
    ['a headline that begins with a Latin word', 'Google تفتح مكتباً: نمو 12.5% و«COVID-19» يتراجع'],
    ['an Arabic headline', 'الحكومة تقر الموازنة لعام 2017'],
    ['a headline wholly in Latin', 'Interview with John Smith'],
    ['markup and quotes as text', '<img src=x onerror=alert(1)> "AT&T" سنديان'],
  ])('builds the same markup as the pages for %s', async (_case, title) => {
    expect(await rendered(title)).toBe(headlineHtml(title).replace(/&#39;/g, "'").replace(/&quot;/g, '"'));
  });

  it('makes no element of a headline\'s markup', async () => {
    const tags = await page.evaluate(() => {
      const node = (globalThis as unknown as { headlineElement(text: string): HTMLElement }).headlineElement('<img src=x onerror=alert(1)> <b>خبر</b>');
      return Array.from(node.querySelectorAll('*'), (element) => element.tagName);
    });
    expect(tags.every((tag) => tag === 'BDI')).toBe(true);
  });
});
