// Runs the prepare step of ingest on worker threads, so that a large batch uses every core.
// piscina keeps the threads: it starts them, hands each task to a free one, rejects the
// tasks a worker held when it throws or dies, and ends the threads on close. This module
// adds what ingest needs on top: the worker as a bundled file (see fs/worker-bundle.ts),
// a few raw files to a task, and one failure failing every task after it, as a run cannot
// go on with a hole in its batch.

import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { describeError } from '../fs/describe-error.ts';
import type { PreparedRawFile, RawFileTask } from './prepare-raw-file.ts';
import type { PrepareWorkerData } from './prepare-worker.ts';
import { workerBundleFile } from '../fs/worker-bundle.ts';

/**
 * Raw files sent to a worker in one task: a message each way per file cost about a tenth
 * more CPU time than one per eight files (ingest of 3,000 generated articles).
 */
const FILES_PER_TASK = 8;

interface Queued {
  task: RawFileTask;
  resolve: (result: PreparedRawFile) => void;
  reject: (error: unknown) => void;
}

export class PreparePool {
  private failure: Error | undefined;
  private stopped: Promise<void> | undefined;
  private queued: Queued[] = [];

  private constructor(private readonly threads: Piscina<RawFileTask[], PreparedRawFile[]>) {
    // A worker that fails with no task on it is reported here (and would throw, unheard).
    threads.on('error', (error: unknown) => this.fail(error));
  }

  static async start(size: number, data: PrepareWorkerData): Promise<PreparePool> {
    const filename = await workerBundleFile(fileURLToPath(new URL('./prepare-worker.ts', import.meta.url)));
    return new PreparePool(new Piscina({
      filename,
      workerData: data,
      minThreads: size,
      maxThreads: size,
      // The bundle is plain JavaScript: a worker need not load tsx.
      execArgv: [],
    }));
  }

  prepare(task: RawFileTask): Promise<PreparedRawFile> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      // The files asked for in one turn of the event loop go together, a few to a task.
      if (this.queued.push({ task, resolve, reject }) === 1) setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    const queued = this.queued.splice(0);
    // Once the threads are ended, piscina would start new ones for a task sent to it.
    if (this.stopped) {
      for (const entry of queued) entry.reject(this.failure ?? new Error('the ingest workers were closed'));
      return;
    }
    for (let start = 0; start < queued.length; start += FILES_PER_TASK) {
      const batch = queued.slice(start, start + FILES_PER_TASK);
      this.threads.run(batch.map((entry) => entry.task)).then(
        (results) => batch.forEach((entry, index) => {
          const result = results[index];
          if (result) entry.resolve(result);
          else entry.reject(this.fail(new Error('an ingest worker answered without a result')));
        }),
        (error: unknown) => batch.forEach((entry) => entry.reject(this.fail(error))),
      );
    }
  }

  /** Ends the threads; a task still waiting is rejected. */
  close(): Promise<void> {
    this.stopped ??= this.threads.destroy();
    return this.stopped;
  }

  private fail(error: unknown): Error {
    this.failure ??= new Error(`an ingest worker failed: ${describeError(error)}`, { cause: error });
    // Ending the threads rejects every task queued or running (each then rejects with this failure).
    void this.close();
    return this.failure;
  }
}
