// Node's options for a production build (`npm run build` and `npm run publish`, and the benchmark's build stage,
// which must run what `npm run build` runs) and for the preview (`npm start`, and the
// benchmark's preview probe); a test checks that package.json agrees.
//
// The build's live heap stays small: at 100,000 articles about 0.7 GB on the build's thread
// and 0.5 GB in the render worker (node --trace-gc). What made a clean 100k build peak at
// 4.6–5.1 GB was V8 letting each heap grow to four times its live size between two full
// collections, in both isolates at once. --heap-growing-percent=50 (a V8 flag, for every
// isolate of the process) lets a heap grow by half before the next full collection: the same
// build peaked at 2.3 GB, all processes, in about the same time (575 s against 578–699 s).
// Nor do the flags cost a small build: two clean 10k builds each way (node --cpu-prof) spent
// 2.8 s in the collector of the build's thread and 1.0 s of the render worker's with both
// flags, 3.8 s and 1.7 s without, for the same user CPU (83.2-83.6 s against 83.7-84.6 s);
// their system CPU went from 19 to 33 s between identical builds, this machine's noise,
// which is what a 115 against 146 CPU s reading of the bench had shown. Were a Node release
// to drop the flag, node would refuse to start ("bad option"), not ignore it.
//
// --max-semi-space-size=64 (MB; Node 20's default is 16): a build keeps large structures
// alive while it makes them (the state of 120,000 pages, the plan), and every scavenge of a
// small young generation copies what survives. At 100,000 articles a publish of 20 spent
// 3.7-5.3 s of its main thread in 509-543 scavenges with the default, 2.8 s in 142 with 64
// (2.3 s in 84 with 128), node --trace-gc; the wall time of those publishes was too noisy on
// this machine to show it (three each: 32.5-43.5 s with 64, 33.6-38.4 s with 16). It costs
// two semi-spaces per isolate at most: up to about 200 MB more at a peak with two isolates.
//
// --max-old-space-size is a ceiling, not a reservation: 8 GB leaves room above Node 20's
// default of about 4 GB here for an archive larger than the benchmark's.
export const BUILD_NODE_FLAGS: readonly string[] = ['--max-old-space-size=8192', '--heap-growing-percent=50', '--max-semi-space-size=64'];

/**
 * `npm start` keeps V8's own heap growth: its heap is a 10,000-article site's at most, and
 * fixed growth made saves slower. 30 saves of a 10k preview each way on this machine:
 * without the two flags above, page served median 0.95 s, max 1.21 s, search caught up
 * median 4.31 s; with them 1.03 s, 2.18 s and 4.94 s (RSS 762 against 525 MiB).
 */
export const PREVIEW_NODE_FLAGS: readonly string[] = ['--max-old-space-size=8192'];
