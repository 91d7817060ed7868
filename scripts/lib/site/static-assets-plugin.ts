// Copies the site's own assets and the self-hosted fonts into the output: the fonts under
// their content-hashed names (asset-fingerprint.ts). The stylesheet and the plain scripts are
// not copied: the search step writes them, minified, under their hashed names
// (scripts/lib/search/browser-scripts.ts).

import { fontAssets, PLAIN_SCRIPTS, STYLESHEET } from './asset-fingerprint.ts';

export { FONT_FILES } from './asset-fingerprint.ts';

interface CopyOptions {
  /** recursive-copy's filter, given each path relative to the copied folder. */
  filter?: (path: string) => boolean;
}

export function staticAssetsPlugin(eleventyConfig: { addPassthroughCopy(copy: string | Record<string, string>, options?: CopyOptions): void }): void {
  // TypeScript under assets/js is built for the browser by the search step (scripts/lib/search/browser-scripts.ts).
  // The project's fonts (the Arabic cores) are copied below with the others, by their hashed names.
  const written = new Set([STYLESHEET, ...PLAIN_SCRIPTS].map((logical) => logical.replace(/^\/assets\//, '')));
  eleventyConfig.addPassthroughCopy({ assets: 'assets' }, { filter: (path) => !path.endsWith('.ts') && !written.has(path) && !path.startsWith('fonts/') });
  // Paths relative to the working folder, as Eleventy reads them.
  for (const font of fontAssets('.')) {
    eleventyConfig.addPassthroughCopy({ [font.source]: font.path.slice(1) });
  }
}
