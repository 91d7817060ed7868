// Workers that run plain JavaScript. A worker could register tsx and load each module through
// its loader (typescript-worker.ts, for work that needs Eleventy, which imports .eleventy.ts
// itself), but that takes a quarter to half a second of a core before its first task: at
// 100,000 articles, the worker that stamps the site while a build checks it lost that much
// of the check. A bundle made with esbuild starts at once, and piscina (ingest's prepare
// pool) needs a worker file, not code.
//
// A bundle is named by what it is made of: the source of every project module its entry
// reaches (module-imports.ts, as the build fingerprint follows them), the lock file (the
// packages bundled in), and the Node release it targets. Finding the one of the code as it is
// takes a few small reads (existingWorkerBundle, for a worker started where no await fits);
// making it takes esbuild a tenth of a second, once per change of that code.

import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from './atomic-write.ts';
import { modulesLoadedBy } from './module-imports.ts';

/** Where bundles are kept: a bundle is named by its sources, so any number of runs and projects can share it. */
const BUNDLE_FOLDER = join(tmpdir(), 'arabic-newsroom-worker-bundles');
/** The project this code is part of (scripts/lib/fs is three folders down), whose modules a bundle holds. */
const PROJECT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The file a bundle of the module at entryPath, as its sources are now, is written to. */
function bundlePath(entryPath: string): string {
  const entry = relative(PROJECT_DIR, entryPath).split(sep).join('/');
  if (entry.startsWith('../')) throw new Error(`a worker bundle is made of this project's modules, not of ${entryPath}`);
  const hash = createHash('sha256').update(`node ${process.versions.node}\0`);
  for (const module of modulesLoadedBy(PROJECT_DIR, [entry])) hash.update(`${module}\0`).update(readFileSync(join(PROJECT_DIR, module))).update('\0');
  hash.update(readFileSync(join(PROJECT_DIR, 'package-lock.json')));
  return join(BUNDLE_FOLDER, `worker-${hash.digest('hex').slice(0, 16)}.cjs`);
}

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

/** The bundle of the module at entryPath, when one of its code as it is now has been made; else undefined. */
export function existingWorkerBundle(entryPath: string): string | undefined {
  const path = bundlePath(entryPath);
  return existsSync(path) ? path : undefined;
}

/** Bundles being made by this process, by file: each is made once, however many ask for it meanwhile. */
const making = new Map<string, Promise<string>>();

/** The path of a plain JavaScript file that holds the module at entryPath and all it imports, made if need be. */
export function workerBundleFile(entryPath: string): Promise<string> {
  const path = bundlePath(entryPath);
  if (existsSync(path)) return Promise.resolve(path);
  let made = making.get(path);
  if (!made) {
    // Written atomically: a run that starts meanwhile sees the whole file or none.
    made = bundle(entryPath).then((code) => writeFileAtomic(path, code)).then(() => path);
    making.set(path, made);
    made.finally(() => making.delete(path)).catch(() => undefined);
  }
  return made;
}
