// A worker thread running one of the project's TypeScript modules. A worker does not inherit
// the main thread's TypeScript loader (tsx's, registered by `node --import tsx` or a test's
// setup), so it registers tsx itself before importing the module: npm start's build worker,
// which loads the code anew after a change of it, and any worker whose bundle is not made
// yet. The others start faster from a bundle (worker-bundle.ts), which falls back to this.

import { Worker, type WorkerOptions } from 'node:worker_threads';

const TSX_API = import.meta.resolve('tsx/esm/api');

export function typescriptWorker(module: URL, options: Omit<WorkerOptions, 'eval'> = {}): Worker {
  const bootstrap = `import(${JSON.stringify(TSX_API)})`
    + `.then(({ register }) => { register(); return import(${JSON.stringify(module.href)}); })`;
  return new Worker(bootstrap, { ...options, eval: true });
}
