// What a build leaves for the next one, in the build cache: the fingerprint it was made
// with, what it knew of every article file, and every file it put into the site with the
// render key it came from, its hash and its stat. Never trusted blindly: the file carries
// its own checksum and format number, so a file written by another version, truncated or
// half-written reads as "no state" (with the reason), and the next build starts clean.

import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { writeFileAtomic } from '../fs/atomic-write.ts';
import type { ArticleFileEntry } from '../site/article-source.ts';

/** Bump when the meaning of anything stored changes. */
const FORMAT = 1;

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
  articles: Map<string, ArticleFileEntry>;
  outputs: Map<string, OutputRecord>;
}

export type LoadedState = { state: BuildState } | { state: undefined; reason?: string };

interface StoredState {
  format: number;
  fingerprint: string;
  assets: string;
  articles: [string, ArticleFileEntry][];
  outputs: [string, OutputRecord][];
}

const checksum = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Reads the state file; a missing file is no state, a damaged one is no state with a reason. */
export function loadBuildState(file: string): LoadedState {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: undefined };
    return { state: undefined, reason: `cannot read ${file}: ${(error as Error).message}` };
  }
  const newline = text.indexOf('\n');
  const body = text.slice(newline + 1);
  if (newline !== 64 || text.slice(0, 64) !== checksum(body)) return { state: undefined, reason: `${file} is damaged (its checksum does not match)` };
  let stored: StoredState;
  try {
    stored = JSON.parse(body) as StoredState;
  } catch {
    return { state: undefined, reason: `${file} is damaged (not JSON)` };
  }
  if (stored.format !== FORMAT) return { state: undefined, reason: `${file} was written by another version of the build` };
  return { state: { fingerprint: stored.fingerprint, assets: stored.assets, articles: new Map(stored.articles), outputs: new Map(stored.outputs) } };
}

export async function saveBuildState(file: string, state: BuildState): Promise<void> {
  const stored: StoredState = { format: FORMAT, fingerprint: state.fingerprint, assets: state.assets, articles: [...state.articles], outputs: [...state.outputs] };
  const body = JSON.stringify(stored);
  await writeFileAtomic(file, `${checksum(body)}\n${body}`);
}
