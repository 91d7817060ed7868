// A render lane's worker thread (render-lanes.ts): renders its share of a build's pages by the
// same code as the build's own lane, and answers with the number of pages written or why it
// failed. The lane ends it once it has the answer. Started with its share, or warm: then it
// rehearses (a render of no pages, in a folder of its own), says it is ready, and waits for
// the share to be posted to it.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { buildFailure } from './build-failure.ts';
import type { LaneMessage, Rehearsal } from './render-lanes.ts';
import { renderShare, type RenderShare } from './render-pages.ts';

const port = parentPort;
if (!port) throw new Error('render-lane-worker.ts runs as a worker thread of a build');
const post = (message: LaneMessage): void => port.postMessage(message);
const render = (share: RenderShare): void => {
  renderShare(share).then((written) => post({ written }), (error: unknown) => post({ failure: buildFailure(error) }));
};

async function rehearse(rehearsal: Rehearsal): Promise<void> {
  const folder = await mkdtemp(join(tmpdir(), 'render-rehearsal-'));
  try {
    // Without Eleventy's template cache: templates compiled now would keep this render's
    // filters (an `asset` filter of no assets) for the build's own render of the same templates.
    const context = { ...rehearsal.context, cacheTemplates: false };
    await renderShare({ ...rehearsal, context, outputDir: folder, pages: [], chrome: { nav: [], assets: {} }, fileByUrl: new Map(), quiet: true, copyAssets: false });
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

const started = workerData as { share: RenderShare } | { warm: Rehearsal };
if ('share' in started) render(started.share);
else {
  port.once('message', render);
  // A failed rehearsal is not the build's failure: the lane is only not used.
  await rehearse(started.warm).then(() => post({ ready: true }), () => post({ ready: false }));
}
