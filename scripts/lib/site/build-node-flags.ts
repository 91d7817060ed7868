// Node's options for a production build (`npm run build` and `npm run publish`, and the benchmark's build stage,
// which must run what `npm run build` runs) and for the preview (`npm start`, and the
// benchmark's preview probe); a test checks that package.json agrees.

import { setFlagsFromString } from 'node:v8';

// The build's live heap stays small: at 100,000 articles about 0.7 GB on the build's thread
// and 0.5 GB in the render worker (node --trace-gc). What made a clean 100k build peak at
// 4.6–5.1 GB was V8 letting each heap grow to four times its live size between two full
// collections, in both isolates at once. --heap-growing-percent=50 (a V8 flag, for every
// isolate of the process) lets a heap grow by half before the next full collection: the same
// build peaked at 2.3 GB, all processes, in about the same time (575 s against 578–699 s).
// Nor did it cost a small clean build: two clean 10k builds each way (node --cpu-prof) spent
// 2.8 s in the collector of the build's thread and 1.0 s of the render worker's with both
// flags, 3.8 s and 1.7 s without, for the same user CPU (83.2-83.6 s against 83.7-84.6 s).
// It did cost a publish, which loads the whole state into a heap that only grows: at
// 100,000 articles, two pairs of publishes of 20, 22.63 and 23.50 s with it against 21.46 and
// 22.15 s without (user CPU 28.4 and 29.9 s against 26.4 and 27.4 s; peak 1.15 against 1.33
// GB). So it is not a flag of the command line but set by the build (boundHeapGrowth) once
// the build knows it renders much: from the start when there is no state (a first or clean
// build), else once the pages to render are counted (a changed layout, changed code).
//
// --max-semi-space-size=64 (MB; Node 20's default is 16): a build keeps large structures
// alive while it makes them (the state of 120,000 pages, the plan), and every scavenge of a
// small young generation copies what survives. At 100,000 articles a publish of 20 spent
// 3.7-5.3 s of its main thread in 509-543 scavenges with the default, 2.8 s in 142 with 64
// (2.3 s in 84 with 128), node --trace-gc; the wall time of those publishes was too noisy on
// this machine to show it (three each: 32.5-43.5 s with 64, 33.6-38.4 s with 16). It costs
// two semi-spaces per isolate at most: up to about 200 MB more at a peak with two isolates.
// 128 was no better: four paired 10k publishes, 5.99 s against 6.34 s on average with 128.
//
// --max-old-space-size is a ceiling, not a reservation: 8 GB leaves room above Node 20's
// default of about 4 GB here for an archive larger than the benchmark's.
export const BUILD_NODE_FLAGS: readonly string[] = ['--max-old-space-size=8192', '--max-semi-space-size=64'];

/** The heap growth a large build runs with (above): V8's flag, read by every full collection after it is set. */
export const LARGE_BUILD_HEAP_GROWTH = '--heap-growing-percent=50';

/**
 * Bounds the heap growth of every isolate of the process from the next full collection on,
 * for a build that renders much (build-site.ts). Set at run time, which Node warns may do
 * nothing or worse for some flags: V8 reads this one afresh whenever it sets a heap's next
 * limit (tests/site/build-node-flags.test.ts checks that it takes effect). Not in npm start's
 * builds: fixed growth made its saves slower (below).
 */
export function boundHeapGrowth(): void {
  setFlagsFromString(LARGE_BUILD_HEAP_GROWTH);
}

/**
 * `npm start` keeps V8's own heap growth: its heap is a 10,000-article site's at most, and
 * fixed growth made saves slower. 30 saves of a 10k preview each way on this machine:
 * without the heap growth and semi-spaces above, page served median 0.95 s, max 1.21 s, search caught up
 * median 4.31 s; with them 1.03 s, 2.18 s and 4.94 s (RSS 762 against 525 MiB).
 */
export const PREVIEW_NODE_FLAGS: readonly string[] = ['--max-old-space-size=8192'];
