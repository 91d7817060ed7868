// A large render uses every core: the pages are dealt to lanes, the first rendered by the
// build's own thread, each other by a worker thread (render-lane-worker.ts) into the same
// folder. Each page is one file that no other page writes, and the templates read only their
// view and the chrome (render-plan.ts), so which lane renders a page cannot change its bytes;
// the assets are copied by the first lane alone. tests/site/render-pages.test.ts compares a
// build rendered in several lanes with one rendered in one, file by file.

import { availableParallelism } from 'node:os';
import { typescriptWorker } from '../fs/typescript-worker.ts';
import { buildFailure, type BuildFailure } from './build-failure.ts';
import type { PlannedPage } from './render-plan.ts';

/**
 * Fewest pages worth a lane of their own. A worker needs about a second of the other core to
 * load tsx and Eleventy before its first page, and renders some 500 pages a second: below
 * this a publish would wait for the worker's start, not gain from it.
 */
export const MIN_PAGES_PER_LANE = 1_000;

/** How many lanes render `pages` pages: one per core, each with at least MIN_PAGES_PER_LANE. */
export function renderLanes(pages: number, cores = availableParallelism()): number {
  return Math.max(1, Math.min(cores, Math.floor(pages / MIN_PAGES_PER_LANE)));
}

/**
 * The pages dealt to `lanes` lanes in turn, as cards: each lane gets every family in the
 * same proportion (an article page costs more than a robots.txt), so the lanes end together.
 */
export function dealPages(pages: readonly PlannedPage[], lanes: number): PlannedPage[][] {
  const shares = Array.from({ length: Math.max(1, lanes) }, () => [] as PlannedPage[]);
  pages.forEach((page, position) => shares[position % shares.length]?.push(page));
  return shares;
}

/** What a worker posts back: the pages it wrote, or why it failed, as the plain data build-failure.ts makes of an error. */
export type LaneAnswer = { written: number } | { failure: BuildFailure };

/** The worker's failure as an error of this thread: its messages (with their causes') and its stacks. */
function rebuiltError(failure: BuildFailure): Error {
  const error = new Error(failure.message ?? 'a render lane failed without saying why');
  if (failure.stack) error.stack = failure.stack;
  return error;
}

const LANE_WORKER = new URL('./render-lane-worker.ts', import.meta.url);

/**
 * Renders a share (render-pages.ts RenderShare) in a worker thread; resolves to the pages it
 * wrote. The worker gets the share as a structured clone (Maps and Dates survive; the
 * articles arrive as plain objects, which the templates cannot tell apart). `signal` stops
 * it, and the promise settles only once it has stopped, so no lane is still writing into a
 * folder the build is removing.
 */
export function renderInWorker(share: object, signal?: AbortSignal): Promise<number> {
  return new Promise((resolve, reject) => {
    const worker = typescriptWorker(LANE_WORKER, { workerData: share });
    let answer: LaneAnswer | undefined;
    const stop = (): void => { void worker.terminate(); };
    signal?.addEventListener('abort', stop, { once: true });
    // Eleventy may leave handles open that would keep the worker alive: it is ended once it has answered.
    worker.once('message', (message: LaneAnswer) => { answer = message; stop(); });
    worker.once('error', (error) => { answer ??= { failure: buildFailure(error) }; });
    worker.once('exit', (code) => {
      signal?.removeEventListener('abort', stop);
      if (answer && 'written' in answer) resolve(answer.written);
      else if (answer) reject(rebuiltError(answer.failure));
      else reject(new Error(`a render lane stopped before it answered (exit code ${code})`));
    });
  });
}
