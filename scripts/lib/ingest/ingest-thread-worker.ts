// The worker of ingest-thread.ts: runs the ingest command with the command line it was
// given, posting what it writes, then its exit code (or the error that ended it).

import { parentPort, workerData } from 'node:worker_threads';
import { runIngestCommand } from './ingest-command.ts';
import type { IngestThreadData, IngestThreadMessage } from './ingest-thread.ts';

const port = parentPort;
if (!port) throw new Error('ingest-thread-worker.ts runs as a worker thread of ingest-thread.ts');
const data = workerData as IngestThreadData;
const post = (message: IngestThreadMessage): void => port.postMessage(message);
try {
  const exitCode = await runIngestCommand(data.argv, {
    stdout: (text) => post({ stream: 'stdout', text }),
    stderr: (text) => post({ stream: 'stderr', text }),
    isTerminal: data.isTerminal,
    cwd: data.cwd,
  });
  post({ exitCode });
} catch (error) {
  post({ failed: error instanceof Error ? error.message : String(error), ...(error instanceof Error && error.stack ? { stack: error.stack } : {}) });
}
