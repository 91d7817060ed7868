// Workers that run plain JavaScript. A worker could register tsx and load each module through
// its loader (typescript-worker.ts), but that takes a quarter to half a second of a core
// before its first task, and every package it imports then goes through tsx's loader thread
// too (Eleventy: 0.9 s of CPU against 0.45 s imported by Node alone): at 100,000 articles,
// the worker that stamps the site while a build checks it lost that much of the check; a
// publish's render lane, loading Eleventy while ingest works, took that much from ingest's
// core. A bundle made with esbuild starts at once, and piscina (ingest's prepare pool) needs
// a worker file, not code. The same bundling makes the project's .eleventy.ts a module Node
// imports by itself (plainModuleFile), for Eleventy run in such a worker.
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
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { Plugin } from 'esbuild';
import { writeFileAtomic } from './atomic-write.ts';
import { modulePlaceDefinition, placedModule } from './command-bundle.ts';
import { modulesLoadedBy } from './module-imports.ts';
import { typescriptWorker } from './typescript-worker.ts';

/**
 * What a bundle does with the packages its modules import. 'bundled': holds them, and can lie
 * anywhere (ingest's prepare workers). 'imported': leaves them imports, resolved from the
 * project's node_modules, for a package that finds files of its own beside its module
 * (pagefind finds its binary so); such a bundle is kept in node_modules/.cache.
 */
export type BundledPackages = 'bundled' | 'imported';

/** Where bundles that hold their packages are kept: a bundle is named by its sources, so any number of runs and projects can share it. */
const BUNDLE_FOLDER = join(tmpdir(), 'arabic-newsroom-worker-bundles');
/** The project this code is part of (scripts/lib/fs is three folders down), whose modules a bundle holds. */
const PROJECT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/**
 * The file a bundle of the module at entryPath, as its sources are now, is written to: a
 * module of this project, or of the project at rootDir (a build's, for its .eleventy.ts).
 */
function bundlePath(entryPath: string, packages: BundledPackages, rootDir = PROJECT_DIR, placed = false): string {
  const entry = relative(rootDir, entryPath).split(sep).join('/');
  if (entry.startsWith('../')) throw new Error(`a worker bundle is made of this project's modules, not of ${entryPath}`);
  const hash = createHash('sha256').update(`node ${process.versions.node}\0packages ${packages}\0${placed ? 'placed\0' : ''}`);
  for (const module of modulesLoadedBy(rootDir, [entry])) hash.update(`${module}\0`).update(readFileSync(join(rootDir, module))).update('\0');
  hash.update(readFileSync(join(PROJECT_DIR, 'package-lock.json')));
  const name = `worker-${hash.digest('hex').slice(0, 16)}`;
  // CommonJS, with the .cjs ending, where piscina require()s it; an ES module where its packages are imported.
  return packages === 'bundled' ? join(BUNDLE_FOLDER, `${name}.cjs`) : join(PROJECT_DIR, 'node_modules', '.cache', 'arabic-newsroom-workers', `${name}.mjs`);
}

/**
 * Gives each project module of a bundle its own place (command-bundle.ts withModulePlace),
 * asked of the thread's global that bundledWorker's start defines: ingest finds its prepare
 * worker and hashes its own code by import.meta.url, which in a bundle would be the bundle's.
 */
const projectModulesPlaced = (rootDir: string): Plugin => ({
  name: 'project-modules-placed',
  setup(build) {
    build.onLoad({ filter: /.*/ }, (args) => {
      const path = relative(rootDir, args.path).split(sep).join('/');
      if (path.startsWith('../') || path.startsWith('node_modules/')) return undefined;
      return placedModule(path, readFileSync(args.path, 'utf8'));
    });
  },
});

async function bundle(entryPath: string, packages: BundledPackages, placed: boolean): Promise<string> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    plugins: placed ? [projectModulesPlaced(PROJECT_DIR)] : [],
    entryPoints: [entryPath],
    bundle: true,
    platform: 'node',
    format: packages === 'bundled' ? 'cjs' : 'esm',
    packages: packages === 'bundled' ? 'bundle' : 'external',
    target: `node${process.versions.node}`,
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.text;
  if (code === undefined) throw new Error(`esbuild made no bundle of ${entryPath}`);
  return code;
}

/** The bundle of the module at entryPath, when one of its code as it is now has been made; else undefined. */
export function existingWorkerBundle(entryPath: string, packages: BundledPackages = 'bundled', placed = false): string | undefined {
  const path = bundlePath(entryPath, packages, PROJECT_DIR, placed);
  return existsSync(path) ? path : undefined;
}

/** Bundles being made by this process, by file: each is made once, however many ask for it meanwhile. */
const making = new Map<string, Promise<string>>();

/**
 * The path of a plain JavaScript file that holds the module at entryPath and the project
 * modules it imports (and the packages, when they are 'bundled'), made if need be.
 */
export function workerBundleFile(entryPath: string, packages: BundledPackages = 'bundled', rootDir = PROJECT_DIR, placed = false): Promise<string> {
  const path = bundlePath(entryPath, packages, rootDir, placed);
  if (existsSync(path)) return Promise.resolve(path);
  let made = making.get(path);
  if (!made) {
    // Written atomically: a run that starts meanwhile sees the whole file or none.
    made = bundle(entryPath, packages, placed).then((code) => writeFileAtomic(path, code)).then(() => path);
    making.set(path, made);
    made.finally(() => making.delete(path)).catch(() => undefined);
  }
  return made;
}

/**
 * A module of the project at rootDir (its folder or one inside it) as plain JavaScript that
 * Node imports without tsx, its packages left imports: the project's .eleventy.ts, which
 * Eleventy imports itself (render-pages.ts), also in a render lane started from a bundle.
 */
export function plainModuleFile(entryPath: string, rootDir: string): Promise<string> {
  return workerBundleFile(entryPath, 'imported', rootDir);
}

/**
 * A worker thread running a project module: from its bundle when one of this code has been
 * made, which starts at once; else through tsx (typescript-worker.ts), while the bundle is
 * made for the next run. `bundled` says which. A bundle that imports its packages is started
 * by a line that first tells its modules their places in this project (projectModulesPlaced).
 */
export function bundledWorker(module: URL, options: Omit<WorkerOptions, 'eval' | 'execArgv'> = {}, packages: BundledPackages = 'bundled'): { worker: Worker; bundled: boolean } {
  const entry = fileURLToPath(module);
  const placed = packages === 'imported';
  const file = existingWorkerBundle(entry, packages, placed);
  // Plain JavaScript: the worker must not inherit this thread's `--import tsx`.
  if (file && placed) {
    const start = `${modulePlaceDefinition(PROJECT_DIR)}\nimport(${JSON.stringify(pathToFileURL(file).href)});`;
    return { worker: new Worker(start, { ...options, eval: true, execArgv: [] }), bundled: true };
  }
  if (file) return { worker: new Worker(file, { ...options, execArgv: [] }), bundled: true };
  workerBundleFile(entry, packages, PROJECT_DIR, placed).catch(() => undefined);
  return { worker: typescriptWorker(module, options), bundled: false };
}
