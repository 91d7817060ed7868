// A lane of the search step: one Pagefind process, fed by a worker thread of its own
// (pagefind-lane-worker.ts), which reads a segment's pages, makes their variant tokens, hands
// them to Pagefind and prunes the bundle (pagefind-segment.ts). Pagefind is fed as fast as it
// takes pages only while the thread feeding it is free, and the build's own thread has work
// of its own while a segment is indexed (the cached segments to take and place, the pages to
// compress): in one thread, that work starved Pagefind, or Pagefind's time was spent waiting.
// Each worker imports its own instance of the pagefind module, so each lane has its own process.

import { bundledWorker } from '../fs/worker-bundle.ts';
import type { PageToIndex, SegmentIndexSettings } from './pagefind-segment.ts';

/** A segment to index, as the worker gets it. */
export interface LaneTask {
  id: number;
  pages: PageToIndex[];
  outputDir: string;
  settings: SegmentIndexSettings;
}

/** The worker's answer to a task: done, or why not (its message and stack). */
export type LaneAnswer = { id: number } | { id: number; message: string; stack?: string };

export interface PagefindLane {
  /** Writes the bundle of the pages, in the order given, into outputDir (which must not exist yet). */
  index(pages: PageToIndex[], outputDir: string, settings: SegmentIndexSettings): Promise<void>;
  /** Ends the lane's Pagefind process and its worker: settles once the worker has ended. */
  close(): Promise<void>;
}

const LANE_WORKER = new URL('./pagefind-lane-worker.ts', import.meta.url);
/** How long a closed lane's thread may take to end on its own. */
const CLOSE_GRACE_MS = 5_000;

/**
 * Starts a lane: its worker loads while this thread goes on, and takes its first task once
 * loaded. From its bundle when there is one of this code (worker-bundle.ts), with the
 * packages imported: pagefind finds its binary beside its own module.
 */
export function openPagefindLane(): PagefindLane {
  const { worker } = bundledWorker(LANE_WORKER, {}, 'imported');
  const waiting = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let ended: Error | undefined;
  const fail = (error: Error): void => {
    ended ??= error;
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };
  worker.on('message', (answer: LaneAnswer) => {
    const task = waiting.get(answer.id);
    if (!task) return;
    waiting.delete(answer.id);
    if (!('message' in answer)) task.resolve();
    else {
      const error = new Error(answer.message);
      if (answer.stack) error.stack = answer.stack;
      task.reject(error);
    }
  });
  worker.once('error', (error) => fail(new Error(`search index: a Pagefind lane failed: ${error.message}`, { cause: error })));
  worker.once('exit', (code) => fail(new Error(`search index: a Pagefind lane stopped (exit code ${code})`)));
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    index(pages, outputDir, settings) {
      if (ended) return Promise.reject(ended);
      const id = nextId++;
      return new Promise<void>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, pages, outputDir, settings } satisfies LaneTask);
      });
    },
    async close() {
      if (!ended) worker.postMessage('close');
      // A thread kept alive past its Pagefind process (a handle left open) is ended.
      const stuck = setTimeout(() => void worker.terminate(), CLOSE_GRACE_MS);
      await exited;
      clearTimeout(stuck);
    },
  };
}
