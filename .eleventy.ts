// Eleventy configuration: static options and plugin registrations only; the logic lives
// in scripts/lib/site.
import { currentBuildContext } from './scripts/lib/site/build-context.ts';
import { frontMatterPlugin } from './scripts/lib/site/front-matter-plugin.ts';
import { filtersPlugin } from './scripts/lib/site/filters-plugin.ts';
import { markdownPlugin } from './scripts/lib/site/markdown-plugin.ts';
import { feedsPlugin } from './scripts/lib/site/feeds-plugin.ts';
import { createNewsIndexSource, newsCollectionsPlugin } from './scripts/lib/site/news-collections-plugin.ts';
import { searchPlugin } from './scripts/lib/site/search-plugin.ts';
import { siteDataPlugin } from './scripts/lib/site/site-data-plugin.ts';
import { staticAssetsPlugin } from './scripts/lib/site/static-assets-plugin.ts';
import { templateMapIndexPlugin } from './scripts/lib/site/template-map-index.ts';
import { typescriptDataPlugin } from './scripts/lib/site/typescript-data-plugin.ts';

export default function (eleventyConfig: any) {
  const context = currentBuildContext();
  const siteSettings = context.site;
  // Builds read only the input folder; .gitignore (which lists test sites) is not theirs to apply.
  eleventyConfig.setUseGitIgnore(false);
  // Without its template cache Eleventy recompiles the layouts for every page (25 s of a
  // 10k-article build); with it, a second build in the same process reads stale files.
  eleventyConfig.setUseTemplateCache(context.cacheTemplates ?? true);
  // Before anything else: Eleventy's page lookup is quadratic in the archive without it.
  eleventyConfig.addPlugin(templateMapIndexPlugin);
  eleventyConfig.addPlugin(typescriptDataPlugin);
  eleventyConfig.addPlugin(frontMatterPlugin);
  eleventyConfig.addPlugin(markdownPlugin);
  eleventyConfig.addPlugin(siteDataPlugin(context));
  eleventyConfig.addPlugin(filtersPlugin(siteSettings));
  const news = createNewsIndexSource(context);
  eleventyConfig.addPlugin(newsCollectionsPlugin(news));
  eleventyConfig.addPlugin(feedsPlugin(context, news));
  eleventyConfig.addPlugin(staticAssetsPlugin);
  eleventyConfig.addPlugin(searchPlugin(context));
}

export const config = {
  // The input folder is given on the command line (--input=content) or to buildSite: a
  // config value here would override it.
  dir: { includes: '../layouts' },
  templateFormats: ['md', 'njk'],
  // Article text is content, never code: Markdown is not run through a template engine.
  markdownTemplateEngine: false,
  htmlTemplateEngine: 'njk',
};
