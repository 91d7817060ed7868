// npm start's preview server on a project copy: it serves the site with drafts, reloads open
// pages when a saved article's pages are in place, picks up a changed layout (a fresh
// worker), and keeps the last good site when a save breaks the front matter, showing open
// pages (in Chromium) an Arabic overlay of the problems until they are fixed, also when no
// build has succeeded yet (an Arabic page under the overlay, not a bare 404).
import { appendFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderArticleDocument } from '../../scripts/lib/ingest/article-document.ts';
import { OVERLAY_ID } from '../../scripts/lib/serve/preview-overlay.ts';
import { changesTemplates, startPreviewServer, type PreviewServer } from '../../scripts/lib/serve/preview-server.ts';
import { launchChromium } from '../support/chromium.ts';
import { makeArticles, type FixtureArticle } from '../support/fixture-site.ts';
import { createProjectCopy } from '../support/project-copy.ts';

describe('changesTemplates', () => {
  it.each([
    ['layouts/base.njk', true],
    ['layouts/partials/footer.njk', true],
    ['content/lists.njk', true],
    ['content/feeds/atom.njk', true],
    ['.eleventy.ts', true],
    ['content/articles/2017/07/a000000000000000.md', false],
    ['assets/css/site.css', false],
  ])('%s → %s', (path, expected) => {
    expect(changesTemplates(path)).toBe(expected);
  });
});

describe('the preview server', () => {
  let dir = '';
  let preview: PreviewServer;
  const logs: string[] = [];
  const [first, second] = makeArticles(2) as [ReturnType<typeof makeArticles>[number], ReturnType<typeof makeArticles>[number]];
  const articleFile = (): string => join(dir, 'content', 'articles', '2017', '07', `${first.frontMatter.id}.md`);
  const fetchText = async (path: string): Promise<string> => (await fetch(new URL(path, preview.server.url))).text();

  beforeAll(async () => {
    dir = await createProjectCopy('preview');
    await mkdir(join(articleFile(), '..'), { recursive: true });
    await writeFile(articleFile(), renderArticleDocument(first.frontMatter, first.paragraphs));
    await writeFile(join(articleFile(), '..', `${second.frontMatter.id}.md`),
      renderArticleDocument(second.frontMatter, second.paragraphs).replace('\ningestSha256', '\ndraft: true\ningestSha256'));
    preview = await startPreviewServer({ projectDir: dir, outputDir: '_site', pathPrefix: '/', port: 0, host: '127.0.0.1', log: (line) => logs.push(line) });
    await preview.settled();
  }, 120_000);
  afterAll(async () => {
    await preview?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('serves the site with drafts and a reload script', async () => {
    const home = await fetchText('/');
    expect(home).toContain(`href="/articles/${first.frontMatter.id}/"`);
    expect(home).toContain(`href="/articles/${second.frontMatter.id}/"`);
    expect(home).toContain('<script src="/__preview/reload.js" defer></script></body>');
  });

  it('tells open pages to reload once a saved article is in place: its own page first, then the rest of the build', async () => {
    const before = logs.length;
    const events = await fetch(new URL('/__preview/events', preview.server.url));
    const reader = (events.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    await writeFile(articleFile(), (await readFile(articleFile(), 'utf8')).replace(/^title: .*$/m, 'title: عنوان بعد الحفظ'));
    let received = '';
    while (!received.includes('event: built')) received += new TextDecoder().decode((await reader.read()).value);
    expect(await fetchText(`/articles/${first.frontMatter.id}/`)).toContain('عنوان بعد الحفظ');
    await preview.settled();
    while (received.split('event: built').length < 3) received += new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();
    const lines = logs.slice(before).filter((line) => line.startsWith('preview: the saved') || line.startsWith('preview: rendered'));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^preview: the saved article's page shown in [\d.]+ s$/u);
    expect(lines[1]).toMatch(/^preview: rendered \d+ of \d+ pages in [\d.]+ s$/u);
  }, 60_000);

  it('builds a save once, however many events the watcher sees of it', async () => {
    const before = logs.length;
    // The title the next test expects, with more words: a save of its own.
    await writeFile(articleFile(), (await readFile(articleFile(), 'utf8')).replace(/^title: .*$/m, 'title: عنوان بعد الحفظ مرة ثانية'));
    for (let waited = 0; waited < 30_000 && !(await fetchText(`/articles/${first.frontMatter.id}/`)).includes('مرة ثانية'); waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await preview.settled();
    // Events of the same write that come late start a run too: give them time, then wait for it.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await preview.settled();
    const builds = logs.slice(before).filter((line) => line.startsWith('preview: rendered') || line === 'preview: nothing changed');
    expect(builds).toHaveLength(1);
    expect(builds[0]).toMatch(/^preview: rendered /);
  }, 60_000);

  it('picks up a changed layout', async () => {
    await appendFile(join(dir, 'layouts', 'partials', 'footer.njk'), '<p class="preview-mark">علامة</p>\n');
    for (let waited = 0; waited < 30_000 && !(await fetchText('/')).includes('preview-mark'); waited += 200) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(await fetchText('/')).toContain('preview-mark');
  }, 60_000);

  it('keeps the last good site and says why, one line per problem, when a save breaks the front matter', async () => {
    const good = await readFile(articleFile(), 'utf8');
    await writeFile(articleFile(), good.replace(/^date: .*$/m, "date: 'not a date'"));
    for (let waited = 0; waited < 30_000 && !logs.some((line) => line.includes('the build failed')); waited += 200) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const report = logs.find((line) => line.includes('the build failed')) as string;
    expect(report.split('\n')).toEqual([
      'preview: تعذّر تحديث المعاينة | the build failed; the preview shows the last good site.',
      'تعذّر البناء: مشكلة واحدة في المقالات | 1 problem in the articles',
      expect.stringMatching(new RegExp(`^content/articles/2017/07/${first.frontMatter.id}\\.md:\\d+ \\(date\\): التاريخ \\(date\\) ليس تاريخاً صحيحاً: 'not a date' — .* \\| date is not a real date: 'not a date' — `)),
    ]);
    expect(await fetchText(`/articles/${first.frontMatter.id}/`)).toContain('عنوان بعد الحفظ');
    await writeFile(articleFile(), good);
    await preview.settled();
  }, 60_000);
});

const overlayText = (page: Page): Promise<string | null> => page.evaluate((id) => document.getElementById(id)?.innerText ?? null, OVERLAY_ID);
const until = async (condition: () => Promise<boolean>): Promise<void> => {
  for (let waited = 0; waited < 30_000 && !(await condition()); waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
};
const articleFileIn = (dir: string, article: FixtureArticle): string => join(dir, 'content', 'articles', '2017', '07', `${article.frontMatter.id}.md`);

interface BrowserPreview {
  dir: string;
  preview: PreviewServer;
  browser: Browser;
}

/** A preview server on a fresh project copy holding `documents` (article → its text), and Chromium. */
function useBrowserPreview(name: string, documents: () => Map<FixtureArticle, string>, log: (line: string) => void = () => undefined): BrowserPreview {
  const running = {} as BrowserPreview;
  beforeAll(async () => {
    running.dir = await createProjectCopy(name);
    await rm(join(running.dir, '_site'), { recursive: true, force: true });
    for (const [article, text] of documents()) {
      await mkdir(join(articleFileIn(running.dir, article), '..'), { recursive: true });
      await writeFile(articleFileIn(running.dir, article), text);
    }
    running.preview = await startPreviewServer({ projectDir: running.dir, outputDir: '_site', pathPrefix: '/', port: 0, host: '127.0.0.1', log });
    await running.preview.settled();
    running.browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await running.browser?.close();
    await running.preview?.close();
    if (running.dir) await rm(running.dir, { recursive: true, force: true });
  });
  return running;
}

describe('the preview in a browser while the build fails', () => {
  const consoleErrors: string[] = [];
  const [first, second] = makeArticles(2) as [FixtureArticle, FixtureArticle];
  const running = useBrowserPreview('preview-overlay', () => new Map([first, second].map((article) => [article, renderArticleDocument(article.frontMatter, article.paragraphs)])));
  const fileOf = (article: FixtureArticle): string => articleFileIn(running.dir, article);

  it('shows every problem in an Arabic overlay over the last good page, and clears it when they are fixed', async () => {
    const page = await running.browser.newPage();
    page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(message.text()); });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    const url = new URL(`/articles/${first.frontMatter.id}/`, running.preview.server.url).href;
    await page.goto(url);
    await page.waitForFunction(() => document.readyState === 'complete');
    expect(await overlayText(page)).toBeNull();

    // Two articles broken in one save: a colon in a headline, a section that does not exist.
    const goodFirst = await readFile(fileOf(first), 'utf8');
    const goodSecond = await readFile(fileOf(second), 'utf8');
    await writeFile(fileOf(first), goodFirst.replace(/^title: .*$/m, 'title: وزير الخارجية: لا تفاوض'));
    await writeFile(fileOf(second), goodSecond.replace(/^section: .*$/m, 'section: سوريا'));
    await until(async () => (await overlayText(page))?.includes('سوريا') === true);
    const shown = (await overlayText(page)) as string;
    expect(shown).toContain('تعذّر تحديث المعاينة: مشكلتان');
    expect(shown).toContain(`content/articles/2017/07/${first.frontMatter.id}.md:3 (title)`);
    expect(shown).toContain('ضع العنوان بين علامتي تنصيص');
    expect(shown).toContain('title has a colon (:) but is not in quotes');
    expect(shown).toContain('القسم «سوريا» ليس من أقسام الموقع');
    expect(shown).toContain('هل تقصد «سورية»؟');
    expect(await page.evaluate((id) => document.getElementById(id)?.closest('[dir]')?.getAttribute('dir'), OVERLAY_ID)).toBe('rtl');
    // Under the overlay, the last good page.
    expect(await page.title()).toContain(first.frontMatter.title);

    // A page opened while the build is failing shows the overlay too.
    const later = await running.browser.newPage();
    await later.goto(new URL('/', running.preview.server.url).href);
    await until(async () => (await overlayText(later)) !== null);
    expect(await overlayText(later)).toContain('ضع العنوان بين علامتي تنصيص');

    // One fixed: the overlay lists the other only.
    await writeFile(fileOf(first), goodFirst);
    await until(async () => (await overlayText(page))?.includes('title') === false);
    expect(await overlayText(page)).toContain('مشكلة واحدة');

    // Both fixed (the site as it was: nothing to render): the overlay goes, the page reloads.
    await writeFile(fileOf(second), goodSecond);
    await until(async () => (await overlayText(page).catch(() => 'reloading')) === null && (await overlayText(later).catch(() => 'reloading')) === null);
    expect(await overlayText(page)).toBeNull();
    expect(await overlayText(later)).toBeNull();
    expect(await page.title()).toContain(first.frontMatter.title);
    await running.preview.settled();
    expect(consoleErrors).toEqual([]);
  }, 120_000);
});

describe('the preview in a browser when its first build fails', () => {
  const logs: string[] = [];
  const [article] = makeArticles(1) as [FixtureArticle];
  const good = (): string => renderArticleDocument(article.frontMatter, article.paragraphs);
  // A colon in an unquoted headline: the first build fails.
  const running = useBrowserPreview('preview-first-failure', () => new Map([[article, good().replace(/^title: .*$/m, 'title: وزير الخارجية: لا تفاوض')]]), (line) => logs.push(line));

  it('shows the problem on an Arabic page, not a bare 404, and the site once it is fixed', async () => {
    expect(logs.join('\n')).toContain('there is no site to preview until a build succeeds');
    const response = await fetch(new URL('/', running.preview.server.url));
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('<html lang="ar" dir="rtl">');

    const page = await running.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(new URL('/', running.preview.server.url).href);
    await until(async () => (await overlayText(page)) !== null);
    const shown = (await overlayText(page)) as string;
    expect(shown).toContain('ضع العنوان بين علامتي تنصيص');
    // No last good site to speak of: the note says so.
    expect(shown).toContain('لا موقع للمعاينة بعد');
    expect(shown).not.toContain('آخر نسخة سليمة');

    await writeFile(articleFileIn(running.dir, article), good());
    // The page reloads into the site's front page, which links the article.
    const linksTheArticle = (): Promise<boolean> => page.evaluate(() => document.querySelector('a[href^="/articles/"]') !== null).catch(() => false);
    await until(linksTheArticle);
    await page.waitForFunction(() => document.readyState === 'complete');
    expect(await overlayText(page)).toBeNull();
    expect(await linksTheArticle()).toBe(true);
    expect(errors).toEqual([]);
  }, 120_000);
});
