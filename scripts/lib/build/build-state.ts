// What a build leaves for the next one, in the build cache: the fingerprint it was made
// with, every file it put into the site (with the render key it came from, its hash and its
// stat), the stat of every article file, what "now" meant for its output and what the spare
// site in the cache holds (spare-site.ts, as its differences from the live one) — in
// state.json, read by every build — and what it knew of every article file, in one file per
// folder of articles under articles/ (a publish rewrites only the folders it changed: one
// file of 100,000 entries was 120 MB to serialise, hash and write each time), read only by a
// build that has something to do. Never trusted blindly: each file carries its own checksum
// and format number, state.json names the checksum of each articles file it goes with (one
// that does not match is read again from the articles), and a state.json written by another
// version, truncated or half-written reads as "no state" (with the reason): the next build
// starts clean. Beside it, unchanged.json holds what tells a build that nothing changed
// without reading state.json (a quarter of its size at 100,000 articles), and names the
// state.json it goes with by its stamp: it is removed before state.json is replaced and
// written after, so it never speaks for another state.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write.ts';
import { inodeStamp } from '../fs/file-stamp.ts';
import type { ArticleFileEntry } from '../site/article-source.ts';
import type { NowDependence } from '../site/now-dependence.ts';
import type { OutputRecord } from '../site/site-records.ts';
import type { SpareState } from '../site/spare-site.ts';

/** Bump when the meaning of anything stored changes. */
const FORMAT = 2;
const STATE_FILE = 'state.json';
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
  /** The stat stamp of each article file, by path relative to the content folder. */
  stamps: Map<string, string>;
  outputs: Map<string, OutputRecord>;
  now: NowDependence;
  /** The checksum of the articles.json written with this state (states of an earlier build). */
  articlesChecksum?: string;
  /** The checksum of each articles file written with this state, by the folder of articles it holds. */
  articleFiles?: Record<string, string>;
  /** The spare site kept in the cache (spare-site.ts), when there is one. */
  spare?: SpareState;
}

export type LoadedState = { state: BuildState } | { state: undefined; reason?: string };

interface StoredState {
  format: number;
  fingerprint: string;
  assets: string;
  stamps: [string, string][];
  outputs: [string, OutputRecord][];
  now: NowDependence;
  articlesChecksum?: string;
  articleFiles?: Record<string, string>;
  /** Absent from a state written before spares were kept: then there is none. */
  spare?: SpareState;
}

const checksum = (text: string): string => createHash('sha256').update(text).digest('hex');

/** A file's body when its checksum line matches; a reason otherwise (undefined: no file). */
function readChecked(file: string): { body: string; sum: string } | { reason?: string } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    return { reason: `cannot read ${file}: ${(error as Error).message}` };
  }
  const newline = text.indexOf('\n');
  const body = text.slice(newline + 1);
  const sum = text.slice(0, 64);
  if (newline !== 64 || sum !== checksum(body)) return { reason: `${file} is damaged (its checksum does not match)` };
  return { body, sum };
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
  return {
    state: {
      fingerprint: stored.fingerprint, assets: stored.assets, stamps: new Map(stored.stamps),
      outputs: new Map(stored.outputs), now: stored.now, articlesChecksum: stored.articlesChecksum,
      ...(isChecksums(stored.articleFiles) ? { articleFiles: stored.articleFiles } : {}),
      ...(isSpareState(stored.spare) ? { spare: stored.spare } : {}),
    },
  };
}

/** What tells a build that nothing changed, without reading state.json: the state's own facts, digested. */
export interface UnchangedCheck {
  fingerprint: string;
  assets: string;
  now: NowDependence;
  /** The site files the state records, in its order. */
  files: string[];
  /** stampsDigest of their recorded stamps, in that order. */
  filesDigest: string;
  /** articleStampsDigest of the article files' stamps. */
  articlesDigest: string;
  /** How many of the files are planned pages (records with a render key). */
  pages: number;
}

interface StoredCheck extends UnchangedCheck {
  format: number;
  /** The stamp of the state.json it was written with. */
  state: string;
}

/** A digest of stamps in order; a file that is missing (undefined) never matches a recorded one. */
export function stampsDigest(stamps: Iterable<string | undefined>): string {
  const hash = createHash('sha256');
  for (const stamp of stamps) hash.update(`${stamp ?? '\0'}\n`);
  return hash.digest('hex');
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
    if (stored.format !== FORMAT || stored.state !== inodeStamp(join(cacheDir, STATE_FILE)) || !Array.isArray(stored.files)) return undefined;
    const { format: _format, state: _state, ...check } = stored;
    return check;
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
  const read = readChecked(file);
  if (!('body' in read) || read.sum !== sum) return [];
  try {
    const stored = JSON.parse(read.body) as { format: number; folder?: string; entries: [string, ArticleFileEntry][] };
    return stored.format === FORMAT && stored.folder === folder && Array.isArray(stored.entries) ? stored.entries : [];
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
 * Writes the articles files of the folders whose entries changed since `previous`, removes
 * the files of folders gone, then writes state.json, which names them (and is given them:
 * state.articleFiles).
 */
export async function saveBuildState(cacheDir: string, state: BuildState, previous?: SavedArticles): Promise<void> {
  let articleFiles = state.articleFiles;
  if (state.articles) {
    const byFolder = new Map<string, [string, ArticleFileEntry][]>();
    for (const [path, entry] of state.articles) {
      const folder = folderOf(path);
      let list = byFolder.get(folder);
      if (!list) byFolder.set(folder, list = []);
      list.push([path, entry]);
    }
    const before = new Map<string, number>();
    for (const path of previous?.entries.keys() ?? []) before.set(folderOf(path), (before.get(folderOf(path)) ?? 0) + 1);
    articleFiles = {};
    for (const [folder, entries] of byFolder) {
      const kept = previous?.files?.[folder];
      if (kept !== undefined && before.get(folder) === entries.length && entries.every(([path, entry]) => previous?.entries.get(path) === entry)) {
        articleFiles[folder] = kept;
        continue;
      }
      const body = JSON.stringify({ format: FORMAT, folder, entries });
      const sum = checksum(body);
      await writeFileAtomic(articlesFile(cacheDir, folder), `${sum}\n${body}`);
      articleFiles[folder] = sum;
    }
    const named = new Set(Object.keys(articleFiles).map((folder) => basename(articlesFile(cacheDir, folder))));
    for (const name of existingNames(join(cacheDir, ARTICLES_FOLDER))) {
      if (!named.has(name)) rmSync(join(cacheDir, ARTICLES_FOLDER, name), { recursive: true, force: true });
    }
    rmSync(join(cacheDir, ARTICLES_FILE), { force: true });
    state.articleFiles = articleFiles;
  }
  const stored: StoredState = {
    format: FORMAT, fingerprint: state.fingerprint, assets: state.assets, stamps: [...state.stamps],
    outputs: [...state.outputs], now: state.now, ...(articleFiles ? { articleFiles } : { articlesChecksum: state.articlesChecksum ?? '' }),
    ...(state.spare ? { spare: state.spare } : {}),
  };
  const body = JSON.stringify(stored);
  rmSync(join(cacheDir, CHECK_FILE), { force: true });
  await writeFileAtomic(join(cacheDir, STATE_FILE), `${checksum(body)}\n${body}`);
  await writeUnchangedCheck(cacheDir, checkOf(state));
}

/** The check of a state: what unchanged.json stores, and what a build given a state without one tests against. */
export function checkOf(state: BuildState): UnchangedCheck {
  const records = [...state.outputs.values()];
  return {
    fingerprint: state.fingerprint, assets: state.assets, now: state.now,
    files: [...state.outputs.keys()], filesDigest: stampsDigest(records.map((record) => record.stamp)),
    articlesDigest: articleStampsDigest(state.stamps), pages: records.filter((record) => record.key !== '').length,
  };
}

/** Writes the check of the state that state.json holds now (saveBuildState, or a build that found it had none). */
export async function writeUnchangedCheck(cacheDir: string, check: UnchangedCheck): Promise<void> {
  const stored: StoredCheck = { format: FORMAT, state: inodeStamp(join(cacheDir, STATE_FILE)) ?? '', ...check };
  const body = JSON.stringify(stored);
  await writeFileAtomic(join(cacheDir, CHECK_FILE), `${checksum(body)}\n${body}`);
}

function existingNames(folder: string): string[] {
  try { return readdirSync(folder); } catch { return []; }
}
