// Renders the pages a build needs into an empty folder (render-pages.ts is what one lane
// does). A large render uses every core: the pages are dealt to lanes, the first rendered by
// the build's own thread, each other by a worker thread (render-lane-worker.ts) into the same
// folder. Each page is one file that no other page writes, and the templates read only their
// view and the chrome (render-plan.ts), so which lane renders a page cannot change its bytes;
// the assets are copied by the first lane alone. tests/site/render-pages.test.ts compares a
// build rendered in several lanes with one rendered in one, file by file.
//
// A build can start a lane before it knows its pages (WarmLane): its worker loads Eleventy
// and the render code on the other core while the build plans, time that a publish
// otherwise spends on its own thread before its first page. A render too small for
// two lanes is then the warm lane's alone. Picture files are written without Eleventy, from
// the image cache (image-files.ts).

import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { bundledWorker, plainModuleFile } from '../fs/worker-bundle.ts';
import type { BuildContext } from './build-context.ts';
import { buildFailure, type BuildFailure } from './build-failure.ts';
import type { Chrome, PlannedPage } from './render-plan.ts';
import { articlesRenderedBy } from './render-plan.ts';
import type { RenderShare } from './render-pages.ts';

export interface RenderRequest {
  /** The build's settings, "now" and mode: what the pages are rendered with. */
  context: BuildContext;
  projectDir: string;
  /** The content folder: page templates, and the articles (which Eleventy never reads). */
  inputDir: string;
  outputDir: string;
  pages: readonly PlannedPage[];
  chrome: Chrome;
  /** Where each article's file is, by URL. */
  fileByUrl: ReadonlyMap<string, string>;
  quiet?: boolean;
  /** Pages one Eleventy run renders (default PAGES_PER_RUN, render-pages.ts). */
  pagesPerRun?: number;
  /** Lanes the pages are shared between (default renderLanes: one per core for a large render); a test sets it. */
  lanes?: number;
  /** Where picture files are made and kept between builds (image-files.ts). */
  imageCacheDir: string;
  /** A lane started early (WarmLane): the whole render's, when that is one lane's and it is ready. */
  warm?: WarmLane;
  /**
   * The caller's work that needs no page, done once the other lanes have their shares and
   * before this thread renders its own (while a warm lane renders them all, this thread would
   * wait). Its failure stops the render, which settles before the error is passed on.
   */
  whileRendering?: () => Promise<void>;
}

/**
 * Fewest pages worth a lane of their own. A worker needs half a second of the other core to
 * load Eleventy and rehearse before its first page, and renders some 500 pages a second: below
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
/** What a warm lane's worker posts first: that it has rehearsed (render-lane-worker.ts), or that it could not. */
export type LaneMessage = LaneAnswer | { ready: boolean };

/** The worker's failure as an error of this thread: its messages (with their causes') and its stacks. */
function rebuiltError(failure: BuildFailure): Error {
  const error = new Error(failure.message ?? 'a render lane failed without saying why');
  if (failure.stack) error.stack = failure.stack;
  return error;
}

const LANE_WORKER = new URL('./render-lane-worker.ts', import.meta.url);

/** A lane's worker as it answers: the pages it wrote, or its failure as an error of this thread. */
function laneWorker(workerData: unknown, signal?: AbortSignal, onReady?: (ready: boolean) => void): { worker: Worker; written: Promise<number> } {
  // A warm lane rehearses at the priority of the build's own threads. At the lowest (it was
  // so until 2026-12), a 10,000-article publish reached its render before the lane had
  // loaded, starved by the build's thread and the site's stamps; Eleventy was then loaded on
  // this thread instead. Six pairs of such publishes: render 1.66 s against 1.95 s on
  // average; at 100,000 articles, where the lane is ready long before, no difference.
  // From a bundle (worker-bundle.ts), with Eleventy and the other packages imported by Node
  // itself: through tsx's loader they took twice the CPU, on the core ingest works on while a
  // publish's lane loads.
  const { worker } = bundledWorker(LANE_WORKER, { workerData }, 'imported');
  const written = new Promise<number>((resolve, reject) => {
    let answer: LaneAnswer | undefined;
    const stop = (): void => { void worker.terminate(); };
    signal?.addEventListener('abort', stop, { once: true });
    // Eleventy may leave handles open that would keep the worker alive: it is ended once it has answered.
    worker.on('message', (message: LaneMessage) => {
      if ('ready' in message) onReady?.(message.ready);
      else if (!answer) { answer = message; stop(); }
    });
    worker.once('error', (error) => { answer ??= { failure: buildFailure(error) }; });
    worker.once('exit', (code) => {
      signal?.removeEventListener('abort', stop);
      if (answer && 'written' in answer) resolve(answer.written);
      else if (answer) reject(rebuiltError(answer.failure));
      else reject(new Error(`a render lane stopped before it answered (exit code ${code})`));
    });
  });
  return { worker, written };
}

/**
 * Renders a share (render-pages.ts RenderShare) in a worker thread; resolves to the pages it
 * wrote. The worker gets the share as a structured clone (Maps and Dates survive; the
 * articles arrive as plain objects, which the templates cannot tell apart). `signal` stops
 * it, and the promise settles only once it has stopped, so no lane is still writing into a
 * folder the build is removing.
 */
export function renderInWorker(share: RenderShare, signal?: AbortSignal): Promise<number> {
  return laneWorker({ share }, signal).written;
}

/**
 * The project's .eleventy.ts as plain JavaScript (worker-bundle.ts; made once per change of
 * it), the file every lane gives Eleventy to import: a lane started from a bundle has no tsx
 * to import TypeScript with. Made here, on the build's thread, and handed to each lane, so
 * no lane renders with another configuration, wherever its code runs from.
 */
export function eleventyConfigFile(projectDir: string): Promise<string> {
  return plainModuleFile(join(projectDir, '.eleventy.ts'), projectDir);
}

/** What a warm lane rehearses with: a render of no pages, of this build's project, settings and configuration file (eleventyConfigFile). */
export type Rehearsal = Pick<RenderRequest, 'context' | 'projectDir' | 'inputDir'> & { configPath: string };

/**
 * A lane whose worker starts now and rehearses: it renders no pages with the build's
 * configuration, which loads Eleventy, the configuration and its plugins and the template
 * engine (the first render of a process spends half a second on them, any other a twentieth);
 * then it renders the share it is given later (render), as renderInWorker does. Only a lane
 * that is ready is worth giving a share: a build that gets to its render first renders on
 * its own thread. A build that ends without giving it one closes it: its worker would
 * otherwise keep the process alive.
 */
export class WarmLane {
  private readonly lane: { worker: Worker; written: Promise<number> };
  private readonly stop = new AbortController();
  private given = false;
  /** Whether the worker has rehearsed, and can take a share now. */
  ready = false;
  /** Settles once the worker has rehearsed (true) or could not (false). */
  readonly rehearsed: Promise<boolean>;

  constructor(rehearsal: Rehearsal) {
    let settle: (ready: boolean) => void = () => undefined;
    this.rehearsed = new Promise((resolve) => { settle = resolve; });
    this.lane = laneWorker({ warm: rehearsal }, this.stop.signal, (ready) => { this.ready = ready; settle(ready); });
    // A worker that stops before it says has not rehearsed. (Also what keeps a lane closed
    // unused from being an unhandled rejection.)
    this.lane.written.finally(() => settle(false)).catch(() => undefined);
  }

  render(share: RenderShare): Promise<number> {
    if (this.given) throw new Error('a warm render lane renders one share');
    this.given = true;
    this.lane.worker.postMessage(share);
    return this.lane.written;
  }

  /** Ends the worker unless it was given a share (which ends it once answered); settles once it has stopped. */
  async close(): Promise<void> {
    if (!this.given) this.stop.abort();
    await this.lane.written.catch(() => undefined);
  }
}

/** The files of the articles whose bodies the pages show. */
function filesOf(pages: readonly PlannedPage[], fileByUrl: ReadonlyMap<string, string>): Map<string, string> {
  const files = new Map<string, string>();
  for (const item of pages.flatMap(articlesRenderedBy)) {
    const file = fileByUrl.get(item.url);
    if (file) files.set(item.url, file);
  }
  return files;
}

/** Renders the pages (and copies the assets) into outputDir, shared between lanes; returns the pages written. */
export async function renderPages(request: RenderRequest): Promise<number> {
  const images = request.pages.filter((page) => page.family === 'image');
  const { writeImageFiles } = await import('../images/image-files.ts');
  await writeImageFiles(images, { projectDir: request.projectDir, contentDir: request.inputDir, outputDir: request.outputDir, cacheDir: request.imageCacheDir });
  const templated = request.pages.filter((page) => page.family !== 'image');
  const [first = [], ...rest] = dealPages(templated, request.lanes ?? renderLanes(templated.length));
  const { imageCacheDir: _, lanes: __, warm: offered, whileRendering, ...shared } = request;
  const common = { ...shared, configPath: await eleventyConfigFile(request.projectDir) };
  // A render of one lane is the warm lane's: it has Eleventy loaded, or is loading it, and
  // this thread has not begun. One still rehearsing is waited for: what it has left to load
  // is less than this thread would load from the start. Its word that it is ready may still
  // be waiting in this thread's queue: a turn of the event loop delivers it. A lane offered a
  // render of several lanes is ended: a worker of its own makes up its start in a render that
  // long, and the warm one would only take a core from the others.
  if (offered) await new Promise((resolve) => setImmediate(resolve));
  if (offered && rest.length === 0) {
    const share = (): RenderShare => ({ ...common, pages: first, fileByUrl: filesOf(first, request.fileByUrl), copyAssets: true });
    // Undefined: the lane could not rehearse, and this thread renders.
    const rendered = offered.ready ? offered.render(share()) : offered.rehearsed.then((ready) => (ready ? offered.render(share()) : undefined));
    // Awaited below; a failure meanwhile must not be an unhandled rejection.
    rendered.catch(() => undefined);
    try {
      await whileRendering?.();
    } catch (error) {
      // Once the lane has answered: it is not left writing into a folder the build removes.
      await offered.close();
      throw error;
    }
    const written = await rendered;
    if (written !== undefined) return images.length + written;
    const { renderShare } = await import('./render-pages.ts');
    return images.length + await renderShare({ ...common, pages: first, copyAssets: true });
  }
  await offered?.close();
  // The workers get their shares before this thread starts on its own, and only the files of their articles.
  const stop = new AbortController();
  const children = rest.map((pages) => renderInWorker({ ...common, pages, fileByUrl: filesOf(pages, request.fileByUrl), copyAssets: false }, stop.signal));
  // Awaited below; a failure meanwhile must not be an unhandled rejection.
  for (const child of children) child.catch(() => undefined);
  let written = images.length;
  try {
    await whileRendering?.();
    // Loaded only for a share of this thread's own: Eleventy's plugins and markdown-it.
    const { renderShare } = await import('./render-pages.ts');
    written += await renderShare({ ...common, pages: first, copyAssets: true });
  } catch (error) {
    stop.abort();
    await Promise.allSettled(children);
    throw error;
  }
  // Every lane has stopped before a failure is thrown: none is still writing into the folder.
  for (const result of await Promise.allSettled(children)) {
    if (result.status === 'rejected') throw result.reason;
    written += result.value;
  }
  return written;
}
