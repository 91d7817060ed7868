// Eleventy configuration: static options and plugin registrations only; the logic lives
// in scripts/lib/site.
import { markdownPlugin } from './scripts/lib/site/markdown-plugin.ts';
import { typescriptDataPlugin } from './scripts/lib/site/typescript-data-plugin.ts';

export default function (eleventyConfig: any) {
  eleventyConfig.addPlugin(typescriptDataPlugin);
  eleventyConfig.addPlugin(markdownPlugin);
}

export const config = {
  dir: { input: 'content', includes: '../layouts' },
  templateFormats: ['md', 'njk'],
  // Article text is content, never code: Markdown is not run through a template engine.
  markdownTemplateEngine: false,
  htmlTemplateEngine: 'njk',
};
