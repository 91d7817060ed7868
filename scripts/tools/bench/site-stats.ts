// Sizes of a built site for the benchmark report: pages written, bytes in all, and bytes of
// the search index (_site/pagefind) when the build made one.

import { opendir, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface FolderSize {
  files: number;
  bytes: number;
  htmlFiles: number;
}

/** Walks a folder (hidden entries included, links not followed) and adds up its files. */
export async function folderSize(folder: string): Promise<FolderSize> {
  const total: FolderSize = { files: 0, bytes: 0, htmlFiles: 0 };
  const pending = [folder];
  while (pending.length > 0) {
    const current = pending.pop() as string;
    for await (const entry of await opendir(current)) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) pending.push(path);
      else if (entry.isFile()) {
        total.files += 1;
        total.bytes += (await stat(path)).size;
        if (entry.name.endsWith('.html')) total.htmlFiles += 1;
      }
    }
  }
  return total;
}

export interface SiteStats {
  /** .html files in the output. */
  pages: number;
  files: number;
  bytes: number;
  /** Bytes of _site/pagefind; null when there is no search index. */
  searchIndexBytes: number | null;
  searchIndexFiles: number | null;
}

export async function siteStats(siteDir: string): Promise<SiteStats | undefined> {
  const exists = await stat(siteDir).then((info) => info.isDirectory(), () => false);
  if (!exists) return undefined;
  const site = await folderSize(siteDir);
  const hasIndex = await stat(join(siteDir, 'pagefind')).then((info) => info.isDirectory(), () => false);
  const index = hasIndex ? await folderSize(join(siteDir, 'pagefind')) : undefined;
  return {
    pages: site.htmlFiles,
    files: site.files,
    bytes: site.bytes,
    searchIndexBytes: index?.bytes ?? null,
    searchIndexFiles: index?.files ?? null,
  };
}
