// Runs the search step (index, browser scripts, service worker) after every rebuild of
// Eleventy's dev server (`npm start`), so search works while previewing. Production builds
// run it from buildSite, on the staging folder, before the site goes live.

import type { BuildContext } from './build-context.ts';
import { buildSearch } from '../search/build-search.ts';

interface AfterBuild {
  directories: { output: string };
  runMode: 'build' | 'serve' | 'watch';
}

export function searchPlugin(context: BuildContext) {
  return (eleventyConfig: { on(event: 'eleventy.after', listener: (event: AfterBuild) => Promise<void>): void }): void => {
    eleventyConfig.on('eleventy.after', async ({ directories, runMode }) => {
      // The dev server serves /assets/ from the source folder; its built scripts (search.js)
      // are in the output, where the server looks next.
      if (runMode === 'serve' || runMode === 'watch') await buildSearch(directories.output, context.site, 'assets');
    });
  };
}
