// Copies the site's own assets and the self-hosted Arabic fonts (Arabic subset, woff2)
// into the output.

const FONT_FILES = [
  '@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-400-normal.woff2',
  '@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-700-normal.woff2',
  '@fontsource/noto-kufi-arabic/files/noto-kufi-arabic-arabic-700-normal.woff2',
];

interface CopyOptions {
  /** recursive-copy's filter, given each path relative to the copied folder. */
  filter?: (path: string) => boolean;
}

export function staticAssetsPlugin(eleventyConfig: { addPassthroughCopy(copy: string | Record<string, string>, options?: CopyOptions): void }): void {
  // TypeScript under assets/js is built for the browser by the search step (scripts/lib/search/browser-scripts.ts).
  eleventyConfig.addPassthroughCopy({ assets: 'assets' }, { filter: (path) => !path.endsWith('.ts') });
  for (const file of FONT_FILES) {
    eleventyConfig.addPassthroughCopy({ [`node_modules/${file}`]: `assets/fonts/${file.split('/').pop()}` });
  }
}
