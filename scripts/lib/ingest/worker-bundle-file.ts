// The prepare workers run plain JavaScript: a worker could register tsx and load each module
// through its loader (fs/typescript-worker.ts, for work that needs Eleventy), but a bundle
// starts at once, and piscina needs a worker file, not code. So the worker's module is
// bundled with esbuild (a tenth of a second) and written to a file named by the hash of the
// bundle, which every later run with the same code reuses.

import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write.ts';

/** Where bundles are kept: a bundle is named by its content, so any number of runs can share it. */
const BUNDLE_FOLDER = join(tmpdir(), 'arabic-newsroom-worker-bundles');

async function bundle(entryPath: string): Promise<string> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [entryPath],
    bundle: true,
    platform: 'node',
    // CommonJS, with the .cjs ending: piscina require()s the file, wherever it lies.
    format: 'cjs',
    target: `node${process.versions.node}`,
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.text;
  if (code === undefined) throw new Error(`esbuild made no bundle of ${entryPath}`);
  return code;
}

/** The path of a plain JavaScript file that holds the module at entryPath and all it imports. */
export async function workerBundleFile(entryPath: string): Promise<string> {
  const code = await bundle(entryPath);
  const path = join(BUNDLE_FOLDER, `worker-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.cjs`);
  // Written atomically: a run that starts meanwhile sees the whole file or none.
  if (!existsSync(path)) await writeFileAtomic(path, code);
  return path;
}
