// Renders one lane's share of the pages a build needs (render-lanes.ts deals them) into an
// empty folder with Eleventy: the page templates under content/ paginate over the global
// data `plan`, which holds only these pages' views; article bodies are rendered here, once
// each, by markdown-it. The first lane copies the site's assets too (Eleventy's passthrough
// copy). Nothing here knows what was rendered before.

import { join, relative } from 'node:path';
import type EleventyType from '@11ty/eleventy';
import type { ArticleItem } from './article-source.ts';
import { readArticleBody } from './article-source.ts';
import { createArticleMarkdown } from './article-markdown.ts';
import { addBuildContext } from './build-plugins.ts';
import { articlesRenderedBy, groupByFamily, type PlannedPage } from './render-plan.ts';
import type { RenderRequest } from './render-lanes.ts';
import { staticAssetsPlugin } from './static-assets-plugin.ts';

/**
 * What one lane renders: its pages, whether it copies the assets (the first lane only), and
 * the configuration file Eleventy imports (eleventyConfigFile in render-lanes.ts: the same
 * for every lane).
 */
export type RenderShare = Omit<RenderRequest, 'imageCacheDir' | 'lanes' | 'warm'> & { copyAssets: boolean; configPath: string };

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
    configPath: request.configPath,
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
