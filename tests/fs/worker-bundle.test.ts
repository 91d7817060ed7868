// A worker bundle (worker-bundle.ts) holds the module and what it imports as plain
// JavaScript, runs in a worker without tsx, and is named by its sources: a changed source of
// any module it holds is a bundle not yet made, never the old one.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledWorker, existingWorkerBundle, plainModuleFile, workerBundleFile } from '../../scripts/lib/fs/worker-bundle.ts';
import { PROJECT_DIR } from '../support/fixture-site.ts';

let dir: string;
/** The bundles the tests made: of modules that exist only while they run, so removed after them. */
const made: string[] = [];
const bundleOf = async (entry: string, packages?: 'bundled' | 'imported'): Promise<string> => {
  const file = await workerBundleFile(entry, packages);
  made.push(file);
  return file;
};

beforeAll(async () => {
  // Inside the project: a bundle is made of the project's own modules.
  await mkdir(join(PROJECT_DIR, 'tmp-test-sites'), { recursive: true });
  dir = await mkdtemp(join(PROJECT_DIR, 'tmp-test-sites', 'worker-bundle-'));
});
afterAll(() => Promise.all([dir, ...made].map((path) => rm(path, { recursive: true, force: true }))));

/** A module of the project, written from its lines. */
const writeModule = (file: string, lines: string[]): Promise<void> => writeFile(file, [...lines, ''].join('\n'));

/** A worker module of the project that imports `file` with Node's own import() and posts what its exports do. */
async function writeImporter(file: string): Promise<string> {
  const entry = join(dir, `importer-${made.length}.ts`);
  await writeModule(entry, [
    "import { parentPort } from 'node:worker_threads';",
    `const module = await import(${JSON.stringify(pathToFileURL(file).href)});`,
    'const probe = { calls: [] as string[] };',
    'module.default(probe);',
    'parentPort?.postMessage({ calls: probe.calls, config: module.config });',
  ]);
  return entry;
}

/** What the worker posts first; then it is ended. */
function firstMessageOf(worker: Worker): Promise<unknown> {
  return new Promise((resolve, reject) => {
    worker.once('message', (message) => { void worker.terminate(); resolve(message); });
    worker.once('error', reject);
  });
}

/** What a worker started from the file posts first. */
const firstMessage = (file: string, workerData: unknown): Promise<unknown> => firstMessageOf(new Worker(file, { workerData, execArgv: [] }));

describe('a worker bundle', () => {
  it('runs the module and what it imports in a worker without tsx, and is named by the sources of both', async () => {
    const entry = join(dir, 'entry.ts');
    await writeFile(join(dir, 'words.ts'), "export const greeting = (name: string): string => `مرحبا ${name}`;\n");
    await writeModule(entry, [
      "import { parentPort, workerData } from 'node:worker_threads';",
      "import { greeting } from './words.ts';",
      'parentPort?.postMessage(greeting(workerData as string));',
    ]);
    expect(existingWorkerBundle(entry)).toBeUndefined();
    const file = await bundleOf(entry);
    expect(existingWorkerBundle(entry)).toBe(file);
    expect(await firstMessage(file, 'دمشق')).toBe('مرحبا دمشق');

    // An imported module changed: the bundle of the code as it is now is not made yet.
    await writeFile(join(dir, 'words.ts'), "export const greeting = (name: string): string => `أهلا ${name}`;\n");
    expect(existingWorkerBundle(entry)).toBeUndefined();
    const remade = await bundleOf(entry);
    expect(remade).not.toBe(file);
    expect(await firstMessage(remade, 'حلب')).toBe('أهلا حلب');
  });

  it('leaves packages imports when asked, so that one that finds its own files beside it works', async () => {
    // esbuild, as pagefind, runs a binary it finds beside its own module.
    const entry = join(dir, 'uses-esbuild.ts');
    await writeModule(entry, [
      "import { parentPort } from 'node:worker_threads';",
      "import { transformSync } from 'esbuild';",
      "parentPort?.postMessage(transformSync('const year: number = 2026;', { loader: 'ts' }).code);",
    ]);
    const file = await bundleOf(entry, 'imported');
    expect(file.startsWith(join(PROJECT_DIR, 'node_modules', '.cache'))).toBe(true);
    expect(await readFile(file, 'utf8')).toMatch(/from "esbuild"/);
    expect(existingWorkerBundle(entry, 'imported')).toBe(file);
    // Bundled and imported are two bundles of one module.
    expect(existingWorkerBundle(entry)).toBeUndefined();
    expect(await firstMessage(file, undefined)).toBe('const year = 2026;\n');
  });

  it('started with its packages imported, tells each module its own place, not the bundle\'s', async () => {
    // As ingest finds its prepare worker and hashes its own code beside itself, on npm run publish's ingest thread.
    await writeFile(join(dir, 'place.ts'), 'export const place = { url: import.meta.url, dirname: import.meta.dirname, filename: import.meta.filename };\n');
    const entry = join(dir, 'tells-place.ts');
    await writeModule(entry, [
      "import { parentPort } from 'node:worker_threads';",
      "import { place } from './place.ts';",
      'parentPort?.postMessage({ own: import.meta.url, imported: place });',
    ]);
    const expected = { own: pathToFileURL(entry).href, imported: { url: pathToFileURL(join(dir, 'place.ts')).href, dirname: dir, filename: join(dir, 'place.ts') } };
    // The first start goes through tsx while the bundle is made; the next starts from it.
    const first = bundledWorker(pathToFileURL(entry), {}, 'imported');
    expect(first.bundled).toBe(false);
    expect(await firstMessageOf(first.worker)).toEqual(expected);
    made.push(await workerBundleFile(entry, 'imported', PROJECT_DIR, true));
    const second = bundledWorker(pathToFileURL(entry), {}, 'imported');
    expect(second.bundled).toBe(true);
    expect(await firstMessageOf(second.worker)).toEqual(expected);
  });

  it('makes a module of another project folder one that Node imports without tsx, exports and all', async () => {
    // As render-pages.ts makes a build's .eleventy.ts, which Eleventy imports in a lane without tsx.
    const project = await mkdtemp(join(tmpdir(), 'worker-bundle-project-'));
    try {
      await writeFile(join(project, 'labels.ts'), "export const includes: string = '../layouts';\n");
      await writeModule(join(project, '.eleventy.ts'), [
        "import { includes } from './labels.ts';",
        'export default function (config: { calls: string[] }): void { config.calls.push(includes); }',
        "export const config = { dir: { includes }, templateFormats: ['njk'] };",
      ]);
      const file = await workerBundleFile(join(project, '.eleventy.ts'), 'imported', project);
      made.push(file);
      expect(await plainModuleFile(join(project, '.eleventy.ts'), project)).toBe(file);
      const module = await firstMessage(await bundleOf(await writeImporter(file), 'imported'), undefined);
      expect(module).toEqual({ calls: ['../layouts'], config: { dir: { includes: '../layouts' }, templateFormats: ['njk'] } });
      // Its own module changed: another file, made again.
      await writeFile(join(project, 'labels.ts'), "export const includes: string = '../partials';\n");
      const remade = await plainModuleFile(join(project, '.eleventy.ts'), project);
      made.push(remade);
      expect(remade).not.toBe(file);
    } finally {
      await rm(project, { recursive: true, force: true });
    }
  });

  it('is made of the project\'s modules only', async () => {
    const outside = await mkdtemp(join(tmpdir(), 'worker-bundle-outside-'));
    try {
      await writeFile(join(outside, 'entry.ts'), 'export {};\n');
      expect(() => existingWorkerBundle(join(outside, 'entry.ts'))).toThrow(/this project's modules/);
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });
});
