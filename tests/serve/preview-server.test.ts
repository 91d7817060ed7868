// npm start's preview server on a project copy: it serves the site with drafts, reloads open
// pages when a saved article's pages are in place, picks up a changed layout (a fresh
// worker), and keeps the last good site when a save breaks the front matter.
import { appendFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderArticleDocument } from '../../scripts/lib/ingest/article-document.ts';
import { changesTemplates, startPreviewServer, type PreviewServer } from '../../scripts/lib/serve/preview-server.ts';
import { makeArticles } from '../support/fixture-site.ts';
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
    expect(home).toContain(first.frontMatter.title);
    expect(home).toContain(second.frontMatter.title);
    expect(home).toContain('<script src="/__preview/reload.js" defer></script></body>');
  });

  it('tells open pages to reload once a saved article is in place', async () => {
    const events = await fetch(new URL('/__preview/events', preview.server.url));
    const reader = (events.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    await writeFile(articleFile(), (await readFile(articleFile(), 'utf8')).replace(/^title: .*$/m, 'title: عنوان بعد الحفظ'));
    let received = '';
    while (!received.includes('event: built')) received += new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();
    expect(await fetchText(`/articles/${first.frontMatter.id}/`)).toContain('عنوان بعد الحفظ');
    await preview.settled();
  }, 60_000);

  it('picks up a changed layout', async () => {
    await appendFile(join(dir, 'layouts', 'partials', 'footer.njk'), '<p class="preview-mark">علامة</p>\n');
    for (let waited = 0; waited < 30_000 && !(await fetchText('/')).includes('preview-mark'); waited += 200) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(await fetchText('/')).toContain('preview-mark');
  }, 60_000);

  it('keeps the last good site and says why when a save breaks the front matter', async () => {
    await writeFile(articleFile(), (await readFile(articleFile(), 'utf8')).replace(/^date: .*$/m, "date: 'not a date'"));
    for (let waited = 0; waited < 30_000 && !logs.some((line) => line.includes('the build failed')); waited += 200) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(logs.find((line) => line.includes('the build failed'))).toMatch(/date must be a real date/);
    expect(await fetchText(`/articles/${first.frontMatter.id}/`)).toContain('عنوان بعد الحفظ');
  }, 60_000);
});
