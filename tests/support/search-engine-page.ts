// The search page's engine (assets/js/search-engine.ts), bundled into a built test site as
// the page's script bundles it, and run in Chromium: tests of search ask exactly what the
// search page asks, without going through its form.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import type { SearchOrder } from '../../assets/js/search-engine.ts';
import { PROJECT_DIR } from './fixture-site.ts';

const ENGINE_FILE = 'search-engine-under-test.js';

/** Writes the bundled engine into the built site (served at /search-engine-under-test.js). */
export async function writeEngineInto(outputDir: string): Promise<void> {
  const engine = await build({ entryPoints: [join(PROJECT_DIR, 'assets/js/search-engine.ts')], bundle: true, format: 'esm', write: false, target: 'es2022' });
  await writeFile(join(outputDir, ENGINE_FILE), engine.outputFiles[0]!.contents);
}

/** Every result's URL for each query, in order, once every segment has answered. */
export async function searchUrls(page: Page, queries: readonly string[], order: SearchOrder): Promise<string[][]> {
  // A string, not a function: vitest would rewrite a function's import() for Node.
  return (await page.evaluate(`(async ([queries, order]) => {
    const { ArchiveSearch } = await import('/${ENGINE_FILE}');
    const engine = new ArchiveSearch('/pagefind/', '/');
    const answers = [];
    for (const term of queries) {
      const run = await engine.start({ term, order });
      await run.fill(Number.MAX_SAFE_INTEGER);
      answers.push(await Promise.all(run.results.map(async (result) => (await result.data()).url)));
    }
    return answers;
  })(${JSON.stringify([queries, order])})`)) as string[][];
}
