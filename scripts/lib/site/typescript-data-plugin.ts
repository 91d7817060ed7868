// Lets Eleventy read directory and global data written in TypeScript (*.11tydata.ts,
// _data/*.ts): the project runs under tsx, so a plain import loads them.

import { pathToFileURL } from 'node:url';

export function typescriptDataPlugin(eleventyConfig: {
  addDataExtension(extension: string, options: { parser: (path: string) => Promise<unknown>; read: boolean }): void;
}): void {
  eleventyConfig.addDataExtension('ts', {
    read: false,
    parser: async (path) => ((await import(pathToFileURL(path).href)) as { default: unknown }).default,
  });
}
