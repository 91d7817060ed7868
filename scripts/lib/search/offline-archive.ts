// What the offline copy of the site is made of: the shell the service worker keeps from
// its install, and the archive «save for offline search» downloads (its search part: the
// search and offline pages, the assets and the index; then every article), each file with
// its size and content hash, so that an update downloads only what changed, and a version
// derived from their content only. The archive's list is cut into parts along the search
// index's segments (one of the segment's index files, one of its pages), each a file named by
// its content: a publish, which changes the newest segment, writes that segment's parts and
// the short list of parts, where one list of every file was 22 MB at 100,000 articles to
// write, compress and download again on every publish.

import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { walkFilesSync } from '../fs/walk-files.ts';
import { isPrecompressedCopy } from '../site/precompress.ts';
import { archiveHash } from '../../../assets/js/archive-plan.ts';
import { ARCHIVE_PARTS_DIR, type ArchiveFile, type ArchiveIndex, type ArchivePartFile } from '../../../assets/js/cache-names.ts';
import { hashBytes, hashFileSync, type FileHash } from '../fs/file-hashes.ts';

/** A part of the archive's list as written: its site-relative path, bytes and hash. */
export interface ArchivePart {
  path: string;
  bytes: Buffer;
  hash: FileHash;
}

export interface OfflineFiles {
  /** Kept from install: the home, search and offline pages and every asset (CSS, fonts, scripts). */
  shell: ArchiveFile[];
  /** The list of parts (ARCHIVE_MANIFEST), with the archive's version and sizes. */
  index: ArchiveIndex;
  /** The parts, in the list's order. */
  parts: ArchivePart[];
}

export interface OfflineArchiveInput {
  /** The built, indexed site. */
  siteDir: string;
  /**
   * The search index's segments, newest first: the folder each has in the index ('' for the
   * newest, at its root: search-segments.ts) and the URLs of its pages (/articles/x/).
   */
  segments: readonly { folder: string; pages: readonly string[] }[];
  /** Every file of the search index, site-relative (pagefind/…). */
  indexFiles: readonly string[];
  /** The index's folder, site-relative (default 'pagefind'). */
  bundleDir?: string;
  /**
   * Where the site's /assets/ are read from: the output's own (the default), except under
   * the dev server, which serves them from their source folder.
   */
  assetsDir?: string;
  /**
   * Hashes of files of siteDir known without reading them, by site-relative posix path
   * (articles/x/index.html). A file not in it is read. Never used for an assetsDir elsewhere.
   */
  knownHashes?: Pick<ReadonlyMap<string, FileHash>, 'get' | 'has'>;
  /** The articles' lists, made beforehand (articleLists) with these segments' pages; made here when not given. */
  articles?: ArticleLists;
}

/** The articles' part of the archive: one list per segment that has pages, with its part. */
export interface ArticleLists {
  lists: ArchiveFile[][];
  parts: ArchivePart[];
}

const asPosix = (path: string): string => path.split(sep).join('/');

/** The pages of the shell and of the copy's search part besides the home page. */
const SEARCH_PAGES = ['search/', 'offline/'];

/**
 * The version of a list of files: a hash of each path, size and content hash, in order. It
 * changes exactly when a saved copy would be stale; it never reads the clock.
 */
export function archiveVersion(files: readonly ({ path: string } & FileHash)[]): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(`${file.path}\0${file.bytes}\0${file.sha256}\n`);
  return hash.digest('hex').slice(0, 16);
}

/**
 * The index files of each segment, in the order of `segments`: a file in a segment's folder
 * is that segment's; any other (the newest segment's, at the root, and the index's own
 * files) goes with the first.
 */
function indexFilesBySegment(indexFiles: readonly string[], bundleDir: string, segments: OfflineArchiveInput['segments']): string[][] {
  const positionOf = new Map(segments.map((segment, position) => [segment.folder, position]));
  const groups = segments.map((): string[] => []);
  if (groups.length === 0) groups.push([]);
  const prefix = `${bundleDir}/`;
  for (const path of indexFiles) {
    const rest = path.startsWith(prefix) ? path.slice(prefix.length) : path;
    const slash = rest.indexOf('/');
    const position = slash === -1 ? 0 : positionOf.get(rest.slice(0, slash + 1)) ?? 0;
    (groups[position] as string[]).push(path);
  }
  return groups;
}

/** A part of the list, named by its content. */
function archivePart(files: ArchiveFile[]): ArchivePart {
  const bytes = Buffer.from(`${JSON.stringify({ files } satisfies ArchivePartFile)}\n`);
  const hash = hashBytes(bytes);
  return { path: `${ARCHIVE_PARTS_DIR}/${archiveHash(hash.sha256)}.json`, bytes, hash };
}

/** How a listed path's size and hash are found: among the known hashes, else by reading its file. */
function listedFiles(input: Pick<OfflineArchiveInput, 'siteDir' | 'assetsDir' | 'knownHashes'>) {
  const { siteDir } = input;
  const assetsDir = input.assetsDir ?? join(siteDir, 'assets');
  const assetsInSite = resolve(assetsDir) === resolve(siteDir, 'assets');
  /** A listed path's key among the known hashes: its file in siteDir; undefined for an asset read elsewhere. */
  const keyOf = (path: string): string | undefined => {
    if (path.startsWith('assets/')) return assetsInSite ? path : undefined;
    return path === '' || path.endsWith('/') ? `${path}index.html` : path;
  };
  const fileOf = (path: string): string => {
    if (path.startsWith('assets/')) return join(assetsDir, path.slice('assets/'.length));
    return join(siteDir, keyOf(path) as string);
  };
  // Looked up before any path is joined: the articles are 100,000 lookups at 100,000 articles.
  const hashOf = (path: string): FileHash => {
    const key = keyOf(path);
    return (key === undefined ? undefined : input.knownHashes?.get(key)) ?? hashFileSync(fileOf(path));
  };
  const exists = (path: string): boolean => {
    const key = keyOf(path);
    if (key !== undefined && input.knownHashes?.has(key)) return true;
    return statSync(fileOf(path), { throwIfNoEntry: false })?.isFile() ?? false;
  };
  const entry = (path: string): ArchiveFile => {
    const { bytes, sha256 } = hashOf(path);
    return { path, bytes, hash: archiveHash(sha256) };
  };
  return { assetsDir, hashOf, exists, entry };
}

const nonEmpty = (lists: ArchiveFile[][]): ArchiveFile[][] => lists.filter((files) => files.length > 0);

/**
 * The articles' lists, a function of the segments' pages and of their files alone: made
 * while the index is (build-search.ts), which at 100,000 articles is 120,000 entries.
 */
export function articleLists(input: Pick<OfflineArchiveInput, 'siteDir' | 'knownHashes'>, segmentPages: readonly (readonly string[])[]): ArticleLists {
  const { entry } = listedFiles(input);
  const lists = nonEmpty(segmentPages.map((pages) => pages.map((url) => entry(url.startsWith('/') ? url.slice(1) : url))));
  return { lists, parts: lists.map(archivePart) };
}

/**
 * Lists the shell and the archive of a built, indexed site, with their sizes and version.
 * Its few stats and listings are synchronous: run while the pages' copies are compressed,
 * each asynchronous one queued behind the compression on libuv's threads (a fifth of a
 * second of a 10,000-article publish, for some thirty files).
 */
export async function offlineFiles(input: OfflineArchiveInput): Promise<OfflineFiles> {
  const { assetsDir, hashOf, exists, entry } = listedFiles(input);
  const assets: string[] = [];
  // A missing folder lists nothing.
  for (const file of walkFilesSync(assetsDir)) {
    // TypeScript sources are built into scripts; only the dev server's source folder has them.
    // The precompressed copies are the host's business: a browser asks for the file itself.
    if (!file.endsWith('.ts') && !isPrecompressedCopy(file)) assets.push(`assets/${asPosix(relative(assetsDir, file))}`);
  }

  const shellPaths = ['', ...SEARCH_PAGES, ...assets].filter(exists);
  const shellHashes = shellPaths.map((path) => ({ path, ...hashOf(path) }));
  const shell = shellHashes.map(({ path, bytes, sha256 }): ArchiveFile => ({ path, bytes, hash: archiveHash(sha256) }));
  // The search part is the shell without the home page (which changes with every article),
  // then the index: what the offline search page needs, all of one build. Then the articles.
  const indexFiles = indexFilesBySegment(input.indexFiles, input.bundleDir ?? 'pagefind', input.segments);
  const searchLists = indexFiles.map((paths, position) => [...(position === 0 ? shell.filter((file) => file.path !== '') : []), ...paths.map(entry)]);
  const articles = input.articles ?? articleLists(input, input.segments.map((segment) => segment.pages));
  const searchParts = nonEmpty(searchLists);
  const lists = [...searchParts, ...articles.lists];
  const parts = [...searchParts.map(archivePart), ...articles.parts];
  const sum = (files: readonly ArchiveFile[]): number => files.reduce((total, file) => total + file.bytes, 0);
  const count = (upTo: number): number => lists.slice(0, upTo).reduce((total, files) => total + files.length, 0);
  // Each part's hash covers its files' paths, sizes and hashes: the version changes with any of them.
  const version = archiveVersion([...shellHashes, ...parts.map(({ path, bytes, hash }) => ({ path, bytes: bytes.length, sha256: hash.sha256 }))]);
  return {
    shell,
    index: {
      version,
      bytes: lists.reduce((total, files) => total + sum(files), 0),
      searchBytes: searchParts.reduce((total, files) => total + sum(files), 0),
      searchFiles: count(searchParts.length),
      files: count(lists.length),
      parts: parts.map((part, position) => ({ path: part.path, files: (lists[position] as ArchiveFile[]).length })),
    },
    parts,
  };
}
