// The inode stamps (file-stamp.ts) of a long list of files, taken by this thread and a worker
// thread (stamp-worker.ts) together: at 100,000 articles every build checks the 470,000 files
// of the site, 2–4 s of lstat on one core. The two claim chunks of the list from a counter
// they share, so neither waits for the other: the worker takes the first chunks while this
// thread does something else (the article stamps), and a worker that fails only leaves its
// chunks to this thread. Which thread stamps a file never changes its stamp. Ingest takes
// its articles' stamps the same way, while it reads its state.

import { Worker } from 'node:worker_threads';
import { sep } from 'node:path';
import { fileStampText, inodeStamp } from './file-stamp.ts';
import { hashFileSync } from './file-hashes.ts';
import { typescriptWorker } from './typescript-worker.ts';

/** Files stamped per claim: large enough that claiming costs nothing, small enough that the two end together. */
export const STAMP_CHUNK = 4_096;
/**
 * Fewest files worth a worker: one takes about a quarter of a second to start (tsx), in
 * which this thread stamps some 100,000 files.
 */
export const MIN_FILES_FOR_WORKER = 150_000;
/**
 * Fewest files worth a worker when this thread has other work to do while it stamps (a build
 * planning the pages of a publish): the worker's start is then hidden behind that work. At
 * 10,000 articles (47,000 files) it takes 0.2 s of stamping off a publish's way.
 */
export const MIN_FILES_FOR_WORKER_BESIDE_WORK = 30_000;

/**
 * Which stamp of each file: 'inode' (inodeStamp: the site's files, which the build links),
 * 'file' (fileStampText: the articles ingest vouches for, as its state records them) or
 * 'sha256' (the SHA-256 of its bytes: a site file whose stat moved, read to tell whether it
 * still holds what the build recorded).
 */
export type StampKind = 'inode' | 'file' | 'sha256';
export const STAMPERS: Record<StampKind, (file: string) => string | undefined> = { inode: inodeStamp, file: fileStampText, sha256: sha256OfFile };

function sha256OfFile(file: string): string | undefined {
  try {
    return hashFileSync(file).sha256;
  } catch {
    return undefined;
  }
}

/** What the worker is given: the files (one string, a cheap copy), and the shared counter of the next chunk. */
export interface StampWork {
  root: string;
  kind: StampKind;
  paths: string;
  next: SharedArrayBuffer;
  chunk: number;
}

/** What the worker posts: the stamps of one chunk ('' for none), then that it is done. */
export type StampAnswer = { first: number; stamps: string } | { done: true };

const STAMP_WORKER = new URL('./stamp-worker.ts', import.meta.url);

/**
 * The file a site-relative path names under root: the path appended to root, not joined.
 * The paths are the ones a build recorded (posix, relative, normalised), and path.join,
 * which normalises again, was 0.4 s of CPU for the 475,000 files of a 100,000-article site.
 */
export function fileUnder(root: string): (path: string) => string {
  const prefix = root === '' || root.endsWith('/') || root.endsWith(sep) ? root : `${root}${sep}`;
  return (path) => prefix + path;
}

/** Claims the next chunk: its first position, or undefined when the list is done. */
export function claimChunk(next: Int32Array, chunk: number, total: number): number | undefined {
  const first = Atomics.add(next, 0, chunk);
  return first < total ? first : undefined;
}

export class StampsInParallel {
  private readonly stamps: (string | undefined)[];
  private readonly filled: boolean[];
  private readonly next = new Int32Array(new SharedArrayBuffer(4));
  private readonly fileOf: (path: string) => string;
  private readonly stamp: (file: string) => string | undefined;
  /** Chunks the worker answered: 0 when it had none to take, or never started. */
  stampedByWorker = 0;
  private worker?: Worker;
  private workerEnded?: Promise<void>;

  /**
   * Starts the worker (when the list is long enough, or `worker` says so; never for paths
   * that would not survive being sent as lines); the stamps are taken by all().
   */
  constructor(private readonly root: string, private readonly paths: readonly string[], worker = paths.length >= MIN_FILES_FOR_WORKER, private readonly kind: StampKind = 'inode') {
    this.fileOf = fileUnder(root);
    this.stamp = STAMPERS[kind];
    this.stamps = new Array<string | undefined>(paths.length);
    this.filled = new Array<boolean>(Math.ceil(paths.length / STAMP_CHUNK)).fill(false);
    if (worker && paths.length > 0 && !paths.some((path) => path.includes('\n'))) this.startWorker();
  }

  private startWorker(): void {
    const work: StampWork = { root: this.root, kind: this.kind, paths: this.paths.join('\n'), next: this.next.buffer as SharedArrayBuffer, chunk: STAMP_CHUNK };
    const worker: Worker = typescriptWorker(STAMP_WORKER, { workerData: work });
    this.worker = worker;
    this.workerEnded = new Promise((resolve) => {
      worker.on('message', (answer: StampAnswer) => {
        if ('done' in answer) { void worker.terminate(); return; }
        answer.stamps.split('\n').forEach((stamp, offset) => { this.stamps[answer.first + offset] = stamp === '' ? undefined : stamp; });
        this.filled[answer.first / STAMP_CHUNK] = true;
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

  /** Every file's stamp, in the list's order (undefined: not a regular file, or missing). */
  async all(): Promise<(string | undefined)[]> {
    for (let first = claimChunk(this.next, STAMP_CHUNK, this.paths.length); first !== undefined; first = claimChunk(this.next, STAMP_CHUNK, this.paths.length)) {
      this.stampHere(first);
    }
    // Every chunk answered: a worker still starting has nothing left to do.
    if (this.filled.every(Boolean)) void this.worker?.terminate();
    else await this.workerEnded;
    this.filled.forEach((done, chunk) => { if (!done) this.stampHere(chunk * STAMP_CHUNK); });
    return this.stamps;
  }
}
