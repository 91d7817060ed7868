// What the offline copy of the site is made of: the shell the service worker keeps from
// its install, and the archive «save for offline search» downloads (its search part: the
// search and offline pages, the assets and the index; then every article), each file with
// its size and content hash, so that an update downloads only what changed, and a version
// derived from their content only.

import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { walkFiles } from '../fs/walk-files.ts';
import { isPrecompressedCopy } from '../site/precompress.ts';
import { archiveHash } from '../../../assets/js/archive-plan.ts';
import type { ArchiveFile, ArchiveManifest } from '../../../assets/js/cache-names.ts';
import { hashFileSync, type FileHash } from '../fs/file-hashes.ts';

export interface OfflineFiles {
  /** Kept from install: the home, search and offline pages and every asset (CSS, fonts, scripts). */
  shell: ArchiveFile[];
  manifest: ArchiveManifest;
}

export interface OfflineArchiveInput {
  /** The built, indexed site. */
  siteDir: string;
  /** The indexed page URLs (/articles/x/). */
  pages: readonly string[];
  /** Every file of the search index, site-relative (pagefind/…). */
  indexFiles: readonly string[];
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

/** Lists the shell and the archive of a built, indexed site, with their sizes and version. */
export async function offlineFiles(input: OfflineArchiveInput): Promise<OfflineFiles> {
  const { siteDir } = input;
  const assetsDir = input.assetsDir ?? join(siteDir, 'assets');
  const assetsInSite = resolve(assetsDir) === resolve(siteDir, 'assets');
  const assets: string[] = [];
  if (await stat(assetsDir).catch(() => undefined)) {
    for await (const file of walkFiles(assetsDir)) {
      // TypeScript sources are built into scripts; only the dev server's source folder has them.
      // The precompressed copies are the host's business: a browser asks for the file itself.
      if (!file.endsWith('.ts') && !isPrecompressedCopy(file)) assets.push(`assets/${asPosix(relative(assetsDir, file))}`);
    }
  }

  /** The file behind a listed path, and its key among the known hashes when it is in siteDir. */
  const fileOf = (path: string): { file: string; key: string | undefined } => {
    if (path.startsWith('assets/')) return { file: join(assetsDir, path.slice('assets/'.length)), key: assetsInSite ? path : undefined };
    const key = path === '' || path.endsWith('/') ? `${path}index.html` : path;
    return { file: join(siteDir, key), key };
  };
  const hashOf = (path: string): { path: string } & FileHash => {
    const { file, key } = fileOf(path);
    const known = key === undefined ? undefined : input.knownHashes?.get(key);
    return { path, ...(known ?? hashFileSync(file)) };
  };
  const exists = async (path: string): Promise<boolean> => {
    const { file, key } = fileOf(path);
    if (key !== undefined && input.knownHashes?.has(key)) return true;
    return (await stat(file).catch(() => undefined))?.isFile() ?? false;
  };

  const shellPaths: string[] = [];
  for (const path of ['', ...SEARCH_PAGES, ...assets]) if (await exists(path)) shellPaths.push(path);
  const shellHashes = shellPaths.map(hashOf);
  // The search part is the shell without the home page (which changes with every article),
  // then the index: what the offline search page needs, all of one build.
  const index = input.indexFiles.map(hashOf);
  const search = [...shellHashes.filter((file) => file.path !== ''), ...index];
  const articles = input.pages.map((url) => hashOf(url.replace(/^\//, '')));
  const version = archiveVersion([...shellHashes, ...index, ...articles]);
  const entry = ({ path, bytes, sha256 }: { path: string } & FileHash): ArchiveFile => ({ path, bytes, hash: archiveHash(sha256) });
  const files = [...search, ...articles].map(entry);
  const sum = (list: readonly ArchiveFile[]): number => list.reduce((total, file) => total + file.bytes, 0);
  return {
    shell: shellHashes.map(entry),
    manifest: { version, bytes: sum(files), searchBytes: sum(files.slice(0, search.length)), searchFiles: search.length, files },
  };
}
