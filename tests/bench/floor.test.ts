// The benchmark's floor: one minimal page per ingested article, the Markdown rendered as the
// site renders it, and nothing else.

import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderFloor } from '../../scripts/tools/bench/floor.ts';
import { renderArticleDocument } from '../../scripts/lib/ingest/article-document.ts';
import { makeArticles } from '../support/fixture-site.ts';
import { useTempDirs } from '../support/temp-dir.ts';

const makeTempDir = useTempDirs('bench-floor-');

describe('renderFloor', () => {
  it('writes articles/<id>/index.html for every Markdown article and skips other files', async () => {
    const [input, output] = [await makeTempDir(), await makeTempDir()];
    const articles = makeArticles(3);
    await mkdir(join(input, '2017', '07'), { recursive: true });
    for (const article of articles) {
      const paragraphs = [...article.paragraphs, '# ليس عنواناً <script>x</script>'];
      await writeFile(join(input, '2017', '07', `${article.frontMatter.id}.md`), renderArticleDocument(article.frontMatter, paragraphs));
    }
    await writeFile(join(input, 'articles.11tydata.ts'), 'export default {};\n');

    const summary = await renderFloor(input, output);

    expect(summary.articles).toBe(3);
    expect((await readdir(join(output, 'articles'))).sort()).toEqual(articles.map((article) => article.frontMatter.id).sort());
    const first = articles[0]!;
    const page = await readFile(join(output, 'articles', first.frontMatter.id, 'index.html'), 'utf8');
    expect(summary.bytes).toBeGreaterThan(page.length);
    expect(page).toContain('<html lang="ar" dir="rtl">');
    expect(page).toContain(`<title>${first.frontMatter.title}</title>`);
    expect(page).toContain(`<p>${first.paragraphs[0]}</p>`);
    // Ingest escaped the paragraph; markdown-it shows it as text, never as markup.
    expect(page).toContain('<p># ليس عنواناً &lt;script&gt;x&lt;/script&gt;</p>');
  });
});
