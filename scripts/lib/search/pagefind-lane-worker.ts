// The worker thread of a Pagefind lane (pagefind-lane.ts): indexes the segments it is sent,
// one at a time, with the Pagefind process of its own instance of the pagefind module, and
// answers each; on 'close' it ends that process, then the thread.

import { parentPort } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import type { LaneAnswer, LaneTask } from './pagefind-lane.ts';
import { indexSegment } from './pagefind-segment.ts';

const port = parentPort;
if (!port) throw new Error('pagefind-lane-worker.ts runs as a worker thread of the search step');
const answer = (message: LaneAnswer): void => port.postMessage(message);
let work = Promise.resolve();
port.on('message', (message: LaneTask | 'close') => {
  work = work.then(async () => {
    if (message === 'close') {
      await pagefind.close();
      // In a worker, exit ends the thread, not the process.
      process.exit(0);
    }
    try {
      await indexSegment(pagefind, message.pages, message.outputDir, message.settings);
      answer({ id: message.id });
    } catch (error) {
      answer({ id: message.id, message: error instanceof Error ? error.message : String(error), ...(error instanceof Error && error.stack ? { stack: error.stack } : {}) });
    }
  });
});
