// Indexes a built site with Pagefind: the pages that mark their searchable part
// (data-pagefind-body: the articles), in segments of at most 250 pages of one quarter (search-segments.ts). A
// segment's bundle is a function of what Pagefind is given for its own pages, so it is taken
// from the cache when that is unchanged, whatever else of the pages changed, and indexed
// again (several segments at a time, each by a lane of its own: pagefind-lane.ts) only when it
// did. Pagefind starts on the segments the cache has no entry for before anything else, and
// this thread does the rest of its work (the cached segments, the caller's `whileIndexing`)
// while it runs.
// The search page merges the segments (assets/js/search-shards.ts). Nothing in the site folder is written in place: its files
// may be hard links shared with the live site.

import { randomBytes } from 'node:crypto';
import { constants, copyFileSync, linkSync, mkdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { availableParallelism, totalmem } from 'node:os';
import { basename, dirname, join, relative, sep } from 'node:path';
import { SEARCH_SHARDS_FILE, type SearchShardsFile } from '../../../assets/js/search-shards.ts';
import { SEARCH_INDEX_LANGUAGE } from '../arabic/search-normalise.ts';
import { temporaryPath, writeFileAtomicSync } from '../fs/atomic-write.ts';
import { removeFile } from '../fs/remove-file.ts';
import { fileUnder } from '../fs/stamp-chunks.ts';
import { walkedRelative, walkFiles, walkFilesSync } from '../fs/walk-files.ts';
import { hashBytes, type FileHash, type FileHashes } from '../fs/file-hashes.ts';
import { indexedPageFacts, type IndexedPageFacts } from './indexed-page.ts';
import { IndexedPageCache, type IndexedPageInfo } from './indexed-page-cache.ts';
import { openPagefindLane, type PagefindLane } from './pagefind-lane.ts';
import { onlyInTheNewestSegment, type PageToIndex } from './pagefind-segment.ts';
import { SEGMENT_ENTRY, SegmentCache, type SegmentBundle } from './segment-cache.ts';
import { searchStepFingerprint, segmentFingerprint } from './segment-fingerprint.ts';
import { assignSegments, oneSegment, type SearchSegment, type SegmentablePage } from './search-segments.ts';

export interface SearchIndexOptions {
  /** The built site. */
  siteDir: string;
  /** Folder of the search bundle, relative to siteDir. Default 'pagefind'. */
  bundleDir?: string;
  /** ISO 639-1 language of the site (the site is one language). */
  language: string;
  /**
   * Append the variant tokens of search-normalise.ts to each page (default true), and index
   * under SEARCH_INDEX_LANGUAGE, with no stemmer: word forms are resolved by the project's
   * normaliser. Off, the pages are indexed as published under `language`, with Pagefind's
   * stemmer: how `npm run search:recall` measures plain Pagefind.
   */
  variantTokens?: boolean;
  /**
   * Every page in one segment, a single index (default false): what the tests compare the
   * segments with. Each page still gets the variant tokens of its segment's vocabulary.
   */
  oneSegment?: boolean;
  /** Pages a segment holds at most (default SEGMENT_PAGES); a test sets it small. */
  segmentPages?: number;
  /**
   * A folder the search step owns inside the build cache (default: none, every segment is
   * indexed). It may be missing or hold garbage: what is not intact is indexed again.
   */
  cacheDir?: string;
  /**
   * The SHA-256 and size of every file of siteDir, by site-relative posix path, from the
   * engine that wrote them (default: pages are read and hashed here).
   */
  fileHashes?: FileHashes;
  /**
   * The files of the bundle folder siteDir holds now, with their hashes, by site-relative
   * path: only what differs is written (each file replaced, not written into), and what the
   * bundle no longer has removed. For a folder no reader sees (the spare site of a build);
   * without it, the bundle is put together aside and renamed into place.
   */
  present?: FileHashes;
  /**
   * siteDir is being served while the index is placed (npm start's _site): only what differs
   * from `present` (what it holds, as far as known; none by default) is placed, each file
   * renamed into place, a segment's entry after the files it names, the listing after every
   * segment, and only then what the bundle no longer has removed, with anything else the
   * folder holds. A reader always finds a whole index, the old or the new, where the whole
   * bundle linked aside and swapped in took 0.6 s after every save at 10,000 articles.
   */
  served?: boolean;
  /** The build's clock: each part of the step marked on it. */
  steps?: StepClock;
  /**
   * The caller's work that needs neither the index nor this step's results, done while
   * Pagefind indexes (this thread is otherwise idle then): called once, whether or not any
   * segment is indexed, with the URLs of each segment's pages (sorted), newest segment first.
   */
  whileIndexing?: (segmentPages: readonly string[][]) => void;
}

/** Where the build times its steps (build/step-times.ts), as this layer sees it. */
export interface StepClock {
  mark(step: string): void;
}

export interface SearchIndexResult {
  /** URLs of the indexed pages (site-relative, without the path prefix), sorted. */
  pages: string[];
  /** The segments written, newest first, as listed in the bundle's SEARCH_SHARDS_FILE. */
  segments: SearchShardsFile['shards'];
  /** The URLs of each segment's pages, sorted, in the order of `segments`. */
  segmentPages: string[][];
  /** Segments indexed by Pagefind in this run rather than taken from the cache. */
  reindexedSegments: number;
  /** Every file of the bundle as written, site-relative, in path order. */
  bundleFiles: string[];
  /**
   * Hashes of the files this step wrote or read (the bundle, and the pages it had to read),
   * by site-relative path: the offline manifest need not read them again.
   */
  fileHashes: Map<string, FileHash>;
  /** With `present`: the bundle's files that were already there with these bytes, left as they were. */
  untouched: Set<string>;
}

interface FoundPage extends SegmentablePage, IndexedPageFacts {
  file: string;
  /** Its run's name (search-segments.ts), set once the runs are cut: the pages whose words make its variant tokens. */
  vocabulary: string;
}

/** Memory a Pagefind process may take while it indexes a segment (at most SEGMENT_PAGES pages), with room to spare. */
const PAGEFIND_PROCESS_BYTES = 1024 ** 3;
/** Memory kept for the build's own process (its site records, the pages of two segments). */
const BUILD_PROCESS_BYTES = 2 * 1024 ** 3;

/**
 * Segments indexed at once, each by a Pagefind process of its own: one per core, while the
 * machine's memory holds them besides the build; at least one. Which processes index which
 * segment never changes a bundle: each is a function of its segment's pages alone.
 */
export function pagefindProcesses(cores = availableParallelism(), memoryBytes = totalmem()): number {
  const byMemory = Math.floor((memoryBytes - BUILD_PROCESS_BYTES) / PAGEFIND_PROCESS_BYTES);
  return Math.max(1, Math.min(cores, byMemory));
}

// Both once per page of the site: by offsets, not split() or a regular expression.
const isHiddenPath = (path: string): boolean => path.startsWith('.') || path.includes('/.');
const pageUrl = (path: string): string => {
  const folderPage = path === 'index.html' || path.endsWith('/index.html');
  return `/${folderPage ? path.slice(0, -'index.html'.length) : path}`;
};

function readPageInfo(html: string, url: string): IndexedPageInfo {
  try {
    return indexedPageFacts(html);
  } catch (error) {
    throw new Error(`search index: ${url}: ${(error as Error).message}`, { cause: error });
  }
}

/** How a page goes to Pagefind, and what of it the segment's fingerprint takes: its vocabulary is its segment's. */
const toIndex = (page: FoundPage): PageToIndex => ({ url: page.url, file: page.file, vocabulary: page.vocabulary });

/**
 * The indexed pages with their date keys and the hashes of what Pagefind is given. With the
 * engine's hashes, a page is read only when the cache has not seen its bytes; without, every
 * page is read once.
 */
async function findIndexedPages(options: SearchIndexOptions, bundleDir: string, pageCache: IndexedPageCache, hashed: Map<string, FileHash>): Promise<FoundPage[]> {
  const isCandidate = (path: string): boolean => path.endsWith('.html') && !isHiddenPath(path) && path !== bundleDir && !path.startsWith(`${bundleDir}/`);
  const found: FoundPage[] = [];
  // The paths are the engine's or the walk's, normalised: appended, not joined.
  const fileOf = fileUnder(options.siteDir);
  const consider = (path: string, hash: FileHash | undefined): void => {
    const file = fileOf(path);
    const url = pageUrl(path);
    let html: string | undefined;
    if (!hash) {
      // Synchronously: a tenth of the time of fs/promises for thousands of small files.
      const bytes = readFileSync(file);
      hash = hashBytes(bytes);
      hashed.set(path, hash);
      html = bytes.toString('utf8');
    }
    let info = pageCache.get(hash.sha256);
    if (info === undefined) {
      info = readPageInfo(html ?? readFileSync(file, 'utf8'), url);
      pageCache.remember(hash.sha256, info);
    }
    if (info) found.push({ file, url, ...info, vocabulary: '' });
  };
  if (options.fileHashes) {
    for (const [path, hash] of options.fileHashes) if (isCandidate(path)) consider(path, hash);
  } else {
    for await (const file of walkFiles(options.siteDir)) {
      const path = relative(options.siteDir, file).split(sep).join('/');
      if (isCandidate(path)) consider(path, undefined);
    }
  }
  return found;
}

/** A segment the cache cannot give: where it goes among the bundles, and its fingerprint. */
interface MissingSegment {
  position: number;
  segment: SearchSegment<FoundPage>;
  fingerprint: string;
}

/**
 * The first lane of a run, opened before it is known to be needed: its thread loads tsx, the
 * pagefind module and the indexing modules (a quarter of a second, on the other core) while
 * this thread finds the pages and their segments; Pagefind's process itself starts with the
 * lane's first segment. Claimed by the first segments to index; closed unused when the cache
 * has every segment.
 */
class EarlyLane {
  private lane: PagefindLane | undefined = openPagefindLane();

  /** The early lane the first time, a new one after. */
  claim(): PagefindLane {
    const lane = this.lane ?? openPagefindLane();
    this.lane = undefined;
    return lane;
  }

  /** Closes it if no segment claimed it. */
  closeUnused(): void {
    if (this.lane) void this.lane.close();
    this.lane = undefined;
  }
}

/** Indexes the segments the cache did not have, pagefindProcesses() at a time. */
async function indexMissing(
  missing: readonly MissingSegment[],
  cache: SegmentCache,
  bundles: SegmentBundle[],
  settings: { language: string; variantTokens: boolean },
  lanesFrom: EarlyLane,
): Promise<void> {
  if (missing.length === 0) return;
  const lanes: PagefindLane[] = Array.from({ length: Math.min(pagefindProcesses(), missing.length) }, () => lanesFrom.claim());
  try {
    const queue = missing.values();
    await Promise.all(lanes.map(async (lane) => {
      for (const { position, segment, fingerprint } of queue) {
        bundles[position] = await cache.store(fingerprint, (dir) => lane.index(segment.pages.map(toIndex), dir, settings));
      }
    }));
  } finally {
    // Not awaited: a lane's thread stays a moment to reap its Pagefind process (pagefind-lane-worker.ts),
    // which this step need not wait for; the process does not end before its threads.
    for (const lane of lanes) void lane.close();
  }
}

/**
 * A file of a segment's bundle: its site-relative path, its hash, and where it is in the
 * cache, as its bundle's folder and its name there (joined only for a file placed: at
 * 100,000 articles most are in the site already).
 */
interface BundleSource {
  path: string;
  hash: FileHash;
  bundleDir: string;
  name: string;
}

/** Every file of these segments' bundles. */
function* bundleSources(bundleDir: string, segments: readonly SearchSegment<FoundPage>[], bundles: readonly SegmentBundle[], positions: Iterable<number>): Generator<BundleSource> {
  for (const position of positions) {
    const segment = segments[position] as SearchSegment<FoundPage>;
    const bundle = bundles[position] as SegmentBundle;
    const prefix = `${bundleDir}/${segment.path}`;
    for (const file of bundle.files) {
      if (position > 0 && onlyInTheNewestSegment(file.path)) continue;
      yield { path: `${prefix}${file.path}`, hash: { sha256: file.sha256, bytes: file.bytes }, bundleDir: bundle.dir, name: file.path };
    }
  }
}

interface PlacedBundle {
  bundleFiles: Map<string, FileHash>;
  untouched: Set<string>;
}

/**
 * The new bundle is put together beside the old one and renamed into place: the old one's
 * files (perhaps the live site's too) are only ever unlinked.
 */
function placeAside(siteDir: string, bundleDir: string, segments: readonly SearchSegment<FoundPage>[], bundles: readonly SegmentBundle[], listing: Buffer, writing: string): PlacedBundle {
  const bundlePath = join(siteDir, bundleDir);
  const bundleFiles = new Map<string, FileHash>();
  const folders = new Set<string>();
  // Synchronously: npm start places the whole bundle (some 11,500 files at 10,000 articles)
  // after every save, and a link a round trip through libuv's queue was nearly a second of it.
  for (const { path, hash, bundleDir: from, name } of bundleSources(bundleDir, segments, bundles, segments.keys())) {
    const target = join(writing, path.slice(bundleDir.length + 1));
    makeFolderSync(dirname(target), folders);
    linkOrCopySync(join(from, name), target);
    bundleFiles.set(path, hash);
  }
  mkdirSync(writing, { recursive: true });
  writeFileSync(join(writing, SEARCH_SHARDS_FILE), listing, { flag: 'wx' });
  bundleFiles.set(`${bundleDir}/${SEARCH_SHARDS_FILE}`, hashBytes(listing));
  // The old bundle is renamed away before the new one is renamed in, and removed after: the
  // folder is without an index only between two renames, not while a whole bundle is removed.
  const replaced = replacedBundle(bundlePath);
  try {
    renameSync(bundlePath, replaced);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  renameSync(writing, bundlePath);
  rmSync(replaced, { recursive: true, force: true });
  return { bundleFiles, untouched: new Set() };
}

/** Where placeAside puts the bundle it replaces, until it is removed: hidden, beside it. */
const replacedBundle = (bundlePath: string): string => join(dirname(bundlePath), `.${basename(bundlePath)}-replaced`);

/**
 * Only the differences from what the folder holds: a file whose bytes are there already is
 * left, any other linked beside its place and renamed over it (never written into, never
 * missing), a segment's entry after the files it names; and, once every segment and the
 * listing are placed, what is no longer in the bundle removed with the folders it leaves
 * empty (in a served folder, anything else it holds too: SearchIndexOptions.served).
 * Segments are placed as their bundles come: the cached ones while Pagefind indexes the others.
 */
class DifferencesPlacer {
  private readonly bundleFiles = new Map<string, FileHash>();
  private readonly untouched = new Set<string>();
  private readonly folders = new Set<string>();
  private presentInBundle: string[] | undefined;

  constructor(private readonly siteDir: string, private readonly bundleDir: string, private readonly present: FileHashes, private readonly served = false) {}

  private same(path: string, hash: FileHash): boolean {
    const there = this.present.get(path);
    return there !== undefined && there.sha256 === hash.sha256 && there.bytes === hash.bytes;
  }

  /** Records the file; where to put it when the folder does not hold it already. */
  private place(path: string, hash: FileHash): string | undefined {
    this.bundleFiles.set(path, hash);
    if (this.same(path, hash)) {
      this.untouched.add(path);
      return undefined;
    }
    const target = join(this.siteDir, path);
    makeFolderSync(dirname(target), this.folders);
    return target;
  }

  placeSegments(segments: readonly SearchSegment<FoundPage>[], bundles: readonly SegmentBundle[], positions: Iterable<number>): void {
    const entries: BundleSource[] = [];
    const placeFile = ({ path, hash, bundleDir, name }: BundleSource): void => {
      const target = this.place(path, hash);
      if (!target) return;
      const beside = temporaryPath(target);
      linkOrCopySync(join(bundleDir, name), beside);
      renameSync(beside, target);
    };
    for (const source of bundleSources(this.bundleDir, segments, bundles, positions)) {
      if (source.name === SEGMENT_ENTRY) entries.push(source);
      else placeFile(source);
    }
    // Each entry once the files it names are there: a reader never finds an entry before them.
    for (const source of entries) placeFile(source);
  }

  /**
   * The bundle's files the folder holds, found among all of its files (at 100,000 articles,
   * 475,000): done while Pagefind indexes, by a caller with the time, else by finish().
   */
  prepareFinish(): void {
    this.presentInBundle ??= [...this.present.keys()].filter((path) => path.startsWith(`${this.bundleDir}/`));
  }

  /** The listing, then the removal of what the bundle no longer has: once every segment is placed. */
  finish(listing: Buffer): PlacedBundle {
    const target = this.place(`${this.bundleDir}/${SEARCH_SHARDS_FILE}`, hashBytes(listing));
    if (target) writeFileAtomicSync(target, listing);
    this.prepareFinish();
    const stale = (this.presentInBundle as string[]).filter((path) => !this.bundleFiles.has(path));
    if (this.served) {
      // What the folder holds that no record says (a run killed mid-way, a file put there by hand).
      const bundlePath = join(this.siteDir, this.bundleDir);
      const relativePath = walkedRelative(this.siteDir);
      const consider = (file: string): void => {
        const path = relativePath(file);
        if (!this.bundleFiles.has(path) && !this.present.has(path)) stale.push(path);
      };
      for (const file of walkFilesSync(bundlePath, () => true, consider)) consider(file);
    }
    for (const path of stale) {
      removeFile(join(this.siteDir, path));
      for (let folder = dirname(join(this.siteDir, path)); folder.length > this.siteDir.length; folder = dirname(folder)) {
        try { rmdirSync(folder); } catch { break; }
      }
    }
    return { bundleFiles: this.bundleFiles, untouched: this.untouched };
  }
}

/** A folder whose parents may not exist, remembering what was made. */
function makeFolderSync(folder: string, made: Set<string>): void {
  if (made.has(folder)) return;
  mkdirSync(folder, { recursive: true });
  made.add(folder);
}

/** A hard link to the cached file (nothing writes into files in place), or a copy across file systems. */
function linkOrCopySync(source: string, target: string): void {
  try {
    linkSync(source, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'EMLINK' && code !== 'ENOTSUP') throw error;
    copyFileSync(source, target, constants.COPYFILE_EXCL);
  }
}

export async function writeSearchIndex(options: SearchIndexOptions): Promise<SearchIndexResult> {
  const earlyLane = new EarlyLane();
  try {
    return await indexSite(options, earlyLane);
  } finally {
    earlyLane.closeUnused();
  }
}

async function indexSite(options: SearchIndexOptions, earlyLane: EarlyLane): Promise<SearchIndexResult> {
  const bundleDir = (options.bundleDir ?? 'pagefind').split(sep).join('/').replace(/\/+$/, '');
  const bundlePath = join(options.siteDir, bundleDir);
  const variantTokens = options.variantTokens !== false;
  const settings = { language: variantTokens ? SEARCH_INDEX_LANGUAGE : options.language, variantTokens };
  const stepFingerprint = searchStepFingerprint(settings);
  const hashes = new Map<string, FileHash>();

  const pageCache = IndexedPageCache.load(options.cacheDir, stepFingerprint);
  options.steps?.mark('search: page cache loaded');
  const pages = await findIndexedPages(options, bundleDir, pageCache, hashes);
  options.steps?.mark('search: pages found');
  const runs = assignSegments(pages, options.segmentPages);
  // Each page's vocabulary is its run's, also in one segment of every run (the tests'
  // reference): set on the page, where a map of every page's URL was a sixth of a second
  // at 100,000 articles before Pagefind could start.
  for (const run of runs) for (const page of run.pages) page.vocabulary = run.name;
  const segments = options.oneSegment ? [oneSegment(runs)] : runs;

  // Without a cache folder, bundles are written into a temporary one in the site folder (the
  // same file system: placing them is linking, not copying) and it goes once they are placed.
  const scratch = options.cacheDir ? undefined : join(options.siteDir, `.search-segments-${randomBytes(6).toString('hex')}`);
  const cache = new SegmentCache(options.cacheDir ?? (scratch as string));
  // Synchronously, as the rest until Pagefind starts: an fs/promises call waited in libuv's
  // queue for up to a fifth of a second at 100,000 articles.
  cache.prepare();
  // Leftovers of a run killed mid-way, in a site folder that is not a fresh staging one (npm start).
  const writing = join(dirname(bundlePath), `.${basename(bundlePath)}-writing`);
  rmSync(writing, { recursive: true, force: true });
  rmSync(replacedBundle(bundlePath), { recursive: true, force: true });
  try {
    const fingerprints = segments.map((segment) => segmentFingerprint(stepFingerprint, segment.pages));
    const bundles: SegmentBundle[] = [];
    // Pagefind starts at once on the segments the cache has no entry for; this thread takes the others meanwhile.
    const absent: MissingSegment[] = [];
    const inCache: number[] = [];
    for (const [position, segment] of segments.entries()) {
      const fingerprint = fingerprints[position] as string;
      if (options.cacheDir && cache.has(fingerprint)) inCache.push(position);
      else absent.push({ position, segment, fingerprint });
    }
    const indexing = indexMissing(absent, cache, bundles, settings, earlyLane);
    // Awaited below; a lane that fails while this thread waits on the cache's files must not be
    // an unhandled rejection meanwhile (which ends the process) but the build's error.
    indexing.catch(() => undefined);
    const placer = options.present || options.served ? new DifferencesPlacer(options.siteDir, bundleDir, options.present ?? new Map(), options.served) : undefined;
    const damaged: MissingSegment[] = [];
    let segmentPages: string[][];
    let sortedPages: string[];
    try {
      const taken: number[] = [];
      for (const position of inCache) {
        const fingerprint = fingerprints[position] as string;
        // A file the site holds with these bytes already is not taken from the cache: not checked there either.
        const present = options.present;
        const segmentPath = (segments[position] as SearchSegment<FoundPage>).path;
        const needed = (path: string, file: FileHash): boolean => {
          if (position > 0 && onlyInTheNewestSegment(path)) return false;
          const there = present?.get(`${bundleDir}/${segmentPath}${path}`);
          return there === undefined || there.sha256 !== file.sha256 || there.bytes !== file.bytes;
        };
        const cached = await cache.take(fingerprint, needed);
        if (cached) {
          bundles[position] = cached;
          taken.push(position);
        } else damaged.push({ position, segment: segments[position] as SearchSegment<FoundPage>, fingerprint });
      }
      options.steps?.mark('search: cached segments taken');
      placer?.placeSegments(segments, bundles, taken);
      if (placer) options.steps?.mark('search: cached segments placed');
      // What needs none of the segments being indexed, while they are.
      segmentPages = segments.map((segment) => segment.pages.map((page) => page.url).sort());
      options.whileIndexing?.(segmentPages);
      sortedPages = pages.map((page) => page.url).sort();
      if (options.cacheDir) pageCache.save();
      placer?.prepareFinish();
    } catch (error) {
      await indexing.catch(() => undefined);
      throw error;
    }
    await indexing;
    // An entry found damaged: indexed once the others are done.
    await indexMissing(damaged, cache, bundles, settings, earlyLane);
    const missing = [...absent, ...damaged];
    options.steps?.mark(`search: ${missing.length} segments indexed`);

    const listed: SearchShardsFile = {
      shards: segments.map((segment) => ({ path: segment.path, pages: segment.pages.length, years: segment.years })),
    };
    const listing = Buffer.from(`${JSON.stringify(listed)}\n`);
    placer?.placeSegments(segments, bundles, missing.map(({ position }) => position));
    const placed = placer ? placer.finish(listing) : placeAside(options.siteDir, bundleDir, segments, bundles, listing, writing);
    const { bundleFiles, untouched } = placed;
    options.steps?.mark('search: index placed');

    if (options.cacheDir) {
      await cache.keepOnly(new Set(fingerprints));
      options.steps?.mark('search: caches kept');
    }
    for (const [path, hash] of bundleFiles) hashes.set(path, hash);
    return {
      pages: sortedPages,
      segments: listed.shards,
      segmentPages,
      reindexedSegments: missing.length,
      bundleFiles: [...bundleFiles.keys()].sort(),
      fileHashes: hashes,
      untouched,
    };
  } finally {
    await rm(writing, { recursive: true, force: true });
    if (scratch) await rm(scratch, { recursive: true, force: true });
  }
}
