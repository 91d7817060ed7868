// What a build knows of the files it put into the site: each file's render key, hash, size
// and stamp (build-state.ts keeps them), and the checks and records made of a site folder.
// A text file's precompressed copies (precompress.ts) are part of its record, as their stamps:
// at 100,000 articles they are half of the site's 475,000 files, and as records of their own
// they doubled every step that goes over the records (loading, checking, saving the state,
// the spare's bookkeeping). A stamp tells one intact; when its stamp moved (the project
// copied: every file has a new inode) the sum of its bytes recorded beside it does.

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
  /**
   * What each copy's bytes hash to (copySum), in the same order: what tells a copy whose stamp
   * moved (the project copied) still intact. Absent from the records of earlier builds, whose
   * copies are then made again when they move.
   */
  copySums?: string[];
}

/** A precompressed copy's sum: the first 128 bits of its SHA-256, hex (half a full one's size, in records every build loads and saves: at 100,000 articles, 237,000 copies). */
export function copySum(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, COPY_SUM_LENGTH);
}
const COPY_SUM_LENGTH = 32;

/** The suffix of a record's copy at this position (ENCODINGS' order): read when called, since precompress.ts imports this module too. */
const copySuffix = (position: number): string => (ENCODINGS[position] as (typeof ENCODINGS)[number]).suffix;

/** The record without its copies: its file intact, the copies beside it to be made again. */
export function withoutCopies(record: OutputRecord): OutputRecord {
  const { copies: _copies, copySums: _sums, ...own } = record;
  return own;
}

/** The record with these copies: their stamps and sums, in ENCODINGS' order. */
export function withCopies(record: OutputRecord, stamps: string[], sums: string[]): OutputRecord {
  return { ...withoutCopies(record), copies: stamps, copySums: sums };
}

/** Whether two records name the same copies (both none, or the same stamps). */
export function sameCopies(a: OutputRecord, b: OutputRecord): boolean {
  if (a.copies === b.copies) return true;
  if (!a.copies || !b.copies || a.copies.length !== b.copies.length) return false;
  return a.copies.every((stamp, position) => b.copies?.[position] === stamp);
}

/** The files of the site a record stands for: its own, then its copies'. */
export function filesOfRecord(path: string, record: OutputRecord): string[] {
  return record.copies ? [path, ...record.copies.map((_stamp, position) => `${path}${copySuffix(position)}`)] : [path];
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
      paths.push(`${path}${copySuffix(position)}`);
      stamps.push(stamp);
    });
  }
  return { paths, stamps };
}

/** Whether the records stand for this site file: a file of theirs, or a copy one of them names. */
export function recordsHaveFile(records: ReadonlyMap<string, OutputRecord>, file: string): boolean {
  if (records.has(file)) return true;
  const position = ENCODINGS.findIndex(({ suffix }) => file.endsWith(suffix));
  return position >= 0 && (records.get(file.slice(0, -copySuffix(position).length))?.copies?.length ?? 0) > position;
}

const posix = (path: string): string => path.split(sep).join('/');

/**
 * The records of the last build whose files are still in the site as it left them, given
 * the stamps of the files now, in siteFiles' order (stamps-in-parallel.ts takes them). A file
 * intact with a copy that is not keeps its record without the copies: they are made again.
 * A file or copy in `moved` (movedButIntact) is intact with the stamp it has now.
 */
export function intactOutputs(
  outputs: ReadonlyMap<string, OutputRecord>, stamps: readonly (string | undefined)[], moved?: ReadonlyMap<string, string>,
): Map<string, OutputRecord> {
  const intact = new Map<string, OutputRecord>();
  const isMoved = (file: string, stamp: string | undefined): boolean => stamp !== undefined && moved?.get(file) === stamp;
  let position = 0;
  for (const [path, record] of outputs) {
    const own = stamps[position++];
    let copiesIntact = true;
    let copiesNow: string[] | undefined;
    record.copies?.forEach((recorded, copy) => {
      const stamp = stamps[position++];
      if (stamp === recorded) return;
      if (isMoved(`${path}${copySuffix(copy)}`, stamp)) (copiesNow ??= [...(record.copies as string[])])[copy] = stamp as string;
      else copiesIntact = false;
    });
    const ownIntact = own === record.stamp || isMoved(path, own);
    if (!ownIntact) continue;
    const kept = !copiesIntact ? withoutCopies(record) : copiesNow ? { ...record, copies: copiesNow } : record;
    intact.set(path, own === record.stamp ? kept : { ...kept, stamp: own as string });
  }
  return intact;
}

/** Files whose stat moved read on a worker thread too, from this many: one takes about a quarter of a second to start, some 4,000 pages read and hashed. */
const MIN_MOVED_FOR_WORKER = 8_000;

/** The size a stamp (inodeStamp: size:mtime:inode) says. */
const sizeOfStamp = (stamp: string): string => stamp.slice(0, stamp.indexOf(':'));

/**
 * The site files (and copies) whose stamp is not the recorded one but whose bytes are (their
 * size, then their hash), each with its stamp now. A copied project, or a build cache
 * restored on another machine, has every file of the site under a new inode: without this
 * every page was rendered again (121,200 of them, 11 minutes, at 100,000 articles), where
 * reading and hashing them costs seconds. A copy is looked at only when its record has its
 * sum (copySums): else it is made again (intactOutputs drops it).
 */
export async function movedButIntact(
  siteDir: string, outputs: ReadonlyMap<string, OutputRecord>, stamps: readonly (string | undefined)[],
): Promise<Map<string, string>> {
  const files: string[] = [];
  const stampsNow: string[] = [];
  const expected: string[] = [];
  const consider = (file: string, now: string | undefined, recorded: string, sum: string | undefined): void => {
    if (now === undefined || now === recorded || (sum?.length ?? 0) < COPY_SUM_LENGTH || sizeOfStamp(now) !== sizeOfStamp(recorded)) return;
    files.push(file);
    stampsNow.push(now);
    expected.push(sum as string);
  };
  let position = 0;
  for (const [path, record] of outputs) {
    consider(path, stamps[position++], record.stamp, record.sha256);
    record.copies?.forEach((recorded, copy) => consider(`${path}${copySuffix(copy)}`, stamps[position++], recorded, record.copySums?.[copy]));
  }
  const moved = new Map<string, string>();
  if (files.length === 0) return moved;
  const sums = await new StampsInParallel(siteDir, files, files.length >= MIN_MOVED_FOR_WORKER, 'sha256').all();
  files.forEach((file, at) => {
    const sum = expected[at] as string;
    // A copy's sum is the start of its SHA-256 (copySum).
    if (sums[at]?.slice(0, sum.length) === sum) moved.set(file, stampsNow[at] as string);
  });
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
