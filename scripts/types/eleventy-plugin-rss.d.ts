// The parts of @11ty/eleventy-plugin-rss the feeds use (the package ships no types).
declare module '@11ty/eleventy-plugin-rss' {
  export function convertHtmlToAbsoluteUrls(html: string, base: string, options?: object): Promise<string>;
}
