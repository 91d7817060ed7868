// What a build leaves for the next one, in the build cache: the fingerprint it was made
// with, every file it put into the site (with the render key it came from, its hash and its
// stat), a digest of the article files' stats, what "now" meant for its output and what the
// spare site in the cache holds (spare-site.ts, as its differences from the live one) — in
// state.json, read by every build that has something to do — and what it knew of every
// article file, in one file per folder of articles under articles/ (a publish rewrites only
// the folders it changed: one file of 100,000 entries was 120 MB to serialise, hash and write
// each time). The site's records are kept the same way: a base file (outputs-….json) written
// whole only now and then, and in state.json the records that differ from it; at 100,000
// articles the base is 96 MB of 475,000 records, and serialising, hashing and writing it was
// 2.5 s of every publish. Never trusted blindly: each file carries its own checksum and format
// number, state.json names the checksum of each file it goes with (an articles file that does
// not match is read again from the articles; a base that does not match is no state), and a
// state.json written by another version, truncated or half-written reads as "no state" (with
// the reason): the next build starts clean. Beside it, unchanged.json holds what tells a build
// that nothing changed without reading state.json or the base (it lists the site's files as
// what differs from the base's paths, kept in a file of their own, a fifth of the base's
// size), and names the state.json it goes with by its stamp: it is removed before state.json
// is replaced and written after, so it never speaks for another state.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { writeFileAtomic } from '../fs/atomic-write.ts';
import { encodeChecked, readChecked, readCheckedBytes } from '../fs/checked-file.ts';
import { inodeStamp } from '../fs/file-stamp.ts';
import { stampsDigest } from '../fs/stamp-chunks.ts';
import type { ArticleFileEntry } from '../site/article-source.ts';
import type { NowDependence } from '../site/now-dependence.ts';
import { recordsHaveFile, siteFiles, type OutputRecord } from '../site/site-records.ts';
import type { SpareState } from '../site/spare-site.ts';

/** Bump when the meaning of anything state.json, its base or unchanged.json stores changes. */
const FORMAT = 4;
/**
 * The same for the articles files. Since format 3 they are in V8's serialisation, not JSON:
 * their front matter is Arabic, and decoding 100 MB of it from UTF-8 and parsing it took
 * 1.0–1.3 s of every build at 100,000 articles, against 0.4 s to deserialise. It is read
 * only under the code that wrote it (a state of the same fingerprint, which names the Node
 * release), and a file it cannot read gives no entries: its articles are read again.
 */
const ARTICLES_FORMAT = 3;
/** The one articles.json of states before the per-folder files, JSON at format 2: still read, never written. */
const ARTICLES_FILE_FORMAT = 2;
const STATE_FILE = 'state.json';
const OUTPUTS_PREFIX = 'outputs-';
/**
 * The base is written whole again when more of the site's records than this share differ
 * from it, so state.json stays under a tenth of its size. A publish of 20 into a
 * 100,000-article site changes about 1,600 of 475,000 records (370 KB of state.json): the
 * base is rewritten once in some 30 such publishes.
 */
const REWRITE_BASE_AT = 0.1;
/** One file for all the articles, as states before the per-folder files named it: still read, never written. */
const ARTICLES_FILE = 'articles.json';
const ARTICLES_FOLDER = 'articles';
const CHECK_FILE = 'unchanged.json';

export interface BuildState {
  /** The pages' fingerprint (build-fingerprint.ts and the navigation). */
  fingerprint: string;
  /** The assets' fingerprint: a changed asset is copied again, no page is rendered for it. */
  assets: string;
  /** What the build knew of each article file; undefined until loaded (loadArticleEntries). */
  articles?: Map<string, ArticleFileEntry>;
  /** articleStampsDigest of the article files' stamps. */
  articlesDigest: string;
  outputs: Map<string, OutputRecord>;
  /** The records of the base file the stored outputs are told against (not stored in it: read from it). */
  outputsBase?: OutputsBase;
  now: NowDependence;
  /**
   * articleEntriesFingerprint of the code that made its article entries: they are read under
   * another fingerprint (a layout changed) when this is the same.
   */
  entriesFingerprint?: string;
  /** The checksum of the articles.json written with this state (states of an earlier build). */
  articlesChecksum?: string;
  /** The checksum of each articles file written with this state, by the folder of articles it holds. */
  articleFiles?: Record<string, string>;
  /** The spare site kept in the cache (spare-site.ts), when there is one. */
  spare?: SpareState;
}

/** The base file of the site's records: its checksum, and its records in its order. */
export interface OutputsBase {
  sum: string;
  records: ReadonlyMap<string, OutputRecord>;
}

export type LoadedState = { state: BuildState } | { state: undefined; reason?: string };

interface StoredState {
  format: number;
  fingerprint: string;
  assets: string;
  articlesDigest: string;
  /** The checksum of the base file of the site's records. */
  outputsBase: string;
  /** The records that differ from the base's, in order: null for a file the base has and the site has not. */
  outputsChanged: [string, OutputRecord | null][];
  now: NowDependence;
  /** Absent from a state written before it was kept: its entries are then read only under its own fingerprint. */
  entriesFingerprint?: string;
  articlesChecksum?: string;
  articleFiles?: Record<string, string>;
  /** Absent from a state written before spares were kept: then there is none. */
  spare?: SpareState;
}

function isSpareState(value: unknown): value is SpareState {
  const spare = value as Partial<SpareState> | undefined;
  return typeof spare === 'object' && spare !== null && typeof spare.id === 'string' && /^[0-9a-f]{16}$/.test(spare.id) && Array.isArray(spare.differs);
}

/** Reads state.json; a missing file is no state, a damaged one is no state with a reason. */
export function loadBuildState(cacheDir: string): LoadedState {
  const file = join(cacheDir, STATE_FILE);
  const read = readChecked(file);
  if (!('body' in read)) return { state: undefined, reason: read.reason };
  let stored: StoredState;
  try {
    stored = JSON.parse(read.body) as StoredState;
  } catch {
    return { state: undefined, reason: `${file} is damaged (not JSON)` };
  }
  if (stored.format !== FORMAT) return { state: undefined, reason: `${file} was written by another version of the build` };
  const base = readOutputsBase(cacheDir, stored.outputsBase);
  if ('reason' in base) return { state: undefined, reason: base.reason };
  if (!Array.isArray(stored.outputsChanged)) return { state: undefined, reason: `${file} is damaged (no records)` };
  const outputs = new Map(base.records);
  for (const [path, record] of stored.outputsChanged) {
    if (record) outputs.set(path, record);
    else outputs.delete(path);
  }
  return {
    state: {
      fingerprint: stored.fingerprint, assets: stored.assets, articlesDigest: stored.articlesDigest,
      outputs, outputsBase: base, now: stored.now, articlesChecksum: stored.articlesChecksum,
      ...(typeof stored.entriesFingerprint === 'string' ? { entriesFingerprint: stored.entriesFingerprint } : {}),
      ...(isChecksums(stored.articleFiles) ? { articleFiles: stored.articleFiles } : {}),
      ...(isSpareState(stored.spare) ? { spare: stored.spare } : {}),
    },
  };
}

const outputsFile = (cacheDir: string, sum: string): string => join(cacheDir, `${OUTPUTS_PREFIX}${sum.slice(0, 24)}.json`);
/** The base's files (siteFiles) in its order, for the check (a fifth of the base's size, and all a build that finds nothing changed needs of it). */
const pathsFile = (cacheDir: string, sum: string): string => join(cacheDir, `${OUTPUTS_PREFIX}${sum.slice(0, 24)}.paths.json`);

function readBasePaths(cacheDir: string, sum: string): string[] | undefined {
  const read = readChecked(pathsFile(cacheDir, sum));
  if (!('body' in read)) return undefined;
  try {
    const stored = JSON.parse(read.body) as { format: number; base: string; paths: string[] };
    return stored.format === FORMAT && stored.base === sum && Array.isArray(stored.paths) ? stored.paths : undefined;
  } catch {
    return undefined;
  }
}

/** The base file a state names; a reason when it is missing, damaged or not the one named. */
function readOutputsBase(cacheDir: string, sum: unknown): OutputsBase | { reason: string } {
  const file = outputsFile(cacheDir, String(sum));
  const read = readChecked(file);
  if (!('body' in read)) return { reason: read.reason ?? `${file} is missing` };
  if (read.sum !== sum) return { reason: `${file} is not the one state.json names` };
  try {
    const stored = JSON.parse(read.body) as { format: number; outputs: [string, OutputRecord][] };
    if (stored.format !== FORMAT || !Array.isArray(stored.outputs)) return { reason: `${file} was written by another version of the build` };
    return { sum: read.sum, records: new Map(stored.outputs) };
  } catch {
    return { reason: `${file} is damaged (not JSON)` };
  }
}

/**
 * The records of the outputs that differ from the base's (null: a file only the base has),
 * and the order a build reading them back will have them in: the base's, less what is gone,
 * then what it had not, in the outputs' order.
 */
function changesFrom(base: OutputsBase, outputs: ReadonlyMap<string, OutputRecord>): { changed: [string, OutputRecord | null][]; order: string[] } {
  const changed: [string, OutputRecord | null][] = [];
  const order: string[] = [];
  for (const [path, record] of base.records) {
    const now = outputs.get(path);
    if (now === undefined) changed.push([path, null]);
    else {
      order.push(path);
      if (now !== record) changed.push([path, now]);
    }
  }
  for (const [path, record] of outputs) {
    if (!base.records.has(path)) {
      changed.push([path, record]);
      order.push(path);
    }
  }
  return { changed, order };
}

/** What tells a build that nothing changed, without reading state.json: the state's own facts, digested. */
export interface UnchangedCheck {
  fingerprint: string;
  assets: string;
  now: NowDependence;
  /** The site files the state records (siteFiles: each file, then its copies), in its order. */
  files: string[];
  /** stampsDigest of their recorded stamps, in that order. */
  filesDigest: string;
  /** articleStampsDigest of the article files' stamps. */
  articlesDigest: string;
  /** How many of the files are planned pages (records with a render key). */
  pages: number;
}

/**
 * As unchanged.json stores it: the files in full, or as the paths of the state's base (in its
 * paths file, written with it) less `removed`, then `added` — the order a state read back has.
 */
interface StoredCheck extends Omit<UnchangedCheck, 'files'> {
  format: number;
  /** The stamp of the state.json it was written with. */
  state: string;
  files?: string[];
  base?: string;
  removed?: string[];
  added?: string[];
}

/** A digest of article stamps by path, in the map's order (the order the folder is walked in). */
export function articleStampsDigest(stamps: ReadonlyMap<string, string>): string {
  const hash = createHash('sha256');
  for (const [path, stamp] of stamps) hash.update(`${path}\t${stamp}\n`);
  return hash.digest('hex');
}

/** The check written with the state.json the cache holds now; undefined when there is none that is its. */
export function loadUnchangedCheck(cacheDir: string): UnchangedCheck | undefined {
  const read = readChecked(join(cacheDir, CHECK_FILE));
  if (!('body' in read)) return undefined;
  try {
    const stored = JSON.parse(read.body) as StoredCheck;
    if (stored.format !== FORMAT || stored.state !== inodeStamp(join(cacheDir, STATE_FILE))) return undefined;
    const { format: _format, state: _state, files, base, removed, added, ...check } = stored;
    if (Array.isArray(files)) return { ...check, files };
    if (!Array.isArray(removed) || !Array.isArray(added)) return undefined;
    const paths = readBasePaths(cacheDir, String(base));
    if (!paths) return undefined;
    const gone = new Set(removed);
    return { ...check, files: [...paths.filter((path) => !gone.has(path)), ...added] };
  } catch {
    return undefined;
  }
}

/** Forgets the state (and its check): the next build starts clean. */
export function forgetBuildState(cacheDir: string): void {
  rmSync(join(cacheDir, CHECK_FILE), { force: true });
  rmSync(join(cacheDir, STATE_FILE), { force: true });
}

/** The folder of articles an entry's file is in: which articles file holds it. */
const folderOf = (path: string): string => path.slice(0, Math.max(0, path.lastIndexOf('/')));
const articlesFile = (cacheDir: string, folder: string): string =>
  join(cacheDir, ARTICLES_FOLDER, `${createHash('sha256').update(folder).digest('hex').slice(0, 24)}.json`);

function isChecksums(value: unknown): value is Record<string, string> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((sum) => typeof sum === 'string');
}

/** The entries of one checked articles file; none when it is missing, damaged or another's. */
function readEntries(file: string, sum: string | undefined, folder?: string): [string, ArticleFileEntry][] {
  const read = readCheckedBytes(file);
  if (!('body' in read) || read.sum !== sum) return [];
  // A folder's file (serialised), or the one articles.json of older states (JSON).
  const [decode, format] = folder === undefined
    ? [(body: Buffer): unknown => JSON.parse(body.toString('utf8')), ARTICLES_FILE_FORMAT]
    : [deserialize, ARTICLES_FORMAT];
  try {
    const stored = decode(read.body) as { format: number; folder?: string; entries: [string, ArticleFileEntry][] };
    return stored.format === format && stored.folder === folder && Array.isArray(stored.entries) ? stored.entries : [];
  } catch {
    return [];
  }
}

/**
 * The article entries written with this state. A file that is missing, damaged or another's
 * gives none: its articles are read again.
 */
export function loadArticleEntries(cacheDir: string, state: BuildState): Map<string, ArticleFileEntry> {
  if (state.articles) return state.articles;
  if (!state.articleFiles) return new Map(readEntries(join(cacheDir, ARTICLES_FILE), state.articlesChecksum));
  const entries = new Map<string, ArticleFileEntry>();
  for (const [folder, sum] of Object.entries(state.articleFiles)) {
    for (const [path, entry] of readEntries(articlesFile(cacheDir, folder), sum, folder)) if (folderOf(path) === folder) entries.set(path, entry);
  }
  return entries;
}

/** What the last state's articles files held, as loaded: an entry object that is the same one now is unchanged. */
export interface SavedArticles {
  entries: ReadonlyMap<string, ArticleFileEntry>;
  files?: Record<string, string>;
}

/**
 * The articles files a save of these entries writes: for each folder, the sum of the file
 * `previous` has when its entries are the very ones loaded from it, else the new file's sum
 * and bytes. Made beforehand by a build with the time (while Pagefind indexes: at 100,000
 * articles this is a tenth of a second and more), or by saveBuildState.
 */
export interface ArticleFilesToSave {
  /** The entries they are of. */
  entries: ReadonlyMap<string, ArticleFileEntry>;
  files: Map<string, { sum: string; bytes?: Buffer }>;
}

export function articleFilesToSave(entries: ReadonlyMap<string, ArticleFileEntry>, previous?: SavedArticles): ArticleFilesToSave {
  const byFolder = new Map<string, [string, ArticleFileEntry][]>();
  for (const [path, entry] of entries) {
    const folder = folderOf(path);
    let list = byFolder.get(folder);
    if (!list) byFolder.set(folder, list = []);
    list.push([path, entry]);
  }
  const before = new Map<string, number>();
  for (const path of previous?.entries.keys() ?? []) before.set(folderOf(path), (before.get(folderOf(path)) ?? 0) + 1);
  const files = new Map<string, { sum: string; bytes?: Buffer }>();
  for (const [folder, list] of byFolder) {
    const kept = previous?.files?.[folder];
    if (kept !== undefined && before.get(folder) === list.length && list.every(([path, entry]) => previous?.entries.get(path) === entry)) {
      files.set(folder, { sum: kept });
      continue;
    }
    files.set(folder, encodeChecked(serialize({ format: ARTICLES_FORMAT, folder, entries: list })));
  }
  return { entries, files };
}

/**
 * Writes the articles files of the folders whose entries changed since `previous` (as
 * `prepared`, when it is of the state's entries), removes the files of folders gone, then
 * writes state.json, which names them (and is given them: state.articleFiles).
 */
export async function saveBuildState(cacheDir: string, state: BuildState, previous?: SavedArticles, prepared?: ArticleFilesToSave): Promise<void> {
  let articleFiles = state.articleFiles;
  if (state.articles) {
    const toSave = prepared?.entries === state.articles ? prepared : articleFilesToSave(state.articles, previous);
    articleFiles = {};
    for (const [folder, { sum, bytes }] of toSave.files) {
      if (bytes) await writeFileAtomic(articlesFile(cacheDir, folder), bytes);
      articleFiles[folder] = sum;
    }
    const named = new Set(Object.keys(articleFiles).map((folder) => basename(articlesFile(cacheDir, folder))));
    for (const name of existingNames(join(cacheDir, ARTICLES_FOLDER))) {
      if (!named.has(name)) rmSync(join(cacheDir, ARTICLES_FOLDER, name), { recursive: true, force: true });
    }
    rmSync(join(cacheDir, ARTICLES_FILE), { force: true });
    state.articleFiles = articleFiles;
  }
  // The site's records: told against the base, or a new base when too many of them differ.
  let base = state.outputsBase;
  let changes = base && changesFrom(base, state.outputs);
  if (!base || !changes || changes.changed.length > state.outputs.size * REWRITE_BASE_AT) {
    const { sum, bytes } = encodeChecked(JSON.stringify({ format: FORMAT, outputs: [...state.outputs] }));
    await writeFileAtomic(outputsFile(cacheDir, sum), bytes);
    await writeFileAtomic(pathsFile(cacheDir, sum), encodeChecked(JSON.stringify({ format: FORMAT, base: sum, paths: siteFiles(state.outputs).paths })).bytes);
    // A copy: the state's own map is the next build's to change (npm start keeps it in memory).
    base = { sum, records: new Map(state.outputs) };
    changes = { changed: [], order: [...state.outputs.keys()] };
  }
  state.outputsBase = base;
  const stored: StoredState = {
    format: FORMAT, fingerprint: state.fingerprint, assets: state.assets, articlesDigest: state.articlesDigest,
    outputsBase: base.sum, outputsChanged: changes.changed,
    now: state.now, ...(state.entriesFingerprint ? { entriesFingerprint: state.entriesFingerprint } : {}),
    ...(articleFiles ? { articleFiles } : { articlesChecksum: state.articlesChecksum ?? '' }),
    ...(state.spare ? { spare: state.spare } : {}),
  };
  rmSync(join(cacheDir, CHECK_FILE), { force: true });
  await writeFileAtomic(join(cacheDir, STATE_FILE), encodeChecked(JSON.stringify(stored)).bytes);
  // Base files no state names any more (the last one, once replaced; one a killed build wrote).
  const named = new Set([basename(outputsFile(cacheDir, base.sum)), basename(pathsFile(cacheDir, base.sum))]);
  for (const name of existingNames(cacheDir)) if (name.startsWith(OUTPUTS_PREFIX) && !named.has(name)) rmSync(join(cacheDir, name), { force: true });
  await writeUnchangedCheck(cacheDir, checkOf(state, changes.order), base);
}

/**
 * The check of a state: what unchanged.json stores, and what a build given a state without
 * one tests against. `order` is the order its records are read back in, when it is not the
 * state's own (saveBuildState).
 */
export function checkOf(state: BuildState, order: readonly string[] = [...state.outputs.keys()]): UnchangedCheck {
  const records = order.map((path) => [path, state.outputs.get(path) as OutputRecord] as const);
  const { paths, stamps } = siteFiles(records);
  return {
    fingerprint: state.fingerprint, assets: state.assets, now: state.now,
    files: paths, filesDigest: stampsDigest(stamps),
    articlesDigest: state.articlesDigest, pages: records.filter(([, record]) => record.key !== '').length,
  };
}

/**
 * Writes the check of the state that state.json holds now (saveBuildState, or a build that
 * found it had none). Its files are stored as what differs from the paths of the state's
 * base, when they are those in the order a state read back has; else in full.
 */
export async function writeUnchangedCheck(cacheDir: string, check: UnchangedCheck, base?: OutputsBase): Promise<void> {
  const { files, ...facts } = check;
  const stored: StoredCheck = { format: FORMAT, state: inodeStamp(join(cacheDir, STATE_FILE)) ?? '', ...facts, ...(base ? againstBase(files, base) : { files }) };
  await writeFileAtomic(join(cacheDir, CHECK_FILE), encodeChecked(JSON.stringify(stored)).bytes);
}

/** The files as the base's paths less `removed`, then `added`; in full when they are not in that order. */
function againstBase(files: readonly string[], base: OutputsBase): Pick<StoredCheck, 'files' | 'base' | 'removed' | 'added'> {
  // In step, with no set of the files: the base's paths that are the next file are kept; the
  // files after the last of those are the ones added, and none of them may be the base's (a
  // path of the base listed out of its order lands there).
  const removed: string[] = [];
  let position = 0;
  for (const path of siteFiles(base.records).paths) {
    if (files[position] === path) position += 1;
    else removed.push(path);
  }
  const added = files.slice(position);
  if (added.some((path) => recordsHaveFile(base.records, path))) return { files: [...files] };
  return { base: base.sum, removed, added };
}

function existingNames(folder: string): string[] {
  try { return readdirSync(folder); } catch { return []; }
}
