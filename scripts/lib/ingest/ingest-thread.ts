// npm run ingest's command on a worker thread of its own (ingest-thread-worker.ts), for
// npm run publish: the build takes its lock and reads its cache on this thread meanwhile
// (at 100,000 articles, 2 s of reading that no article changes), then waits for the articles.
// What the command writes comes back as it writes it; the exit code is the command's.

import type { CommandIo } from './ingest-command.ts';
import { bundledWorker } from '../fs/worker-bundle.ts';

/** What the worker is given: the command line and the io it cannot be handed as functions. */
export interface IngestThreadData {
  argv: string[];
  isTerminal: boolean;
  cwd: string;
}

/** What the worker posts: a piece of output, then the exit code, or the error that ended it. */
export type IngestThreadMessage =
  | { stream: 'stdout' | 'stderr'; text: string }
  | { exitCode: number }
  | { failed: string; stack?: string };

const THREAD_WORKER = new URL('./ingest-thread-worker.ts', import.meta.url);

/** Runs runIngestCommand(argv, io) on a thread of its own; settles with its exit code, or rejects with what ended it. */
export function ingestOnItsOwnThread(argv: readonly string[], io: CommandIo): Promise<number> {
  const data: IngestThreadData = { argv: [...argv], isTerminal: io.isTerminal, cwd: io.cwd };
  // The packages imported, not bundled: piscina (the prepare pool) finds its own worker file beside its module.
  const { worker } = bundledWorker(THREAD_WORKER, { workerData: data }, 'imported');
  // The first of these settles the promise; the thread's exit after its answer changes nothing.
  return new Promise<number>((resolve, reject) => {
    worker.on('message', (message: IngestThreadMessage) => {
      if ('stream' in message) (message.stream === 'stdout' ? io.stdout : io.stderr)(message.text);
      else if ('exitCode' in message) resolve(message.exitCode);
      else reject(Object.assign(new Error(message.failed), message.stack ? { stack: message.stack } : {}));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`ingest: its thread stopped (exit code ${code}) before it was done`)));
  });
}
