// A render lane's process (render-lanes.ts): takes one share of a build's pages from its
// parent, renders it with the same code as the parent's own lane, answers with the number of
// pages written or the chain of errors, and exits.

import { errorChain, type LaneAnswer } from './render-lanes.ts';
import { renderShare, type RenderShare } from './render-pages.ts';

function answer(message: LaneAnswer): void {
  // Exit once the answer is sent: Eleventy may leave handles open that would keep the process alive.
  process.send?.(message, () => process.exit(0));
}

process.once('message', (share: RenderShare) => {
  renderShare(share).then((written) => answer({ written }), (error: unknown) => answer({ failure: errorChain(error) }));
});
