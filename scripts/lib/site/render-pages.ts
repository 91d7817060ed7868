// Renders the pages a build needs into an empty folder with Eleventy: the page templates
// under content/ paginate over the global data `plan`, which holds only these pages' views;
// article bodies are rendered here, once each, by markdown-it. The site's assets are copied
// too (Eleventy's passthrough copy). Picture files are written without Eleventy, from the
// image cache (image-files.ts). A large render is shared between lanes, one per core
// (render-lanes.ts). Nothing here knows what was rendered before.

import { join, relative } from 'node:path';
import type EleventyType from '@11ty/eleventy';
import type { ArticleItem } from './article-source.ts';
import { readArticleBody } from './article-source.ts';
import { createArticleMarkdown } from './article-markdown.ts';
import { writeImageFiles } from '../images/image-files.ts';
import { addBuildContext } from './build-plugins.ts';
import type { BuildContext } from './build-context.ts';
import { articlesRenderedBy, groupByFamily, type Chrome, type PlannedPage } from './render-plan.ts';
import { dealPages, renderInWorker, renderLanes } from './render-lanes.ts';
import { staticAssetsPlugin } from './static-assets-plugin.ts';

export interface RenderRequest {
  /** The build's settings, "now" and mode: what the pages are rendered with. */
  context: BuildContext;
  projectDir: string;
  /** The content folder: page templates, and the articles (which Eleventy never reads). */
  inputDir: string;
  outputDir: string;
  pages: readonly PlannedPage[];
  chrome: Chrome;
  /** Where each article's file is, by URL. */
  fileByUrl: ReadonlyMap<string, string>;
  quiet?: boolean;
  /** Pages one Eleventy run renders (default PAGES_PER_RUN). */
  pagesPerRun?: number;
  /** Lanes the pages are shared between (default renderLanes: one per core for a large render); a test sets it. */
  lanes?: number;
  /** Where picture files are made and kept between builds (image-files.ts). */
  imageCacheDir: string;
}

/** What one lane renders: its pages, and whether it copies the assets (the first lane only). */
export type RenderShare = Omit<RenderRequest, 'imageCacheDir' | 'lanes'> & { copyAssets: boolean };

/**
 * Pages one Eleventy run renders. Eleventy keeps every page it rendered, and each article
 * body is held until its run ends: in runs of this size a 100,000-article build stays
 * within a few hundred megabytes of pages, for the cost of starting Eleventy again.
 */
export const PAGES_PER_RUN = 5_000;

/** Fills in the rendered body of every article the pages show in full; returns them, to let go of afterwards. */
function renderBodies(pages: readonly PlannedPage[], fileByUrl: ReadonlyMap<string, string>): ArticleItem[] {
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
  return [...done];
}

/** Renders the pages (and copies the assets) into outputDir, shared between lanes; returns the pages written. */
export async function renderPages(request: RenderRequest): Promise<number> {
  const images = request.pages.filter((page) => page.family === 'image');
  await writeImageFiles(images, { projectDir: request.projectDir, contentDir: request.inputDir, outputDir: request.outputDir, cacheDir: request.imageCacheDir });
  const templated = request.pages.filter((page) => page.family !== 'image');
  const [own = [], ...others] = dealPages(templated, request.lanes ?? renderLanes(templated.length));
  const { imageCacheDir: _, lanes: __, ...common } = request;
  // The workers get their shares before this thread starts on its own, and only the files of their articles.
  const stop = new AbortController();
  const children = others.map((pages) => renderInWorker({ ...common, pages, fileByUrl: filesOf(pages, request.fileByUrl), copyAssets: false }, stop.signal));
  // Awaited below; a failure meanwhile must not be an unhandled rejection.
  for (const child of children) child.catch(() => undefined);
  let written = images.length;
  try {
    written += await renderShare({ ...common, pages: own, copyAssets: true });
  } catch (error) {
    stop.abort();
    await Promise.allSettled(children);
    throw error;
  }
  // Every lane has stopped before a failure is thrown: none is still writing into the folder.
  for (const result of await Promise.allSettled(children)) {
    if (result.status === 'rejected') throw result.reason;
    written += result.value;
  }
  return written;
}

/** The files of the articles whose bodies the pages show. */
function filesOf(pages: readonly PlannedPage[], fileByUrl: ReadonlyMap<string, string>): Map<string, string> {
  const files = new Map<string, string>();
  for (const item of pages.flatMap(articlesRenderedBy)) {
    const file = fileByUrl.get(item.url);
    if (file) files.set(item.url, file);
  }
  return files;
}

/** Renders one lane's pages in runs of PAGES_PER_RUN; returns the pages written. */
export async function renderShare(share: RenderShare): Promise<number> {
  let written = 0;
  // One run even with no pages: the first lane's copies the assets.
  const perRun = share.pagesPerRun ?? PAGES_PER_RUN;
  for (let start = 0; start === 0 || start < share.pages.length; start += perRun) {
    const pages = share.pages.slice(start, start + perRun);
    const rendered = renderBodies(pages, share.fileByUrl);
    written += await renderRun(share, pages, share.copyAssets && start === 0);
    for (const item of rendered) delete item.templateContent;
  }
  return written;
}

/** What the build's programmatic configuration uses of Eleventy's configuration API. */
type BuildEleventyConfig = Parameters<typeof addBuildContext>[0] & {
  addGlobalData(name: string, value: unknown): void;
  addFilter(name: string, filter: (path: string) => string): void;
  addPlugin(plugin: typeof staticAssetsPlugin): void;
  ignores: Set<string>;
};

async function renderRun(request: RenderShare, pages: readonly PlannedPage[], copyAssets: boolean): Promise<number> {
  // Relative on purpose: Eleventy 3 resolves includes and ignores against a relative input.
  const input = `./${relative(process.cwd(), request.inputDir)}`;
  // Loaded on first use: a build with nothing to render never pays for loading Eleventy.
  const { default: Eleventy } = await import('@11ty/eleventy');
  const eleventy = new Eleventy(input, request.outputDir, {
    configPath: join(request.projectDir, '.eleventy.ts'),
    quietMode: request.quiet ?? true,
    // The build's own configuration, run before .eleventy.ts on the same configuration: what
    // depends on this build (its context, its pages) is handed to Eleventy here, never
    // through a process global.
    config: (eleventyConfig: BuildEleventyConfig) => {
      addBuildContext(eleventyConfig, request.context);
      eleventyConfig.addGlobalData('plan', groupByFamily(pages));
      eleventyConfig.addGlobalData('nav', request.chrome.nav);
      // '/assets/css/site.css' | asset → its content-hashed name (asset-fingerprint.ts).
      eleventyConfig.addFilter('asset', (path: string) => {
        const hashed = request.chrome.assets[path];
        if (!hashed) throw new Error(`no content-hashed name for ${path}: not one of the assets asset-fingerprint.ts names`);
        return hashed;
      });
      // Thousands of Markdown files Eleventy need not even list.
      eleventyConfig.ignores.add(`${input}/articles/**`);
      // Once per build: by the first run of the first lane.
      if (copyAssets) eleventyConfig.addPlugin(staticAssetsPlugin);
    },
  } as ConstructorParameters<typeof EleventyType>[2]);
  // write() resolves to [passthrough copies, rendered templates].
  const [, rendered] = (await eleventy.write()) as unknown as [unknown[], unknown[]];
  return rendered.length;
}
