// The search and offline step of a build, run on the rendered site before it goes live:
// the Pagefind index, the browser scripts, the offline archive's manifest and the
// versioned service worker. A failure here fails the build. Its output is a function of the
// site's files alone: a run with a warm cache writes the bytes a run from scratch writes.
// It never writes into an existing file of the site (they may be hard links to the live site's).

import { join } from 'node:path';
import { ARCHIVE_MANIFEST, ARCHIVE_SUMMARY, type ArchiveSummary } from '../../../assets/js/cache-names.ts';
import type { SiteSettings } from '../config/site.ts';
import { writeFileAtomic } from '../fs/atomic-write.ts';
import { writeFingerprintedAssets, writePageScripts, writeServiceWorker } from './browser-scripts.ts';
import { hashBytes, type FileHash, type FileHashes } from '../fs/file-hashes.ts';
import { offlineFiles } from './offline-archive.ts';
import { writeSearchIndex } from './search-index.ts';

export interface SearchBuildOptions {
  /**
   * A folder the search step owns inside the build cache (default: none; every segment of
   * the index is indexed). It may be missing or hold garbage: a damaged or unreadable entry
   * is indexed again, never trusted. Entries this build did not use are removed.
   */
  cacheDir?: string;
  /**
   * The SHA-256 (hex) and size of EVERY file of siteDir, by site-relative posix path
   * (articles/abc/index.html), from the engine that wrote them (default: the files the
   * step needs are read and hashed).
   */
  fileHashes?: FileHashes;
  /**
   * What siteDir holds of the index already, for a folder no reader sees (search-index.ts):
   * only the index's differences from it are written.
   */
  present?: FileHashes;
}

export interface SearchBuildResult {
  /** URLs of the indexed pages, sorted. */
  pages: string[];
  /** The offline copy's version (sw.js, cache names). */
  version: string;
  /** Segments of the index (runs of at most 500 pages of one quarter: search-segments.ts). */
  segments: number;
  /** Segments indexed by Pagefind in this run rather than taken from the cache. */
  reindexedSegments: number;
  /**
   * Every file this step wrote (pagefind/…, the scripts, the manifest and summary, sw.js),
   * by site-relative path, with its hash: the engine need not read them again.
   */
  written: Map<string, FileHash>;
  /** Of those, the index files that were in siteDir with these bytes already and were left as they were. */
  untouched: Set<string>;
}

/** Writes a JSON file by rename; returns its hash. */
async function writeJson(siteDir: string, path: string, value: unknown): Promise<Map<string, FileHash>> {
  const bytes = Buffer.from(`${JSON.stringify(value)}\n`);
  await writeFileAtomic(join(siteDir, path), bytes);
  return new Map([[path, hashBytes(bytes)]]);
}

/** Lookups in several maps, the first that has the path answering. */
function layered(maps: readonly (FileHashes | undefined)[]): Pick<FileHashes, 'get' | 'has'> {
  const get = (path: string): FileHash | undefined => {
    for (const map of maps) {
      const hash = map?.get(path);
      if (hash) return hash;
    }
    return undefined;
  };
  return { get, has: (path) => get(path) !== undefined };
}

/**
 * `assetsDir`: where /assets/ is read from to version the offline copy; the output's own by
 * default, the source folder under the dev server (which does not copy it).
 */
export async function buildSearch(siteDir: string, site: Pick<SiteSettings, 'language' | 'numberingSystem'>, assetsDir?: string, options: SearchBuildOptions = {}): Promise<SearchBuildResult> {
  const index = await writeSearchIndex({ siteDir, language: site.language, cacheDir: options.cacheDir, fileHashes: options.fileHashes, present: options.present });
  const scripts = new Map([...await writePageScripts(siteDir, site.numberingSystem), ...await writeFingerprintedAssets(siteDir)]);
  // What is known of the site's files: what this step wrote or read, else the engine's hashes
  // (looked up in place: at 100,000 articles a merged copy was a map of 470,000 entries).
  const knownHashes = layered([scripts, index.fileHashes, options.fileHashes]);
  const { shell, manifest } = await offlineFiles({ siteDir, pages: index.pages, indexFiles: index.bundleFiles, assetsDir, knownHashes });
  const summary: ArchiveSummary = { version: manifest.version, bytes: manifest.bytes, searchBytes: manifest.searchBytes, files: manifest.files.length };
  const written = new Map([
    ...index.bundleFiles.map((path) => [path, index.fileHashes.get(path) as FileHash] as const),
    ...scripts,
    ...await writeJson(siteDir, ARCHIVE_MANIFEST, manifest),
    ...await writeJson(siteDir, ARCHIVE_SUMMARY, summary),
    ...await writeServiceWorker(siteDir, manifest.version, shell),
  ]);
  const segments = index.segments.length;
  return { pages: index.pages, version: manifest.version, segments, reindexedSegments: index.reindexedSegments, written, untouched: index.untouched };
}
