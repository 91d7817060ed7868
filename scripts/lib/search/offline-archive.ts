// What the offline copy of the site is made of: the shell the service worker keeps from
// its install, and the archive «save for offline search» downloads (the search index and
// every article), with their sizes and a version derived from their content only.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { walkFiles } from '../fs/walk-files.ts';
import type { ArchiveManifest } from '../../../assets/js/cache-names.ts';

export interface OfflineFiles {
  /** Kept from install: the home and search pages and every asset (CSS, fonts, scripts). */
  shell: string[];
  manifest: ArchiveManifest;
}

const asPosix = (path: string): string => path.split(sep).join('/');

/**
 * Lists the shell and the archive of a built, indexed site. `pages` are the indexed page
 * URLs (/articles/x/). The version hashes the paths and bytes of everything listed, so it
 * changes exactly when a saved copy would be stale; it never reads the clock. `assetsDir`
 * is where the site's /assets/ are read from: the output's own, except under the dev
 * server, which serves them from their source folder.
 */
export async function offlineFiles(siteDir: string, pages: readonly string[], assetsDir = join(siteDir, 'assets')): Promise<OfflineFiles> {
  const bundleDir = join(siteDir, 'pagefind');
  // Every shard of the index, as written: search-index.ts leaves nothing the page never loads.
  const indexFiles: string[] = [];
  for await (const file of walkFiles(bundleDir)) indexFiles.push(`pagefind/${asPosix(relative(bundleDir, file))}`);
  const assets: string[] = [];
  if (await stat(assetsDir).catch(() => undefined)) {
    for await (const file of walkFiles(assetsDir)) {
      // TypeScript sources are built into scripts; only the dev server's source folder has them.
      if (!file.endsWith('.ts')) assets.push(`assets/${asPosix(relative(assetsDir, file))}`);
    }
  }

  const fileOf = (path: string): string => {
    if (path.startsWith('assets/')) return join(assetsDir, path.slice('assets/'.length));
    return join(siteDir, path === '' || path.endsWith('/') ? `${path}index.html` : path);
  };
  const exists = async (path: string): Promise<boolean> => (await stat(fileOf(path)).catch(() => undefined))?.isFile() ?? false;
  const shell: string[] = [];
  for (const path of ['', 'search/', ...assets]) if (await exists(path)) shell.push(path);
  const archivePaths = [...indexFiles, ...pages.map((url) => url.replace(/^\//, ''))];
  const hash = createHash('sha256');
  const hashFile = async (path: string): Promise<number> => {
    // Synchronously: a tenth of the time of fs/promises for thousands of small files.
    const bytes = readFileSync(fileOf(path));
    hash.update(`${path}\0${bytes.length}\0`).update(bytes);
    return bytes.length;
  };
  for (const path of shell) await hashFile(path);
  const files: ArchiveManifest['files'] = [];
  for (const path of archivePaths) files.push({ path, bytes: await hashFile(path) });
  const version = hash.digest('hex').slice(0, 16);
  return { shell, manifest: { version, bytes: files.reduce((sum, file) => sum + file.bytes, 0), files } };
}
