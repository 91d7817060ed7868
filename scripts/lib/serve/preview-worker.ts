// One preview build at a time, in a worker thread of the preview server. Why a worker:
// Eleventy keeps the layouts it compiled in module-wide caches, which only its own watcher
// knows how to clear; a worker has modules of its own, so the preview server keeps one
// worker (and its warm caches and in-memory build state) while articles change, and starts
// a fresh one when a layout or page template changes. Messages: { type: 'build', changed }
// in (the paths saved, relative to the project); 'saved' (the saved articles' own pages are
// in place, before the rest: saved-article-pages.ts), 'pages' (the edited pages are in
// place), 'search' (the index caught up), 'failed' (why, as build-failure.ts's plain data) out.

import { join, resolve } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { buildContextFromEnvironment } from '../site/build-context.ts';
import { buildFailure, type BuildFailure } from '../site/build-failure.ts';
import { buildSite, type PreviewMemory } from '../build/build-site.ts';
import { showSavedArticles } from '../build/saved-article-pages.ts';

export interface PreviewWorkerData {
  projectDir: string;
  outputDir: string;
}

/** What the worker is asked: a build, after a save of these paths (relative to the project; none for the first). */
export interface PreviewBuildRequest {
  type: 'build';
  changed: string[];
}

export type PreviewWorkerMessage =
  | { type: 'saved'; pages: number }
  | { type: 'pages'; rendered: number; pages: number; seconds: number; unchanged: boolean }
  | { type: 'search'; seconds: number; reindexedSegments: number; searchSegments: number }
  | { type: 'failed'; failure: BuildFailure };

const { projectDir, outputDir } = workerData as PreviewWorkerData;
const memory: PreviewMemory = {};
/** The content folder npm start builds from, and the saved articles' pages are read from. */
const inputDir = resolve(projectDir, 'content');
const port = parentPort;
if (!port) throw new Error('preview-worker.ts runs as a worker thread of the preview server');

port.on('message', async (request: PreviewBuildRequest) => {
  const post = (message: PreviewWorkerMessage): void => port.postMessage(message);
  try {
    // "Now" is read anew for every build: it moves while the preview runs.
    const context = buildContextFromEnvironment({ ...process.env, SITE_INCLUDE_DRAFTS: 'true' });
    if (memory.articlePages) {
      const files = request.changed.map((path) => join(projectDir, path));
      // Only a head start: whatever it could not show, the build below does.
      const shown = await showSavedArticles({ context, projectDir, inputDir, outputDir, files, pages: memory.articlePages }).catch(() => 0);
      if (shown > 0) post({ type: 'saved', pages: shown });
    }
    const result = await buildSite({ projectDir, outputDir, inputDir, context, preview: { memory } });
    post({ type: 'pages', rendered: result.rendered, pages: result.pages, seconds: result.seconds.total, unchanged: result.unchanged });
    const search = await result.searchDone;
    post({ type: 'search', seconds: search?.seconds ?? 0, reindexedSegments: search?.reindexedSegments ?? 0, searchSegments: search?.searchSegments ?? 0 });
  } catch (error) {
    // Nothing is shown ahead of a build while the last one failed: the preview shows the last good site.
    memory.articlePages = undefined;
    post({ type: 'failed', failure: buildFailure(error) });
  }
});
