// A render lane's worker thread (render-lanes.ts): renders the share of a build's pages it
// was started with, by the same code as the build's own lane, and answers with the number of
// pages written or why it failed. The lane ends it once it has the answer.

import { parentPort, workerData } from 'node:worker_threads';
import { buildFailure } from './build-failure.ts';
import type { LaneAnswer } from './render-lanes.ts';
import { renderShare, type RenderShare } from './render-pages.ts';

const port = parentPort;
if (!port) throw new Error('render-lane-worker.ts runs as a worker thread of a build');
const answer = (message: LaneAnswer): void => port.postMessage(message);
renderShare(workerData as RenderShare).then((written) => answer({ written }), (error: unknown) => answer({ failure: buildFailure(error) }));
