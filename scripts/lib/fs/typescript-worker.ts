// A worker thread running one of the project's TypeScript modules. A worker does not inherit
// the main thread's TypeScript loader (tsx's, registered by `node --import tsx` or a test's
// setup), so it registers tsx itself before importing the module. Eleventy, run in a worker,
// needs it too: it imports .eleventy.ts with Node's own import().

import { Worker, type WorkerOptions } from 'node:worker_threads';

const TSX_API = import.meta.resolve('tsx/esm/api');

/**
 * A background worker takes only the time the process's other threads leave: its thread's
 * priority is lowered before it loads anything (Linux gives each thread its own, and names
 * it by the id /proc/thread-self links to; elsewhere the worker runs as it is).
 */
const LOWER_THIS_THREAD = 'try { require("node:os").setPriority(Number(require("node:fs").readlinkSync("/proc/thread-self").split("/").pop()), 19); } catch {}\n';

export function typescriptWorker(module: URL, options: Omit<WorkerOptions, 'eval'> = {}, { background = false } = {}): Worker {
  const bootstrap = (background ? LOWER_THIS_THREAD : '') + `import(${JSON.stringify(TSX_API)})`
    + `.then(({ register }) => { register(); return import(${JSON.stringify(module.href)}); })`;
  return new Worker(bootstrap, { ...options, eval: true });
}
