// A worker bundle (worker-bundle.ts) holds the module and what it imports as plain
// JavaScript, runs in a worker without tsx, and is named by its sources: a changed source of
// any module it holds is a bundle not yet made, never the old one.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existingWorkerBundle, workerBundleFile } from '../../scripts/lib/fs/worker-bundle.ts';
import { PROJECT_DIR } from '../support/fixture-site.ts';

let dir: string;

beforeAll(async () => {
  // Inside the project: a bundle is made of the project's own modules.
  await mkdir(join(PROJECT_DIR, 'tmp-test-sites'), { recursive: true });
  dir = await mkdtemp(join(PROJECT_DIR, 'tmp-test-sites', 'worker-bundle-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** What a worker started from the file posts first. */
function firstMessage(file: string, workerData: unknown): Promise<unknown> {
  const worker = new Worker(file, { workerData, execArgv: [] });
  return new Promise((resolve, reject) => {
    worker.once('message', (message) => { void worker.terminate(); resolve(message); });
    worker.once('error', reject);
  });
}

describe('a worker bundle', () => {
  it('runs the module and what it imports in a worker without tsx, and is named by the sources of both', async () => {
    const entry = join(dir, 'entry.ts');
    await writeFile(join(dir, 'words.ts'), "export const greeting = (name: string): string => `مرحبا ${name}`;\n");
    await writeFile(entry, [
      "import { parentPort, workerData } from 'node:worker_threads';",
      "import { greeting } from './words.ts';",
      'parentPort?.postMessage(greeting(workerData as string));',
      '',
    ].join('\n'));
    expect(existingWorkerBundle(entry)).toBeUndefined();
    const file = await workerBundleFile(entry);
    expect(existingWorkerBundle(entry)).toBe(file);
    expect(await firstMessage(file, 'دمشق')).toBe('مرحبا دمشق');

    // An imported module changed: the bundle of the code as it is now is not made yet.
    await writeFile(join(dir, 'words.ts'), "export const greeting = (name: string): string => `أهلا ${name}`;\n");
    expect(existingWorkerBundle(entry)).toBeUndefined();
    const remade = await workerBundleFile(entry);
    expect(remade).not.toBe(file);
    expect(await firstMessage(remade, 'حلب')).toBe('أهلا حلب');
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
