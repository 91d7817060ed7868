// Gate: axe-core finds no violation, and — because axe skips colour contrast on Arabic
// text — HTML_CodeSniffer finds no contrast error, on each page, in Chromium, in light and
// dark colour schemes. Console errors fail the page too.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';

const require = createRequire(import.meta.url);

// The page's globals as the callbacks given to page.evaluate use them: those run in Chromium,
// while this file is Node code, type-checked without the DOM library (tsconfig.json).
interface PageElement { tagName: string; getAttribute(name: string): string | null }
interface PageDocument { fonts: { ready: Promise<unknown> }; documentElement: PageElement }
declare const document: PageDocument;
declare const window: unknown;
// HTML_CodeSniffer's WCAG 2 techniques for contrast (minimum and enhanced).
const CONTRAST_CODES = /G18|G145|G17/;

export interface PageAccessibility {
  url: string;
  scheme: 'light' | 'dark';
  axeViolations: string[];
  contrastErrors: string[];
  consoleErrors: string[];
}

export async function checkAccessibility(browser: Browser, urls: readonly string[]): Promise<PageAccessibility[]> {
  const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  const htmlcsSource = await readFile(require.resolve('html_codesniffer/build/HTMLCS.js'), 'utf8');
  const results: PageAccessibility[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 900 } });
    for (const url of urls) {
      const page = await context.newPage();
      const consoleErrors: string[] = [];
      page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(message.text()); });
      page.on('pageerror', (error) => consoleErrors.push(error.message));
      const response = await page.goto(url, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      // The 404 page is served with status 404 on purpose; its own load is not an error.
      if (response?.status() === 404) consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((text) => !/status of 404/.test(text)));
      // Injected through the page's own evaluation: CSP applies to <script> tags, not to evaluate().
      await page.evaluate(axeSource);
      const axeViolations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(context: PageDocument, options: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
        const { violations } = await axe.run(document, { resultTypes: ['violations'] });
        return violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 5).join(', ')}`);
      });
      await page.evaluate(htmlcsSource);
      const contrastErrors = await page.evaluate((codes) => new Promise<string[]>((resolve) => {
        const htmlcs = (window as unknown as { HTMLCS: { process(standard: string, element: PageElement, done: () => void): void; getMessages(): { type: number; code: string; msg: string; element: PageElement }[] } }).HTMLCS;
        htmlcs.process('WCAG2AA', document.documentElement, () => {
          resolve(htmlcs.getMessages()
            .filter((message) => message.type === 1 && new RegExp(codes).test(message.code))
            .map((message) => `${message.code}: ${message.msg} <${message.element.tagName.toLowerCase()} class="${message.element.getAttribute('class') ?? ''}">`));
        });
      }), CONTRAST_CODES.source);
      results.push({ url, scheme, axeViolations, contrastErrors, consoleErrors });
      await page.close();
    }
    await context.close();
  }
  return results;
}
