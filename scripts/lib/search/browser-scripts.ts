// Builds the site's TypeScript for the browser (assets/js/*.ts) into plain scripts with
// esbuild: the search page and the service worker's registration under assets/js/, the
// service worker itself at the site root (its scope is the whole site), with the build's
// version and shell written in.

import { join } from 'node:path';
import { build } from 'esbuild';

const SOURCE_DIR = join(import.meta.dirname, '../../../assets/js');

// Deterministic output (the same sources give the same bytes); no source maps in the site.
const COMMON = { bundle: true, minify: true, target: 'es2022', charset: 'utf8', legalComments: 'none', logLevel: 'silent' } as const;

/** assets/js/search.js (an ES module) and assets/js/offline.js (a classic script). */
export async function writePageScripts(siteDir: string): Promise<void> {
  const outdir = join(siteDir, 'assets/js');
  await build({ ...COMMON, entryPoints: [join(SOURCE_DIR, 'search.ts')], outdir, format: 'esm' });
  await build({ ...COMMON, entryPoints: [join(SOURCE_DIR, 'offline.ts')], outdir, format: 'iife' });
}

/** sw.js at the site root, for this build's version and shell. */
export async function writeServiceWorker(siteDir: string, version: string, shell: readonly string[]): Promise<void> {
  await build({
    ...COMMON,
    entryPoints: [join(SOURCE_DIR, 'service-worker.ts')],
    outfile: join(siteDir, 'sw.js'),
    format: 'iife',
    define: { SW_VERSION: JSON.stringify(version), SW_SHELL: JSON.stringify(shell) },
  });
}
