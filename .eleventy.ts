// Eleventy configuration: static options and plugin registrations only; the logic lives
// in scripts/lib/site. What to render comes from the build (render-pages.ts): the global
// data `plan` (each template's pages and their views) and `nav`.
import { currentBuildContext } from './scripts/lib/site/build-context.ts';
import { filtersPlugin } from './scripts/lib/site/filters-plugin.ts';
import { feedsPlugin } from './scripts/lib/site/feeds-plugin.ts';
import { siteDataPlugin } from './scripts/lib/site/site-data-plugin.ts';
import { staticAssetsPlugin } from './scripts/lib/site/static-assets-plugin.ts';

export default function (eleventyConfig: any) {
  const context = currentBuildContext();
  // Builds read only the input folder; .gitignore (which lists test sites) is not theirs to apply.
  eleventyConfig.setUseGitIgnore(false);
  // Without its template cache Eleventy recompiles the layouts for every page; with it, a
  // second build in the same process reads stale files.
  eleventyConfig.setUseTemplateCache(context.cacheTemplates ?? true);
  eleventyConfig.addPlugin(siteDataPlugin(context));
  eleventyConfig.addPlugin(filtersPlugin(context.site));
  eleventyConfig.addPlugin(feedsPlugin(context));
  eleventyConfig.addPlugin(staticAssetsPlugin);
}

export const config = {
  // The input folder is given to Eleventy by render-pages.ts: a config value here would override it.
  dir: { includes: '../layouts' },
  // Only the page templates: articles are read by the build (article-source.ts), and their
  // text is content, never code: no template engine ever sees it.
  templateFormats: ['njk'],
  htmlTemplateEngine: 'njk',
};
