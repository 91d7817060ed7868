// A large render uses every core: the pages are dealt to lanes, the first rendered by the
// build's own process, each other by a child process (render-lane-process.ts) into the same
// folder. Child processes, not worker threads: Eleventy imports .eleventy.ts with Node's own
// import(), which reads TypeScript only where tsx's loader is registered, and Node 20 runs a
// registered loader for a process's main thread only (a worker gets "Unknown file extension").
// Each page is one file that no other page writes, and the templates read only their view
// and the chrome (render-plan.ts), so which lane renders a page cannot change its bytes; the
// assets are copied by the first lane alone. tests/site/render-pages.test.ts compares a
// build rendered in several lanes with one rendered in one, file by file.

import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { PlannedPage } from './render-plan.ts';

/**
 * Fewest pages worth a lane of their own. A child needs about a second of the other core to
 * load tsx and Eleventy before its first page, and renders some 500 pages a second: below
 * this a publish would wait for the child's start, not gain from it.
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

/** What a child posts back: the pages it wrote, or why it failed (each error of the cause chain). */
export type LaneAnswer = { written: number } | { failure: { message: string; stack?: string }[] };

/** An error as the parent can rebuild it: its message and stack, then its causes'. */
export function errorChain(error: unknown): { message: string; stack?: string }[] {
  const chain: { message: string; stack?: string }[] = [];
  for (let current: unknown = error; current !== undefined && chain.length < 5; current = current instanceof Error ? current.cause : undefined) {
    chain.push(current instanceof Error ? { message: current.message, stack: current.stack } : { message: String(current) });
  }
  return chain;
}

function rebuiltError(chain: readonly { message: string; stack?: string }[]): Error {
  let error: Error | undefined;
  for (const link of [...chain].reverse()) {
    error = new Error(link.message, error ? { cause: error } : undefined);
    if (link.stack) error.stack = link.stack;
  }
  return error ?? new Error('a render lane failed without saying why');
}

const LANE_PROCESS = fileURLToPath(new URL('./render-lane-process.ts', import.meta.url));
/** tsx's loader, as a URL `--import` takes from any working folder. */
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/**
 * Renders a share (render-pages.ts RenderShare) in a child process; resolves to the pages it wrote. The child runs under
 * tsx with this process's Node options (the heap limit), and gets the share as a structured
 * clone (Maps and Dates survive; the articles arrive as plain objects, which the templates
 * cannot tell apart). `signal` kills it, and the promise settles only once it has exited,
 * so no lane is still writing into a folder the build is removing.
 */
export function renderInChild(share: object, signal?: AbortSignal): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = fork(LANE_PROCESS, [], {
      execArgv: [...process.execArgv.filter((flag) => flag.startsWith('--max-old-space-size')), '--import', TSX_LOADER],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let answer: LaneAnswer | undefined;
    const kill = (): void => { child.kill('SIGKILL'); };
    signal?.addEventListener('abort', kill, { once: true });
    child.once('message', (message: LaneAnswer) => { answer = message; });
    child.once('error', (error) => { answer ??= { failure: errorChain(error) }; });
    child.once('exit', (code, killedBy) => {
      signal?.removeEventListener('abort', kill);
      if (answer && 'written' in answer) resolve(answer.written);
      else if (answer) reject(rebuiltError(answer.failure));
      else reject(new Error(`a render lane stopped before it answered (${killedBy ? `signal ${killedBy}` : `exit code ${code}`})`));
    });
    child.send(share);
  });
}
