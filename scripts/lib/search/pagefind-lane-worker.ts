// The worker thread of a Pagefind lane (pagefind-lane.ts): indexes the segments it is sent,
// one at a time, with the Pagefind process of its own instance of the pagefind module, and
// answers each; on 'close' it ends that process, and so the thread.

import { parentPort } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import type { LaneAnswer, LaneTask } from './pagefind-lane.ts';
import { indexSegment } from './pagefind-segment.ts';

/** How long the thread stays once Pagefind's process is told to end: it ends within milliseconds. */
const REAP_MS = 250;

const port = parentPort;
if (!port) throw new Error('pagefind-lane-worker.ts runs as a worker thread of the search step');
const answer = (message: LaneAnswer): void => port.postMessage(message);
let work = Promise.resolve();
port.on('message', (message: LaneTask | 'close') => {
  work = work.then(async () => {
    if (message === 'close') {
      // Pagefind's process is told to end (SIGTERM). Its handle is this thread's, and the
      // pagefind module unrefs it, so the thread would end at once, before the process has
      // exited and been waited for: it would stay a zombie, its CPU time counted nowhere.
      // The thread stays a moment, which its loop spends reaping the process.
      await pagefind.close();
      setTimeout(() => port.close(), REAP_MS);
      return;
    }
    try {
      await indexSegment(pagefind, message.pages, message.outputDir, message.settings);
      answer({ id: message.id });
    } catch (error) {
      answer({ id: message.id, message: error instanceof Error ? error.message : String(error), ...(error instanceof Error && error.stack ? { stack: error.stack } : {}) });
    }
  });
});
