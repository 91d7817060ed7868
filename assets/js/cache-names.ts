// Names and shapes shared by the service worker, the search page's offline panel and the
// build: the caches the worker keeps, the offline copy's manifest, and the messages between
// page and worker. None of the names carries a build version, so that a new build can keep
// the reader's saved copy until a newer one is complete (issue 12, item 4).

/** Prefix of every cache of the site served from scopePath ('/' or '/news/'). */
export function cachePrefix(scopePath: string): string {
  return `news-site:${scopePath}:`;
}

export interface CacheNames {
  /**
   * Every file of the shell and of the saved copy, once, keyed by its content hash (fileKey):
   * a file that did not change between two builds is never downloaded or stored twice.
   */
  files: string;
  /** The saved copy's record: its manifest, when it was saved and what it holds (copyKey); the live manifest. */
  copies: string;
  /** Pages the reader visited, each as last fetched. */
  pages: string;
}

export function cacheNames(scopePath: string): CacheNames {
  const prefix = cachePrefix(scopePath);
  return { files: `${prefix}files`, pages: `${prefix}pages`, copies: `${prefix}copies` };
}

/**
 * The caches of the service worker before the copy outlived builds (news-site:/:<version>:archive).
 * A reader's archive saved then is kept, and served, until a new copy is complete.
 */
export function isLegacyArchive(name: string, scopePath: string): boolean {
  const prefix = cachePrefix(scopePath);
  return name.startsWith(prefix) && /^[0-9a-f]{16}:archive$/.test(name.slice(prefix.length));
}

// Keys of the worker's own entries: URLs under the scope that no page of the site has.
const OWN = '__offline__/';

/** The key of a stored file: its content hash. */
export function fileKey(scope: string, hash: string): string {
  return `${scope}${OWN}file/${hash}`;
}

/** The key of the saved copy's record. */
export function copyKey(scope: string): string {
  return `${scope}${OWN}copy`;
}

/** The key of the live site's manifest, kept while it is not the saved copy's (see save-copy.ts). */
export function liveManifestKey(scope: string): string {
  return `${scope}${OWN}live`;
}

/** Headers the worker adds to what it stores. */
export const SAVED_AT_HEADER = 'x-saved-at';
export const COPY_KIND_HEADER = 'x-copy-kind';
/**
 * The Server-Timing entry on a page served from a saved copy, its description the time the
 * copy was saved: the page's script reads it (performance's navigation entry) to say so.
 */
export const OFFLINE_TIMING = 'offline-copy';

/**
 * The file listing what a saved copy holds, relative to the site root: the archive's version
 * and sizes, and its parts (ArchiveIndex), each listing some of its files.
 */
export const ARCHIVE_MANIFEST = 'offline-archive.json';
/** The folder of the parts, each named by its content: a new build leaves an unchanged part's name as it was. */
export const ARCHIVE_PARTS_DIR = 'offline-archive';
/**
 * What the search page needs to offer the copy: its version and sizes. The full manifest
 * lists every file (megabytes at 100k articles) and is read only by the service worker.
 */
export const ARCHIVE_SUMMARY = 'offline-archive-summary.json';

export interface ArchiveSummary {
  version: string;
  /** Bytes of the whole copy. */
  bytes: number;
  /** Bytes of the search part alone (see ArchiveManifest.searchFiles). */
  searchBytes: number;
  files: number;
}

/** A file of the copy or the shell, site-relative; a page is its folder URL (articles/x/). */
export interface ArchiveFile {
  path: string;
  bytes: number;
  /** The first 32 hex digits (128 bits) of the SHA-256 of its bytes. */
  hash: string;
}

/** What ARCHIVE_MANIFEST holds: the manifest's facts, and the parts its files are listed in, in order. */
export interface ArchiveIndex extends Omit<ArchiveManifest, 'files'> {
  /** How many files the parts list in all. */
  files: number;
  /**
   * Site-relative paths of the parts, with how many files each lists: first those of the
   * search part (searchFiles in all), then those of the articles.
   */
  parts: { path: string; files: number }[];
}

/** What a part of the manifest holds. */
export interface ArchivePartFile {
  files: ArchiveFile[];
}

/** The manifest the service worker works with: its parts' files put together (archive-plan.ts assembleManifest). */
export interface ArchiveManifest {
  /** The build's version: the service worker's. */
  version: string;
  /** Total bytes of files. */
  bytes: number;
  /** Bytes of the first searchFiles files. */
  searchBytes: number;
  /**
   * How many of the first files make the search part: the search page, the offline page,
   * the assets (scripts, styles, fonts) and the whole index. The rest are the articles' pages.
   */
  searchFiles: number;
  files: ArchiveFile[];
}

/** What a copy holds: everything, or the search part alone (articles open only if visited). */
export type CopyKind = 'full' | 'search';

/** The saved copy as the panel shows it. */
export interface SavedCopy {
  version: string;
  kind: CopyKind;
  /** ISO time, from the reader's clock when the copy was completed. */
  savedAt: string;
}

/** Messages from the search page to the service worker. */
export type PanelRequest =
  | { type: 'status' }
  | { type: 'save'; kind: CopyKind };

/** Messages from the service worker to the search page. */
export type ArchiveMessage =
  /**
   * `summary`: the live site's, absent offline; `cost`: bytes each kind would download now,
   * when the saved copy is of another version than the live one.
   */
  | { type: 'status'; saved?: SavedCopy; summary?: ArchiveSummary; cost?: Record<CopyKind, number> }
  | { type: 'progress'; bytes: number; total: number }
  | { type: 'saved'; copy: SavedCopy }
  | { type: 'outdated' }
  /** `noSpace`: the browser refused to store more (the quota). */
  | { type: 'failed'; reason: string; noSpace?: boolean };
