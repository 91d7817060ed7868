// The search and offline step of a build, run on the rendered site before it goes live:
// the Pagefind index, the browser scripts, the offline archive's manifest and the
// versioned service worker. A failure here fails the build. Its output is a function of the
// site's files alone: a run with a warm cache writes the bytes a run from scratch writes.
// It never writes into an existing file of the site (they may be hard links to the live site's).

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ARCHIVE_MANIFEST, ARCHIVE_PARTS_DIR, ARCHIVE_SUMMARY, type ArchiveSummary } from '../../../assets/js/cache-names.ts';
import type { SiteSettings } from '../config/site.ts';
import { writeFileAtomicSync } from '../fs/atomic-write.ts';
import { writeFingerprintedAssets, writePageScripts, writeServiceWorker } from './browser-scripts.ts';
import { hashBytes, type FileHash, type FileHashes } from '../fs/file-hashes.ts';
import { removeFile } from '../fs/remove-file.ts';
import { articleLists, offlineFiles, type ArchivePart, type ArticleLists } from './offline-archive.ts';
import { writeSearchIndex, type StepClock } from './search-index.ts';

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
  /** siteDir is being served meanwhile (npm start's _site): search-index.ts SearchIndexOptions.served. */
  served?: boolean;
  /** The build's clock: each part of the step marked on it. */
  steps?: StepClock;
  /** The caller's work done while Pagefind indexes (search-index.ts). */
  whileIndexing?: () => void;
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
  /** Of those, the index files and the manifest's parts that were in siteDir with these bytes already and were left as they were. */
  untouched: Set<string>;
}

/**
 * The manifest's parts, each named by its content and written by rename (never into a
 * file): with `present` (what a folder no reader sees holds), only those it does not hold
 * with these bytes. Those no longer listed go once the list naming them is replaced
 * (removeStaleParts). Synchronously: a publish writes a few, while its pages' copies are
 * compressed on libuv's threads, behind which each step of an asynchronous write queued.
 */
function writeParts(siteDir: string, parts: readonly ArchivePart[], present?: FileHashes): { written: Map<string, FileHash>; untouched: Set<string> } {
  const written = new Map<string, FileHash>();
  const untouched = new Set<string>();
  for (const part of parts) {
    written.set(part.path, part.hash);
    const there = present?.get(part.path);
    if (there && there.sha256 === part.hash.sha256 && there.bytes === part.hash.bytes) untouched.add(part.path);
    else writeFileAtomicSync(join(siteDir, part.path), part.bytes);
  }
  return { written, untouched };
}

function removeStaleParts(siteDir: string, parts: readonly ArchivePart[]): void {
  const listed = new Set(parts.map((part) => part.path));
  let names: string[];
  try {
    names = readdirSync(join(siteDir, ARCHIVE_PARTS_DIR));
  } catch {
    return;
  }
  for (const name of names) if (!listed.has(`${ARCHIVE_PARTS_DIR}/${name}`)) removeFile(join(siteDir, ARCHIVE_PARTS_DIR, name));
}

/** Writes a JSON file by rename (synchronously, as writeParts); returns its hash. */
function writeJson(siteDir: string, path: string, value: unknown): Map<string, FileHash> {
  const bytes = Buffer.from(`${JSON.stringify(value)}\n`);
  writeFileAtomicSync(join(siteDir, path), bytes);
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
  const writeScripts = async (): Promise<Map<string, FileHash>> => new Map([...await writePageScripts(siteDir, site.numberingSystem), ...await writeFingerprintedAssets(siteDir)]);
  // The scripts and assets owe nothing to the index: written while Pagefind indexes, when
  // this thread would otherwise wait (a publish re-indexes one segment, for seconds).
  let scriptsWritten: Promise<Map<string, FileHash>> | undefined;
  // The offline archive's lists of articles need only the pages' hashes: made then too, when
  // the engine gave them (without, the index step reads the pages, and its hashes serve later).
  let articles: ArticleLists | undefined;
  const whileIndexing = (segmentPages: readonly string[][]): void => {
    scriptsWritten = writeScripts();
    // Awaited below, also when the index fails: never an unhandled rejection meanwhile.
    scriptsWritten.catch(() => undefined);
    options.whileIndexing?.();
    if (options.fileHashes) articles = articleLists({ siteDir, knownHashes: options.fileHashes }, segmentPages);
  };
  let index;
  try {
    index = await writeSearchIndex({ siteDir, language: site.language, cacheDir: options.cacheDir, fileHashes: options.fileHashes, present: options.present, served: options.served, steps: options.steps, whileIndexing });
  } catch (error) {
    // No script is still being written into a folder the caller removes.
    await scriptsWritten?.catch(() => undefined);
    throw error;
  }
  const scripts = await (scriptsWritten ?? writeScripts());
  // What is known of the site's files: what this step wrote or read, else the engine's hashes
  // (looked up in place: at 100,000 articles a merged copy was a map of 470,000 entries).
  const knownHashes = layered([scripts, index.fileHashes, options.fileHashes]);
  const segments = index.segments.map((segment, position) => ({ folder: segment.path, pages: index.segmentPages[position] as string[] }));
  options.steps?.mark('search: page scripts');
  const archive = await offlineFiles({ siteDir, segments, indexFiles: index.bundleFiles, assetsDir, knownHashes, articles });
  options.steps?.mark('search: offline manifest');
  const { version } = archive.index;
  const summary: ArchiveSummary = { version, bytes: archive.index.bytes, searchBytes: archive.index.searchBytes, files: archive.index.files };
  const parts = writeParts(siteDir, archive.parts, options.present);
  const written = new Map([
    ...index.bundleFiles.map((path) => [path, index.fileHashes.get(path) as FileHash] as const),
    ...scripts,
    ...parts.written,
    ...writeJson(siteDir, ARCHIVE_MANIFEST, archive.index),
    ...writeJson(siteDir, ARCHIVE_SUMMARY, summary),
    ...await writeServiceWorker(siteDir, version, archive.shell),
  ]);
  removeStaleParts(siteDir, archive.parts);
  options.steps?.mark('search: offline files written');
  const untouched = new Set([...index.untouched, ...parts.untouched]);
  return { pages: index.pages, version, segments: index.segments.length, reindexedSegments: index.reindexedSegments, written, untouched };
}
