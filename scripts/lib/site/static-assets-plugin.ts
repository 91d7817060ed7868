// Copies the site's own assets and the self-hosted fonts into the output: Noto Naskh Arabic
// 400 and 700 and Noto Kufi Arabic 700 (the weights site.css uses), each in its Arabic,
// Latin and Latin Extended subsets (woff2; site.css gives each its unicode-range).

const FONT_FACES = [
  { family: 'noto-naskh-arabic', weight: 400 },
  { family: 'noto-naskh-arabic', weight: 700 },
  { family: 'noto-kufi-arabic', weight: 700 },
];
const SUBSETS = ['arabic', 'latin', 'latin-ext'];

export const FONT_FILES = FONT_FACES.flatMap(({ family, weight }) =>
  SUBSETS.map((subset) => `@fontsource/${family}/files/${family}-${subset}-${weight}-normal.woff2`));

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
