// Copies the site's own assets and the self-hosted Arabic fonts (Arabic subset, woff2)
// into the output.

const FONT_FILES = [
  '@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-400-normal.woff2',
  '@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-700-normal.woff2',
  '@fontsource/noto-kufi-arabic/files/noto-kufi-arabic-arabic-700-normal.woff2',
];

export function staticAssetsPlugin(eleventyConfig: { addPassthroughCopy(copy: string | Record<string, string>): void }): void {
  eleventyConfig.addPassthroughCopy({ assets: 'assets' });
  for (const file of FONT_FILES) {
    eleventyConfig.addPassthroughCopy({ [`node_modules/${file}`]: `assets/fonts/${file.split('/').pop()}` });
  }
}
