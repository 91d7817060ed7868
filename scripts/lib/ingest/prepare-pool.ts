// Runs the prepare step of ingest on worker threads, so that a large batch uses every core.
// The workers run a bundle of prepare-worker.ts made with esbuild when the pool starts
// (a tenth of a second), rather than loading TypeScript through tsx in each worker.

import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PreparedRawFile, RawFileTask } from './prepare-raw-file.ts';
import type { PrepareRequest, PrepareResponse, PrepareWorkerData } from './prepare-worker.ts';

/** Raw files sent to a worker in one message. */
const TASKS_PER_MESSAGE = 8;

interface Pending {
  resolve: (result: PreparedRawFile) => void;
  reject: (error: unknown) => void;
}

interface PoolWorker {
  worker: Worker;
  /** Tasks sent and not yet answered. */
  outstanding: number;
}

async function bundleWorker(): Promise<string> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [fileURLToPath(new URL('./prepare-worker.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: `node${process.versions.node}`,
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.text;
  if (code === undefined) throw new Error('esbuild made no bundle of the prepare worker');
  return code;
}

export class PreparePool {
  private readonly batches = new Map<number, { worker: PoolWorker; pending: Pending[] }>();
  private queued: { task: RawFileTask; pending: Pending }[] = [];
  private flushScheduled = false;
  private sequence = 0;
  private failure: unknown;

  private constructor(private readonly workers: PoolWorker[]) {
    for (const entry of workers) {
      entry.worker.on('message', (response: PrepareResponse) => this.answer(entry, response));
      entry.worker.on('error', (error) => this.fail(error));
      entry.worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`an ingest worker stopped with code ${code}`));
      });
    }
  }

  static async start(size: number, data: PrepareWorkerData): Promise<PreparePool> {
    const code = await bundleWorker();
    // execArgv: [] so that a worker does not load tsx again: the bundle is plain JavaScript.
    const start = (): PoolWorker => ({ worker: new Worker(code, { eval: true, workerData: data, execArgv: [] }), outstanding: 0 });
    return new PreparePool(Array.from({ length: size }, start));
  }

  prepare(task: RawFileTask): Promise<PreparedRawFile> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queued.push({ task, pending: { resolve, reject } });
      if (this.queued.length >= TASKS_PER_MESSAGE) this.flush();
      else if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }

  private flush(): void {
    this.flushScheduled = false;
    while (this.queued.length > 0) {
      const batch = this.queued.splice(0, TASKS_PER_MESSAGE);
      const target = this.workers.reduce((least, entry) => (entry.outstanding < least.outstanding ? entry : least));
      const sequence = this.sequence++;
      this.batches.set(sequence, { worker: target, pending: batch.map((entry) => entry.pending) });
      target.outstanding += batch.length;
      const request: PrepareRequest = { sequence, tasks: batch.map((entry) => entry.task) };
      target.worker.postMessage(request);
    }
  }

  private answer(entry: PoolWorker, response: PrepareResponse): void {
    const batch = this.batches.get(response.sequence);
    if (!batch) return;
    this.batches.delete(response.sequence);
    entry.outstanding -= batch.pending.length;
    batch.pending.forEach((pending, index) => {
      const result = response.results[index];
      if (result) pending.resolve(result);
      else pending.reject(new Error('an ingest worker answered without a result'));
    });
  }

  private fail(error: unknown): void {
    this.failure ??= error;
    for (const batch of this.batches.values()) for (const pending of batch.pending) pending.reject(error);
    this.batches.clear();
    for (const { pending } of this.queued.splice(0)) pending.reject(error);
  }
}
