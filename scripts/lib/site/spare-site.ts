// Two site trees flipped: the site a build replaces is kept in the build cache as the spare,
// and the next build updates that spare (only the files that differ from what it is to hold)
// and swaps it in, rather than making a new folder and a link for every unchanged file
// (at 100,000 articles: 110,000 folders and 230,000 links, most of a publish's time).
// Unchanged files of the two trees are hard links to one file (nothing writes into a file of
// a site in place), so the spare costs little disk. Never trusted blindly: a spare file that
// is a link to a live file counts only when the live file is intact (the spare's entry for it
// is not looked at again: that would be a stat per file of the archive, and only a hand in
// the cache's own folder replaces it); any other spare file only when its stamp is the one
// recorded; anything else is removed from it first. A replaced site that is mostly not the
// new one (a layout changed: every page rendered) is not kept: a spare of the new site's own
// files is made in its place, so that the publish after it costs what it changes.

import { randomBytes } from 'node:crypto';
import { linkSync, readdirSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { filesOfRecord, sameCopies, siteFiles, withoutCopies, type OutputRecord } from './site-records.ts';
import { ENCODINGS, isCompressible } from './precompress.ts';
import { inodeStamp } from '../fs/file-stamp.ts';
import { removeFile } from '../fs/remove-file.ts';
import { walkFilesSync } from '../fs/walk-files.ts';
import { discard, linkUnchanged, makeFolder } from './site-folders.ts';

/**
 * The site before the live one, kept to be updated by the next build: its folder's id and
 * the records where its files differ from the live site's (null: it has no such file).
 */
export interface SpareState {
  id: string;
  differs: [string, OutputRecord | null][];
}

const SPARE_PREFIX = 'spare-';
const posix = (path: string): string => path.split(sep).join('/');

/**
 * A spare not worth updating: when more of its files are in doubt than this share of them,
 * removing them costs about what a new folder does.
 */
const MOST_IN_DOUBT = 0.25;

export const newSpareId = (): string => randomBytes(8).toString('hex');

/**
 * Moves the state's spare to `staging` (beside the live site) and returns the records of
 * the files it holds, each checked; the files in doubt are removed from it. Undefined when
 * there is no spare worth using (no staging folder is made then). Any other spare folder in
 * the cache (a killed build's) is thrown away.
 */
export async function takeSpare(
  cacheDir: string, trash: string, spare: SpareState | undefined, staging: string,
  live: { records: ReadonlyMap<string, OutputRecord>; intact: ReadonlyMap<string, OutputRecord> },
): Promise<Map<string, OutputRecord> | undefined> {
  const wanted = spare ? `${SPARE_PREFIX}${spare.id}` : undefined;
  let found = false;
  for (const name of readdirSync(cacheDir).filter((entry) => entry.startsWith(SPARE_PREFIX))) {
    if (name === wanted) found = true;
    else await discard(join(cacheDir, name), trash);
  }
  if (!spare || !found) return undefined;
  try {
    renameSync(join(cacheDir, wanted as string), staging);
  } catch {
    // Another file system (the output elsewhere): a new folder each build, as without a spare.
    await discard(join(cacheDir, wanted as string), trash);
    return undefined;
  }
  const differs = new Map(spare.differs);
  const records = new Map<string, OutputRecord>();
  const doubtful: string[] = [];
  for (const [path, record] of live.records) {
    if (differs.has(path)) continue;
    // The same file as the live one, its copies too: as intact as that is.
    const intact = live.intact.get(path);
    if (intact?.stamp === record.stamp) records.set(path, intact);
    // The live file intact under a new stamp (the project copied with its hard links, as
    // `cp -a` and tar do): the spare's is still that file when it has that stamp too.
    else if (intact && sameFilesIn(staging, path, intact)) records.set(path, intact);
    else doubtful.push(path);
  }
  for (const [path, record] of differs) {
    if (record === null) continue;
    if (inodeStamp(join(staging, path)) !== record.stamp) doubtful.push(path);
    else if (record.copies?.some((stamp, position) => inodeStamp(join(staging, `${path}${ENCODINGS[position]?.suffix}`)) !== stamp)) records.set(path, withoutCopies(record));
    else records.set(path, record);
  }
  if (doubtful.length > MOST_IN_DOUBT * (records.size + doubtful.length)) {
    await discard(staging, trash);
    return undefined;
  }
  for (const path of doubtful) removeFromTree(staging, path);
  return records;
}

/** Whether a tree's file and copies are the ones a record stands for (their stamps). */
function sameFilesIn(tree: string, path: string, record: OutputRecord): boolean {
  const { paths, stamps } = siteFiles([[path, record]]);
  return paths.every((file, position) => inodeStamp(join(tree, file)) === stamps[position]);
}

/** Removes a file of a tree with its copies, and the folders it leaves empty (a clean build has none). */
function removeFromTree(tree: string, path: string): void {
  removeFile(join(tree, path));
  if (isCompressible(path)) for (const { suffix } of ENCODINGS) removeFile(join(tree, `${path}${suffix}`));
  for (let folder = dirname(join(tree, path)); folder !== tree && folder.startsWith(tree); folder = dirname(folder)) {
    try { rmdirSync(folder); } catch { return; }
  }
}

/**
 * Brings the spare up to this build's pages: the rendered files (pages and the copied
 * assets) are moved in from `rendered`, and each unchanged page that is not already the
 * live site's file is linked from it. Returns the files moved in, site-relative.
 */
export function updateSpare(
  spareDir: string, rendered: string, liveDir: string,
  unchanged: readonly { path: string; record: OutputRecord }[], spareRecords: ReadonlyMap<string, OutputRecord>,
): string[] {
  const folders = new Set<string>();
  const moved: string[] = [];
  for (const file of walkFilesSync(rendered)) {
    const path = relative(rendered, file);
    const target = join(spareDir, path);
    makeFolder(dirname(target), folders);
    // Unlinked first: renaming over a file costs more on ext4 (about 15% more CPU, measured
    // with 8,000 files), and no reader sees this tree (remove-file.ts, createReplacing).
    removeFile(target);
    renameSync(file, target);
    moved.push(posix(path));
  }
  rmSync(rendered, { recursive: true, force: true });
  for (const { path, record } of unchanged) {
    if (spareRecords.get(path)?.stamp === record.stamp) continue;
    const target = join(spareDir, path);
    removeFile(target);
    makeFolder(dirname(target), folders);
    linkSync(join(liveDir, path), target);
  }
  return moved;
}

/** Removes from the updated spare the files it held that this build's site does not have. */
export function dropStale(spareDir: string, spareRecords: ReadonlyMap<string, OutputRecord>, outputs: ReadonlyMap<string, OutputRecord>): void {
  for (const path of spareRecords.keys()) if (!outputs.has(path)) removeFromTree(spareDir, path);
}

/**
 * A replaced site that differs from the new one in more than `share` of the new site's
 * records, and in more than `from` of them, is not kept: a spare made of the new site
 * takes its place (spareOfLive). After a layout change every page differs, and the publish
 * after it paid for bringing such a spare up to date, a file at a time: at 100,000 articles
 * 125 s instead of 15 (120,000 pages linked, every copy and index file replaced). The build
 * that changed them all pays a link per file instead (27 s there), a small part of rendering
 * every page. Below `from` records the update costs a publish a fraction of a second,
 * and a small site's spare is kept as it is.
 */
export const SPARE_RENEWAL = { share: 0.25, from: 1_000 } as const;

/**
 * Keeps the site a build replaced as the spare, and returns what the state says of it: the
 * records where it differs from the new live site (in `liveDir`). `records` are what it holds
 * (its files that were not intact are recorded as in doubt). A file added to the site behind
 * the build, at its top or one folder down, is removed from it; undefined when it cannot be
 * kept. When it differs in most of its files, a spare of the live site is made instead.
 */
export async function keepAsSpare(
  replaced: string, liveDir: string, cacheDir: string, trash: string,
  records: ReadonlyMap<string, OutputRecord>, doubtful: ReadonlySet<string>, outputs: ReadonlyMap<string, OutputRecord>,
  expected: ReadonlyMap<string, ReadonlySet<string>> = namesOfRecords(records),
): Promise<SpareState | undefined> {
  const differs: [string, OutputRecord | null][] = [];
  const inDoubt: OutputRecord = { key: '', sha256: '', bytes: -1, stamp: '' };
  for (const path of doubtful) differs.push([path, inDoubt]);
  for (const [path, record] of records) {
    const now = outputs.get(path);
    if (!now || now.stamp !== record.stamp || now.sha256 !== record.sha256 || !sameCopies(now, record)) differs.push([path, record]);
  }
  for (const path of outputs.keys()) if (!records.has(path) && !doubtful.has(path)) differs.push([path, null]);
  if (differs.length > Math.max(SPARE_RENEWAL.from, SPARE_RENEWAL.share * outputs.size)) {
    // The links first: the replaced tree's removal (in the background) would compete with them for the disk.
    const renewed = await spareOfLive(liveDir, cacheDir, trash, outputs);
    await discard(replaced, trash);
    return renewed;
  }
  const id = newSpareId();
  const spareDir = join(cacheDir, `${SPARE_PREFIX}${id}`);
  try {
    renameSync(replaced, spareDir);
  } catch {
    await discard(replaced, trash);
    return undefined;
  }
  for (const [folder, names] of expected) {
    let entries: string[] = [];
    try { entries = readdirSync(join(spareDir, folder)); } catch { continue; }
    for (const name of entries) if (!names.has(name)) rmSync(join(spareDir, folder, name), { recursive: true, force: true });
  }
  return { id, differs: differs.map(([path, record]) => [posix(path), record]) };
}

/**
 * The names a site of these records has at its top ('') and one folder down, by folder:
 * what keepAsSpare keeps of a replaced site. A function of the records alone, which a build
 * knows long before its site replaces the other (it makes them while Pagefind indexes).
 */
export function namesOfRecords(records: ReadonlyMap<string, OutputRecord>): Map<string, Set<string>> {
  // By offsets, not split('/'): a 100,000-article site has 475,000 records, and splitting
  // each made an array of its parts.
  const top = new Set<string>();
  const expected = new Map<string, Set<string>>([['', top]]);
  for (const [path, record] of records) {
    const slash = path.indexOf('/');
    if (slash < 0) {
      for (const file of filesOfRecord(path, record)) top.add(file);
      continue;
    }
    const first = path.slice(0, slash);
    let below = expected.get(first);
    if (!below) {
      expected.set(first, below = new Set());
      top.add(first);
    }
    const next = path.indexOf('/', slash + 1);
    if (next >= 0) below.add(path.slice(slash + 1, next));
    else for (const file of filesOfRecord(path.slice(slash + 1), record)) below.add(file);
  }
  return expected;
}

/**
 * A spare made of the live site itself, for a build that replaced no site it could keep (the
 * first build, a clean one): every file hard-linked into the cache, so that the next build,
 * a publish, updates it rather than making a folder and a link for every unchanged page and
 * copy. What a clean build pays for this once (a link per file) the publish after it would
 * pay otherwise. Undefined when it cannot be made (the cache on another file system).
 */
export async function spareOfLive(liveDir: string, cacheDir: string, trash: string, outputs: ReadonlyMap<string, OutputRecord>): Promise<SpareState | undefined> {
  const id = newSpareId();
  const spareDir = join(cacheDir, `${SPARE_PREFIX}${id}`);
  try {
    linkUnchanged(liveDir, spareDir, siteFiles(outputs).paths);
  } catch {
    await discard(spareDir, trash).catch(() => undefined);
    return undefined;
  }
  return { id, differs: [] };
}
