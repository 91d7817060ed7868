// The inode stamps (file-stamp.ts) of a long list of files, taken by this thread and a worker
// thread (stamp-worker.ts) together: at 100,000 articles every build checks the 470,000 files
// of the site, 2–4 s of lstat on one core. The two claim chunks of the list from a counter
// they share, so neither waits for the other: the worker takes the first chunks while this
// thread does something else (the article stamps), and a worker that fails only leaves its
// chunks to this thread. Which thread stamps a file never changes its stamp. Ingest takes
// its articles' stamps the same way, while it reads its state.

import type { Worker } from 'node:worker_threads';
import { chunksDigest, chunkText, claimChunk, fileUnder, stampsOfChunk, STAMPERS, type StampAnswer, type StampKind, type StampWork } from './stamp-chunks.ts';
import { bundledWorker } from './worker-bundle.ts';

/** Files stamped per claim: large enough that claiming costs nothing, small enough that the two end together. */
export const STAMP_CHUNK = 4_096;
/**
 * Fewest files worth a worker. Chosen when every worker registered tsx first (about a
 * quarter of a second, in which this thread stamps some 100,000 files); one started from its
 * bundle (worker-bundle.ts) takes hundredths, but the first run after a change of its code
 * still starts through tsx, and the value has not been measured again since.
 */
export const MIN_FILES_FOR_WORKER = 150_000;
/**
 * Fewest files worth a worker when this thread has other work to do while it stamps (a build
 * planning the pages of a publish): the worker's start is then hidden behind that work. At
 * 10,000 articles (47,000 files) it takes 0.2 s of stamping off a publish's way.
 */
export const MIN_FILES_FOR_WORKER_BESIDE_WORK = 30_000;

const STAMP_WORKER = new URL('./stamp-worker.ts', import.meta.url);

export class StampsInParallel {
  private readonly stamps: (string | undefined)[];
  /** Each chunk's stamps as the worker posted them (chunkText), until they are read into `stamps`. */
  private readonly texts: (string | undefined)[];
  private readonly filled: boolean[];
  private readonly next = new Int32Array(new SharedArrayBuffer(4));
  private readonly fileOf: (path: string) => string;
  private readonly stamp: (file: string) => string | undefined;
  /** Chunks the worker answered: 0 when it had none to take, or never started. */
  stampedByWorker = 0;
  /** Whether the worker was started from its bundle (worker-bundle.ts), not through tsx. */
  workerFromBundle = false;
  private worker?: Worker;
  private workerEnded?: Promise<void>;
  private stamped?: Promise<void>;

  /**
   * Starts the worker (when the list is long enough, or `worker` says so; never for paths
   * that would not survive being sent as lines); the stamps are taken by all() or digest().
   */
  constructor(private readonly root: string, private readonly paths: readonly string[], worker = paths.length >= MIN_FILES_FOR_WORKER, private readonly kind: StampKind = 'inode') {
    this.fileOf = fileUnder(root);
    this.stamp = STAMPERS[kind];
    this.stamps = new Array<string | undefined>(paths.length);
    const chunks = Math.ceil(paths.length / STAMP_CHUNK);
    this.texts = new Array<string | undefined>(chunks);
    this.filled = new Array<boolean>(chunks).fill(false);
    if (worker && paths.length > 0 && !paths.some((path) => path.includes('\n'))) this.startWorker();
  }

  private startWorker(): void {
    const work: StampWork = { root: this.root, kind: this.kind, paths: this.paths.join('\n'), next: this.next.buffer as SharedArrayBuffer, chunk: STAMP_CHUNK };
    // From its bundle, when there is one of this code: it starts in a few hundredths of a second,
    // where registering tsx took 0.4 s of the 2.6 s a 100,000-article build spends checking its site.
    const { worker, bundled } = bundledWorker(STAMP_WORKER, { workerData: work });
    this.worker = worker;
    this.workerFromBundle = bundled;
    this.workerEnded = new Promise((resolve) => {
      worker.on('message', (answer: StampAnswer) => {
        if ('done' in answer) { void worker.terminate(); return; }
        const chunk = answer.first / STAMP_CHUNK;
        this.texts[chunk] = answer.stamps;
        this.filled[chunk] = true;
        this.stampedByWorker++;
      });
      // A worker that fails or ends early leaves the chunks it did not answer to this thread.
      worker.once('error', () => undefined);
      worker.once('exit', () => resolve());
    });
  }

  private stampHere(first: number): void {
    const end = Math.min(first + STAMP_CHUNK, this.paths.length);
    for (let position = first; position < end; position++) this.stamps[position] = this.stamp(this.fileOf(this.paths[position] as string));
    this.filled[first / STAMP_CHUNK] = true;
  }

  /** Every chunk stamped, by this thread or the worker, once. */
  private stampAll(): Promise<void> {
    return (this.stamped ??= (async () => {
      for (let first = claimChunk(this.next, STAMP_CHUNK, this.paths.length); first !== undefined; first = claimChunk(this.next, STAMP_CHUNK, this.paths.length)) {
        this.stampHere(first);
      }
      // Every chunk answered: a worker still starting has nothing left to do.
      if (this.filled.every(Boolean)) void this.worker?.terminate();
      else await this.workerEnded;
      this.filled.forEach((done, chunk) => { if (!done) this.stampHere(chunk * STAMP_CHUNK); });
    })());
  }

  /** Every file's stamp, in the list's order (undefined: not a regular file, or missing). */
  async all(): Promise<(string | undefined)[]> {
    await this.stampAll();
    this.texts.forEach((text, chunk) => {
      if (text === undefined) return;
      stampsOfChunk(text).forEach((stamp, offset) => { this.stamps[chunk * STAMP_CHUNK + offset] = stamp; });
      this.texts[chunk] = undefined;
    });
    return this.stamps;
  }

  /** stampsDigest of every file's stamp, without reading the worker's chunks apart. */
  async digest(): Promise<string> {
    await this.stampAll();
    // Array.from, not map: the chunks this thread stamped are holes in `texts`, which map skips.
    return chunksDigest(Array.from(this.texts, (text, chunk) => text ?? chunkText(this.stamps.slice(chunk * STAMP_CHUNK, (chunk + 1) * STAMP_CHUNK))));
  }
}
