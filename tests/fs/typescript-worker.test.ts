import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { typescriptWorker } from '../../scripts/lib/fs/typescript-worker.ts';
import { useTempDirs, writeTree } from '../support/temp-dir.ts';

const tempDir = useTempDirs('typescript-worker-');

/** What the probe module reports of the package it imports: how often it was evaluated, and whether before the probe ran. */
interface ProbeAnswer {
  loads: number;
  loadedBeforeProbe: boolean;
  typescriptRan: boolean;
}

/**
 * A TypeScript probe (it needs tsx) that imports a plain package by URL, as the render code
 * imports Eleventy, and a package that counts its evaluations in the worker's global scope.
 */
async function probeProject(): Promise<{ probe: URL; packageUrl: string }> {
  const root = await tempDir();
  await writeTree(root, {
    // ES modules, as the project's are.
    'package.json': '{ "type": "module" }',
    'counted-package.mjs': [
      'globalThis.loads = (globalThis.loads ?? 0) + 1;',
      'export const loadedWhileProbeRan = globalThis.probeRunning === true;',
    ].join('\n'),
    'probe.ts': [
      "import { parentPort, workerData } from 'node:worker_threads';",
      'const scope = globalThis as { probeRunning?: boolean; loads?: number };',
      'scope.probeRunning = true;',
      'const typed: number = 1;',
      'const counted = (await import(workerData.packageUrl as string)) as { loadedWhileProbeRan: boolean };',
      'parentPort?.postMessage({ loads: scope.loads, loadedBeforeProbe: !counted.loadedWhileProbeRan, typescriptRan: typed === 1 });',
    ].join('\n'),
  });
  return { probe: pathToFileURL(join(root, 'probe.ts')), packageUrl: pathToFileURL(join(root, 'counted-package.mjs')).href };
}

function answerOf(preload: readonly string[], probe: URL, packageUrl: string): Promise<ProbeAnswer> {
  const worker = typescriptWorker(probe, { workerData: { packageUrl } }, { preload });
  return new Promise<ProbeAnswer>((resolve, reject) => {
    worker.once('message', (answer: ProbeAnswer) => { void worker.terminate(); resolve(answer); });
    worker.once('error', reject);
  });
}

describe('typescriptWorker', () => {
  it('runs a TypeScript module, which loads a package when it imports it', async () => {
    const { probe, packageUrl } = await probeProject();
    expect(await answerOf([], probe, packageUrl)).toEqual({ loads: 1, loadedBeforeProbe: false, typescriptRan: true });
  });

  it('loads the packages to preload before the module, and the module gets those very instances', async () => {
    const { probe, packageUrl } = await probeProject();
    // Evaluated once: the module's import of it is the instance loaded before tsx was registered, not a second one.
    expect(await answerOf([packageUrl], probe, packageUrl)).toEqual({ loads: 1, loadedBeforeProbe: true, typescriptRan: true });
  });
});
