// Renders the pages a build needs into an empty folder with Eleventy: the page templates
// under content/ paginate over the global data `plan`, which holds only these pages' views;
// article bodies are rendered here, once each, by markdown-it. The site's assets are copied
// too (Eleventy's passthrough copy). Nothing here knows what was rendered before.

import { join, relative } from 'node:path';
import Eleventy from '@11ty/eleventy';
import type { ArticleItem } from './article-source.ts';
import { readArticleBody } from './article-source.ts';
import { createArticleMarkdown } from './article-markdown.ts';
import { articlesRenderedBy, groupByFamily, type Chrome, type PlannedPage } from './render-plan.ts';

export interface RenderRequest {
  projectDir: string;
  /** The content folder: page templates, and the articles (which Eleventy never reads). */
  inputDir: string;
  outputDir: string;
  pages: readonly PlannedPage[];
  chrome: Chrome;
  /** Where each article's file is, by URL. */
  fileByUrl: ReadonlyMap<string, string>;
  quiet?: boolean;
}

/** Fills in the rendered body of every article the pages show in full. */
function renderBodies(pages: readonly PlannedPage[], fileByUrl: ReadonlyMap<string, string>): void {
  const markdown = createArticleMarkdown();
  const done = new Set<ArticleItem>();
  for (const page of pages) {
    for (const item of articlesRenderedBy(page)) {
      if (done.has(item)) continue;
      done.add(item);
      const file = fileByUrl.get(item.url);
      if (!file) throw new Error(`no file for the article ${item.url}`);
      item.templateContent = markdown.render(readArticleBody(file));
    }
  }
}

/** Renders the pages (and copies the assets) into outputDir; returns the files written, site-relative. */
export async function renderPages(request: RenderRequest): Promise<number> {
  renderBodies(request.pages, request.fileByUrl);
  // Relative on purpose: Eleventy 3 resolves includes and ignores against a relative input.
  const input = `./${relative(process.cwd(), request.inputDir)}`;
  const eleventy = new Eleventy(input, request.outputDir, {
    configPath: join(request.projectDir, '.eleventy.ts'),
    quietMode: request.quiet ?? true,
    config: (eleventyConfig: { addGlobalData(name: string, value: unknown): void; ignores: Set<string> }) => {
      eleventyConfig.addGlobalData('plan', groupByFamily(request.pages));
      eleventyConfig.addGlobalData('nav', request.chrome.nav);
      // Thousands of Markdown files Eleventy need not even list.
      eleventyConfig.ignores.add(`${input}/articles/**`);
    },
  } as ConstructorParameters<typeof Eleventy>[2]);
  // write() resolves to [passthrough copies, rendered templates].
  const [, rendered] = (await eleventy.write()) as unknown as [unknown[], unknown[]];
  return rendered.length;
}
