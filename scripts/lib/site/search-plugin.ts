// Runs the search step (index, browser scripts, service worker) after every rebuild of
// Eleventy's dev server (`npm start`), so search works while previewing. Production builds
// run it from buildSite, on the staging folder, before the site goes live.
//
// In the background: the edited page is what the editor waits for, and indexing a large
// archive takes far longer than rendering one page. One run at a time; edits made while it
// runs are indexed by one more run after it.

import type { BuildContext } from './build-context.ts';
import { buildSearch } from '../search/build-search.ts';

interface AfterBuild {
  directories: { output: string };
  runMode: 'build' | 'serve' | 'watch';
}

interface EleventyEvents {
  on(event: 'eleventy.after', listener: (event: AfterBuild) => Promise<void> | void): void;
}

/** A task run at most once at a time: asked again while it runs, it runs once more after. */
export function coalescing(task: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  let again = false;
  const run = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await task();
      } while (again);
    })().finally(() => { running = undefined; });
    return running;
  };
  return run;
}

export function searchPlugin(context: BuildContext) {
  return (eleventyConfig: EleventyEvents): void => {
    let output = '';
    const refresh = coalescing(async () => {
      const started = performance.now();
      try {
        // The dev server serves /assets/ from the source folder; its built scripts
        // (search.js) are in the output, where the server looks next.
        await buildSearch(output, context.site, 'assets');
        console.log(`[search] index updated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      } catch (error) {
        console.error(`[search] the search index was not updated: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
    eleventyConfig.on('eleventy.after', ({ directories, runMode }) => {
      if (runMode !== 'serve' && runMode !== 'watch') return;
      output = directories.output;
      void refresh();
    });
  };
}
