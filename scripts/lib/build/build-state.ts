// What a build leaves for the next one, in the build cache: the fingerprint it was made
// with, every file it put into the site (with the render key it came from, its hash and its
// stat), the stat of every article file and what "now" meant for its output — in
// state.json, read by every build — and what it knew of every article file, in
// articles.json, read only by a build that has something to do — and what the spare site
// in the cache holds (spare-site.ts), as its differences from the live one. Never trusted blindly:
// each file carries its own checksum and format number, state.json names the articles.json
// it goes with, and a file written by another version, truncated or half-written reads as
// "no state" (with the reason): the next build starts clean.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write.ts';
import type { ArticleFileEntry } from '../site/article-source.ts';
import type { NowDependence } from '../site/now-dependence.ts';

/** Bump when the meaning of anything stored changes. */
const FORMAT = 2;
const STATE_FILE = 'state.json';
const ARTICLES_FILE = 'articles.json';

export interface OutputRecord {
  /** The render key of a page ('' for files the search step or the asset copy wrote). */
  key: string;
  sha256: string;
  bytes: number;
  /** size:mtime:inode of the file in the site as the build left it. */
  stamp: string;
}

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
  /** The checksum of the articles.json written with this state. */
  articlesChecksum?: string;
  /** The spare site kept in the cache (spare-site.ts), when there is one. */
  spare?: SpareState;
}

/**
 * The site before the live one, kept to be updated by the next build: its folder's id and
 * the records where its files differ from the live site's (null: it has no such file).
 */
export interface SpareState {
  id: string;
  differs: [string, OutputRecord | null][];
}

export type LoadedState = { state: BuildState } | { state: undefined; reason?: string };

interface StoredState {
  format: number;
  fingerprint: string;
  assets: string;
  stamps: [string, string][];
  outputs: [string, OutputRecord][];
  now: NowDependence;
  articlesChecksum: string;
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
      ...(isSpareState(stored.spare) ? { spare: stored.spare } : {}),
    },
  };
}

/** The article entries written with this state, or undefined when articles.json is missing, damaged or another's. */
export function loadArticleEntries(cacheDir: string, state: BuildState): Map<string, ArticleFileEntry> | undefined {
  if (state.articles) return state.articles;
  const read = readChecked(join(cacheDir, ARTICLES_FILE));
  if (!('body' in read) || read.sum !== state.articlesChecksum) return undefined;
  try {
    const stored = JSON.parse(read.body) as { format: number; entries: [string, ArticleFileEntry][] };
    return stored.format === FORMAT ? new Map(stored.entries) : undefined;
  } catch {
    return undefined;
  }
}

/** Writes articles.json (when the state holds the entries), then state.json, which names it. */
export async function saveBuildState(cacheDir: string, state: BuildState): Promise<void> {
  let articlesChecksum = state.articlesChecksum ?? '';
  if (state.articles) {
    const body = JSON.stringify({ format: FORMAT, entries: [...state.articles] });
    articlesChecksum = checksum(body);
    await writeFileAtomic(join(cacheDir, ARTICLES_FILE), `${articlesChecksum}\n${body}`);
  }
  const stored: StoredState = {
    format: FORMAT, fingerprint: state.fingerprint, assets: state.assets, stamps: [...state.stamps],
    outputs: [...state.outputs], now: state.now, articlesChecksum, ...(state.spare ? { spare: state.spare } : {}),
  };
  const body = JSON.stringify(stored);
  await writeFileAtomic(join(cacheDir, STATE_FILE), `${checksum(body)}\n${body}`);
}
