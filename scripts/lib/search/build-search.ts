// The search and offline step of a build, run on the rendered site before it goes live:
// the Pagefind index, the browser scripts, the offline archive's manifest and the
// versioned service worker. A failure here fails the build.

import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ARCHIVE_MANIFEST, ARCHIVE_SUMMARY, type ArchiveSummary } from '../../../assets/js/cache-names.ts';
import type { SiteSettings } from '../config/site.ts';
import { writePageScripts, writeServiceWorker } from './browser-scripts.ts';
import { offlineFiles } from './offline-archive.ts';
import { writeSearchIndex } from './search-index.ts';

export interface SearchBuildResult {
  /** URLs of the indexed pages. */
  pages: string[];
  /** The offline copy's version (sw.js, cache names). */
  version: string;
  /** Shards of the index. */
  shards: number;
}

/**
 * `assetsDir`: where /assets/ is read from to version the offline copy; the output's own by
 * default, the source folder under the dev server (which does not copy it).
 */
export async function buildSearch(siteDir: string, site: Pick<SiteSettings, 'language' | 'searchPagesPerShard'>, assetsDir?: string): Promise<SearchBuildResult> {
  const { pages, shards } = await writeSearchIndex({ siteDir, language: site.language, pagesPerShard: site.searchPagesPerShard });
  await writePageScripts(siteDir);
  const { shell, manifest } = await offlineFiles(siteDir, pages, assetsDir);
  await writeFile(join(siteDir, ARCHIVE_MANIFEST), `${JSON.stringify(manifest)}\n`);
  const summary: ArchiveSummary = { version: manifest.version, bytes: manifest.bytes, files: manifest.files.length };
  await writeFile(join(siteDir, ARCHIVE_SUMMARY), `${JSON.stringify(summary)}\n`);
  await writeServiceWorker(siteDir, manifest.version, shell);
  return { pages, version: manifest.version, shards: shards.length };
}
