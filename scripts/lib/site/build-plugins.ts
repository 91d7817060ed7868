// What of Eleventy's configuration depends on the build under way: its data, filters and
// feeds are made with the build's context (settings, "now", drafts), and Eleventy's template
// cache follows it. Registered by the build's programmatic configuration (render-pages.ts),
// which hands the context to Eleventy directly; .eleventy.ts holds what does not depend on it.

import type { BuildContext } from './build-context.ts';
import { feedsPlugin } from './feeds-plugin.ts';
import { filtersPlugin } from './filters-plugin.ts';
import { siteDataPlugin } from './site-data-plugin.ts';

interface ContextConfig {
  setUseTemplateCache(use: boolean): void;
  addPlugin(plugin: (eleventyConfig: never) => void): void;
}

export function addBuildContext(eleventyConfig: ContextConfig, context: BuildContext): void {
  // Without its template cache Eleventy recompiles the layouts for every page; with it, a
  // second build in the same process reads stale files.
  eleventyConfig.setUseTemplateCache(context.cacheTemplates ?? true);
  eleventyConfig.addPlugin(siteDataPlugin(context));
  eleventyConfig.addPlugin(filtersPlugin(context.site));
  eleventyConfig.addPlugin(feedsPlugin(context));
}
