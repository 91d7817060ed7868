// The benchmark's floor: the least a build of the article pages must do. Reads every
// ingested Markdown article and its front matter as the build does (content/front-matter.ts),
// renders it with markdown-it (the site's settings) and writes one minimal HTML page per
// article. Nothing else: no layouts, lists, feeds or search. Run as a script:
//   node --import tsx scripts/tools/bench/floor.ts <articles-dir> <out-dir>

import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readArticleDocument } from '../../lib/content/front-matter.ts';
import { TaskPool } from '../../lib/fs/bounded.ts';
import { walkFiles } from '../../lib/fs/walk-files.ts';
import { createArticleMarkdown } from '../../lib/site/article-markdown.ts';

export interface FloorSummary {
  articles: number;
  bytes: number;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/gu, (character) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[character] ?? ''};`);
}

export async function renderFloor(articlesDir: string, outDir: string, concurrency = 16): Promise<FloorSummary> {
  const markdown = createArticleMarkdown();
  const pool = new TaskPool(concurrency);
  const summary: FloorSummary = { articles: 0, bytes: 0 };
  for await (const path of walkFiles(articlesDir)) {
    if (!path.endsWith('.md')) continue;
    await pool.add(async () => {
      const { data, body } = readArticleDocument(await readFile(path, 'utf8'));
      const id = String(data.id);
      const page = `<!doctype html>\n<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${escapeHtml(String(data.title ?? ''))}</title></head>\n<body><article>\n${markdown.render(body)}</article></body></html>\n`;
      const folder = join(outDir, 'articles', id);
      await mkdir(folder, { recursive: true });
      await writeFile(join(folder, 'index.html'), page);
      summary.articles += 1;
      summary.bytes += Buffer.byteLength(page);
    });
  }
  await pool.drain();
  return summary;
}

const isEntryPoint = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isEntryPoint) {
  const [articlesDir, outDir] = process.argv.slice(2);
  if (!articlesDir || !outDir) {
    process.stderr.write('Usage: node --import tsx scripts/tools/bench/floor.ts <articles-dir> <out-dir>\n');
    process.exitCode = 2;
  } else {
    const summary = await renderFloor(articlesDir, outDir);
    process.stdout.write(`floor: wrote ${summary.articles} article pages (${summary.bytes} bytes) into ${outDir}\n`);
  }
}
