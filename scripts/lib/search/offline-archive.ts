// What the offline copy of the site is made of: the shell the service worker keeps from
// its install, and the archive «save for offline search» downloads (the search index and
// every article), with their sizes and a version derived from their content only.

import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { walkFiles } from '../fs/walk-files.ts';
import type { ArchiveManifest } from '../../../assets/js/cache-names.ts';
import { hashFileSync, type FileHash } from './file-hashes.ts';

export interface OfflineFiles {
  /** Kept from install: the home and search pages and every asset (CSS, fonts, scripts). */
  shell: string[];
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
  knownHashes?: ReadonlyMap<string, FileHash>;
}

const asPosix = (path: string): string => path.split(sep).join('/');

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
      if (!file.endsWith('.ts')) assets.push(`assets/${asPosix(relative(assetsDir, file))}`);
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

  const shell: string[] = [];
  for (const path of ['', 'search/', ...assets]) if (await exists(path)) shell.push(path);
  const archive = [...input.indexFiles, ...input.pages.map((url) => url.replace(/^\//, ''))].map(hashOf);
  const version = archiveVersion([...shell.map(hashOf), ...archive]);
  const files = archive.map(({ path, bytes }) => ({ path, bytes }));
  return { shell, manifest: { version, bytes: files.reduce((sum, file) => sum + file.bytes, 0), files } };
}
