// Names of the caches the service worker keeps, shared by the worker and the search page:
// one set per site folder (scope) and build (version), so a new build drops the old ones.

/** Prefix of every cache of the site served from scopePath ('/' or '/news/'). */
export function cachePrefix(scopePath: string): string {
  return `news-site:${scopePath}:`;
}

export interface CacheNames {
  /** The shell: home and search pages, CSS, fonts, scripts. Filled at install. */
  shell: string;
  /** Pages the reader visited. */
  pages: string;
  /** The search index and the articles, saved for offline search. */
  archive: string;
}

export function cacheNames(scopePath: string, version: string): CacheNames {
  const prefix = `${cachePrefix(scopePath)}${version}:`;
  return { shell: `${prefix}shell`, pages: `${prefix}pages`, archive: `${prefix}archive` };
}

/** The file listing what «save the archive» downloads, relative to the site root. */
export const ARCHIVE_MANIFEST = 'offline-archive.json';
/**
 * What the search page needs to offer the offline copy: its version and size. The full
 * manifest lists every file (megabytes at 100k articles) and is read only by the service
 * worker, when the reader asks for the copy.
 */
export const ARCHIVE_SUMMARY = 'offline-archive-summary.json';

export interface ArchiveSummary {
  version: string;
  bytes: number;
  files: number;
}

export interface ArchiveManifest {
  /** The build's version: the service worker's and the cache names'. */
  version: string;
  /** Total bytes of files. */
  bytes: number;
  /** Files relative to the site root; a page is its folder URL (articles/x/). */
  files: { path: string; bytes: number }[];
}

/** Messages from the service worker while it saves the archive. */
export type ArchiveMessage =
  | { type: 'progress'; bytes: number; total: number }
  | { type: 'saved' }
  | { type: 'outdated' }
  | { type: 'failed'; reason: string };
