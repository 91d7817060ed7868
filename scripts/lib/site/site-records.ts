// What a build knows of the files it put into the site: each file's render key, hash, size
// and stamp (build-state.ts keeps them), and the checks and records made of a site folder.
// A text file's precompressed copies (precompress.ts) are part of its record, as their stamps:
// at 100,000 articles they are half of the site's 475,000 files, and as records of their own
// they doubled every step that goes over the records (loading, checking, saving the state,
// the spare's bookkeeping). Their bytes follow from the file's (its sha256), so a stamp is
// all that tells one intact.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { ARCHIVE_PARTS_DIR } from '../../../assets/js/cache-names.ts';
import { inodeStamp } from '../fs/file-stamp.ts';
import { StampsInParallel } from '../fs/stamps-in-parallel.ts';
import { ENCODINGS, isPrecompressedCopy } from './precompress.ts';
import { walkFilesSync } from '../fs/walk-files.ts';

/** A file the build put into the site (build-state.ts keeps them between builds). */
export interface OutputRecord {
  /** The render key of a page ('' for files the search step or the asset copy wrote). */
  key: string;
  sha256: string;
  bytes: number;
  /** size:mtime:inode of the file in the site as the build left it. */
  stamp: string;
  /**
   * The stamps of its precompressed copies, in ENCODINGS' order (`path.br`, `path.gz`), once
   * the build made them: a record without is of a file whose copies are to be made (or that
   * has none), and one whose copies are not intact loses them (intactOutputs).
   */
  copies?: string[];
}

const COPY_SUFFIXES = ENCODINGS.map(({ suffix }) => suffix);

/** The record without its copies: its file intact, the copies beside it to be made again. */
export function withoutCopies(record: OutputRecord): OutputRecord {
  const { copies: _copies, ...own } = record;
  return own;
}

/** Whether two records name the same copies (both none, or the same stamps). */
export function sameCopies(a: OutputRecord, b: OutputRecord): boolean {
  if (a.copies === b.copies) return true;
  if (!a.copies || !b.copies || a.copies.length !== b.copies.length) return false;
  return a.copies.every((stamp, position) => b.copies?.[position] === stamp);
}

/** The files of the site a record stands for: its own, then its copies'. */
export function filesOfRecord(path: string, record: OutputRecord): string[] {
  return record.copies ? [path, ...record.copies.map((_stamp, position) => `${path}${COPY_SUFFIXES[position]}`)] : [path];
}

/**
 * Every file the records stand for, and the stamp each was left with, in the records' order
 * (each file, then its copies): what the site's files are checked against.
 */
export function siteFiles(records: Iterable<readonly [string, OutputRecord]>): { paths: string[]; stamps: string[] } {
  const paths: string[] = [];
  const stamps: string[] = [];
  for (const [path, record] of records) {
    paths.push(path);
    stamps.push(record.stamp);
    if (!record.copies) continue;
    record.copies.forEach((stamp, position) => {
      paths.push(`${path}${COPY_SUFFIXES[position]}`);
      stamps.push(stamp);
    });
  }
  return { paths, stamps };
}

/** Whether the records stand for this site file: a file of theirs, or a copy one of them names. */
export function recordsHaveFile(records: ReadonlyMap<string, OutputRecord>, file: string): boolean {
  if (records.has(file)) return true;
  const position = COPY_SUFFIXES.findIndex((suffix) => file.endsWith(suffix));
  return position >= 0 && (records.get(file.slice(0, -(COPY_SUFFIXES[position] as string).length))?.copies?.length ?? 0) > position;
}

const posix = (path: string): string => path.split(sep).join('/');

/**
 * The records of the last build whose files are still in the site as it left them, given
 * the stamps of the files now, in siteFiles' order (stamps-in-parallel.ts takes them). A file
 * intact with a copy that is not keeps its record without the copies: they are made again.
 * A file in `moved` (movedButIntact) is intact with the stamp it has now.
 */
export function intactOutputs(
  outputs: ReadonlyMap<string, OutputRecord>, stamps: readonly (string | undefined)[], moved?: ReadonlyMap<string, string>,
): Map<string, OutputRecord> {
  const intact = new Map<string, OutputRecord>();
  let position = 0;
  for (const [path, record] of outputs) {
    const own = stamps[position++];
    let copiesIntact = true;
    for (const stamp of record.copies ?? []) if (stamps[position++] !== stamp) copiesIntact = false;
    const kept = copiesIntact ? record : withoutCopies(record);
    if (own === record.stamp) intact.set(path, kept);
    else if (own !== undefined && moved?.get(path) === own) intact.set(path, { ...kept, stamp: own });
  }
  return intact;
}

/** Files whose stat moved read on a worker thread too, from this many: one takes about a quarter of a second to start, some 4,000 pages read and hashed. */
const MIN_MOVED_FOR_WORKER = 8_000;

/**
 * The site files whose stamp is not the recorded one but whose bytes are (their size, then
 * their SHA-256), each with its stamp now. A copied project, or a build cache restored on
 * another machine, has every file of the site under a new inode: without this every page
 * was rendered again (121,200 of them, 11 minutes, at 100,000 articles), where reading and
 * hashing them costs seconds. The copies are not looked at: their records hold no hash, so
 * a copy that moved is made again (intactOutputs drops it).
 */
export async function movedButIntact(
  siteDir: string, outputs: ReadonlyMap<string, OutputRecord>, stamps: readonly (string | undefined)[],
): Promise<Map<string, string>> {
  const paths: string[] = [];
  const stampsNow: string[] = [];
  let position = 0;
  for (const [path, record] of outputs) {
    const own = stamps[position];
    position += 1 + (record.copies?.length ?? 0);
    if (own === undefined || own === record.stamp || !own.startsWith(`${record.bytes}:`)) continue;
    paths.push(path);
    stampsNow.push(own);
  }
  const moved = new Map<string, string>();
  if (paths.length === 0) return moved;
  const sums = await new StampsInParallel(siteDir, paths, paths.length >= MIN_MOVED_FOR_WORKER, 'sha256').all();
  paths.forEach((path, at) => { if (sums[at] === outputs.get(path)?.sha256) moved.set(path, stampsNow[at] as string); });
  return moved;
}

/**
 * Hashes of the files a step wrote, for the state and the search step. A file whose stamp is
 * one the last build recorded (a link to the same inode, untouched) is not read again.
 */
export function recordFiles(
  siteDir: string, paths: Iterable<string>, keyOf: (path: string) => string, records: Map<string, OutputRecord>,
  known?: ReadonlyMap<string, OutputRecord>, hashed?: ReadonlyMap<string, { sha256: string; bytes: number }>,
): void {
  for (const path of paths) {
    const stamp = inodeStamp(join(siteDir, path)) ?? '';
    const record = known?.get(path);
    if (record && record.stamp === stamp && record.key === keyOf(path)) { records.set(path, record); continue; }
    const hash = hashed?.get(path);
    if (hash) { records.set(path, { key: keyOf(path), ...hash, stamp }); continue; }
    const bytes = readFileSync(join(siteDir, path));
    records.set(path, { key: keyOf(path), sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length, stamp });
  }
}

/** The files the search step and the asset copy own: everything outside the planned pages. */
export function filesOutsidePages(siteDir: string, pages: ReadonlySet<string>): string[] {
  // Pages are planned; what else there is sits at the root or in these folders.
  const files = readdirSync(siteDir, { withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name);
  for (const folder of ['pagefind', 'assets', ARCHIVE_PARTS_DIR]) {
    for (const file of walkFilesSync(join(siteDir, folder))) files.push(posix(relative(siteDir, file)));
  }
  // Copies are their file's (precompress.ts): the pages' may be being made meanwhile.
  return files.filter((path) => !pages.has(path) && !isPrecompressedCopy(path)).sort();
}
