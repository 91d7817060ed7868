// One preview build at a time, in a worker thread of the preview server. Why a worker:
// Eleventy keeps the layouts it compiled in module-wide caches, which only its own watcher
// knows how to clear; a worker has modules of its own, so the preview server keeps one
// worker (and its warm caches and in-memory build state) while articles change, and starts
// a fresh one when a layout or page template changes. Messages: { type: 'build' } in;
// 'pages' (the edited pages are in place), 'search' (the index caught up), 'failed' (why,
// as build-failure.ts's plain data) out.

import { parentPort, workerData } from 'node:worker_threads';
import type { BuildState } from '../build/build-state.ts';
import { buildContextFromEnvironment } from '../site/build-context.ts';
import { buildFailure, type BuildFailure } from '../site/build-failure.ts';
import { buildSite } from '../build/build-site.ts';

export interface PreviewWorkerData {
  projectDir: string;
  outputDir: string;
}

export type PreviewWorkerMessage =
  | { type: 'pages'; rendered: number; pages: number; seconds: number; unchanged: boolean }
  | { type: 'search'; seconds: number; reindexedSegments: number; searchSegments: number }
  | { type: 'failed'; failure: BuildFailure };

const { projectDir, outputDir } = workerData as PreviewWorkerData;
const memory: { state?: BuildState } = {};
const port = parentPort;
if (!port) throw new Error('preview-worker.ts runs as a worker thread of the preview server');

port.on('message', async () => {
  const post = (message: PreviewWorkerMessage): void => port.postMessage(message);
  try {
    // "Now" is read anew for every build: it moves while the preview runs.
    const context = buildContextFromEnvironment({ ...process.env, SITE_INCLUDE_DRAFTS: 'true' });
    const result = await buildSite({ projectDir, outputDir, context, preview: { memory } });
    post({ type: 'pages', rendered: result.rendered, pages: result.pages, seconds: result.seconds.total, unchanged: result.unchanged });
    const search = await result.searchDone;
    post({ type: 'search', seconds: search?.seconds ?? 0, reindexedSegments: search?.reindexedSegments ?? 0, searchSegments: search?.searchSegments ?? 0 });
  } catch (error) {
    post({ type: 'failed', failure: buildFailure(error) });
  }
});
