// A module of Eleventy's own source (not its public API), for the two places that replace a
// method of it (template-map-index.ts, release-written-pages.ts). Only for the version the
// replacement was read against: any other Eleventy keeps its own code.

import { readFile } from 'node:fs/promises';

/** Eleventy's src/<file>, the same module instance Eleventy uses; undefined for another version. */
export async function eleventyInternal<T>(file: string, version: string): Promise<T | undefined> {
  const eleventyEntry = import.meta.resolve('@11ty/eleventy');
  const packageJson = JSON.parse(await readFile(new URL('../package.json', eleventyEntry), 'utf8')) as { version: string };
  if (packageJson.version !== version) return undefined;
  return (await import(new URL(`./${file}`, eleventyEntry).href)) as T;
}
