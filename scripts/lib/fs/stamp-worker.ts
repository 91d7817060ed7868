// The worker of stamps-in-parallel.ts: claims chunks of the list until none is left, posting
// the stamps of each, then says it is done.

import { parentPort, workerData } from 'node:worker_threads';
import { chunkText, claimChunk, fileUnder, STAMPERS, type StampAnswer, type StampWork } from './stamp-chunks.ts';

const work = workerData as StampWork;
const paths = work.paths.split('\n');
const next = new Int32Array(work.next);
const fileOf = fileUnder(work.root);
const stamp = STAMPERS[work.kind];
const post = (answer: StampAnswer): void => parentPort?.postMessage(answer);
for (let first = claimChunk(next, work.chunk, paths.length); first !== undefined; first = claimChunk(next, work.chunk, paths.length)) {
  post({ first, stamps: chunkText(paths.slice(first, first + work.chunk).map((path) => stamp(fileOf(path)))) });
}
post({ done: true });
