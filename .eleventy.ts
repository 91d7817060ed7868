// Eleventy configuration: static options and the registrations that do not depend on the
// build under way; the logic lives in scripts/lib/site. The build hands Eleventy the rest
// through its programmatic configuration (render-pages.ts): its context, with the data,
// filters and feeds made from it (build-plugins.ts), what to render, the global data `plan`
// (each template's pages and their views) and `nav`, and, in one run of a build, the copy
// of the assets (static-assets-plugin.ts): a build renders in several runs and lanes.

export default function (eleventyConfig: any) {
  // Builds read only the input folder; .gitignore (which lists test sites) is not theirs to apply.
  eleventyConfig.setUseGitIgnore(false);
}

export const config = {
  // The input folder is given to Eleventy by render-pages.ts: a config value here would override it.
  dir: { includes: '../layouts' },
  // Only the page templates: articles are read by the build (article-source.ts), and their
  // text is content, never code: no template engine ever sees it.
  templateFormats: ['njk'],
  htmlTemplateEngine: 'njk',
};
