// Which built pages the search index holds, their date keys and the hash of what Pagefind is
// given for them, remembered by the SHA-256 of the page's bytes in the search step's cache
// folder: a build that is handed the pages' hashes reads only the pages it has not seen
// before. The file may be missing or damaged; anything in it that does not look right is read
// again from the page.

import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomicSync } from '../fs/atomic-write.ts';
import type { IndexedPageFacts } from './indexed-page.ts';

/** A page's place in the index, or null when it is not indexed (no data-pagefind-body). */
export type IndexedPageInfo = IndexedPageFacts | null;

const CACHE_FILE = 'pages.json';

interface CacheFile {
  /** The search step's fingerprint: what the pages were read with (segment-fingerprint.ts). */
  fingerprint: string;
  /** Content hash → [sort key, year, indexed parts' hash], or 0 for a page the index does not hold. */
  pages: Record<string, readonly [string, string, string] | 0>;
}

function fromStored(value: unknown): IndexedPageInfo | undefined {
  if (value === 0) return null;
  if (!Array.isArray(value) || value.length !== 3) return undefined;
  const [sortKey, year, indexedSha256] = value as unknown[];
  const looksRight = typeof sortKey === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(sortKey) && typeof year === 'string' && /^\d{4}$/.test(year)
    && typeof indexedSha256 === 'string' && /^[0-9a-f]{64}$/.test(indexedSha256);
  return looksRight ? { sortKey, year, indexedSha256 } : undefined;
}

export class IndexedPageCache {
  /** What this build asked about and learnt: all that is saved, so the file never grows beyond one site. */
  private readonly used = new Map<string, IndexedPageInfo>();

  private constructor(private readonly dir: string | undefined, private readonly fingerprint: string, private readonly stored: Record<string, unknown>) {}

  /** The cache in `dir` (none without a folder: every page is read), for pages read with the step of this fingerprint. */
  static load(dir: string | undefined, fingerprint: string): IndexedPageCache {
    if (!dir) return new IndexedPageCache(undefined, fingerprint, {});
    try {
      // Synchronously, as the segment cache's lists (segment-cache.ts): an fs/promises read of
      // this file (18 MB at 100,000 articles) queues each of its chunks behind the pages' compression.
      const file = JSON.parse(readFileSync(join(dir, CACHE_FILE), 'utf8')) as Partial<CacheFile> | null;
      const usable = file?.fingerprint === fingerprint && typeof file.pages === 'object' && file.pages !== null && !Array.isArray(file.pages);
      return new IndexedPageCache(dir, fingerprint, usable ? (file.pages as Record<string, unknown>) : {});
    } catch {
      return new IndexedPageCache(dir, fingerprint, {});
    }
  }

  /** What is known of the page with these bytes; undefined when it must be read. */
  get(sha256: string): IndexedPageInfo | undefined {
    if (this.used.has(sha256)) return this.used.get(sha256);
    const known = Object.hasOwn(this.stored, sha256) ? fromStored(this.stored[sha256]) : undefined;
    if (known !== undefined) this.used.set(sha256, known);
    return known;
  }

  remember(sha256: string, info: IndexedPageInfo): void {
    this.used.set(sha256, info);
  }

  /**
   * Writes what this build used, replacing the file (never writing into it). Synchronously,
   * as it is read (18 MB at 100,000 articles): written asynchronously, it waited behind the
   * compression (0.32-0.41 s against 0.27-0.28 s with the save of the segment cache's leftovers).
   */
  save(): void {
    if (!this.dir) return;
    const pages: CacheFile['pages'] = {};
    for (const [sha256, info] of this.used) pages[sha256] = info ? [info.sortKey, info.year, info.indexedSha256] : 0;
    // A folder under the file's name (garbage) would refuse the rename.
    if (statSync(join(this.dir, CACHE_FILE), { throwIfNoEntry: false })?.isDirectory()) rmSync(join(this.dir, CACHE_FILE), { recursive: true });
    writeFileAtomicSync(join(this.dir, CACHE_FILE), `${JSON.stringify({ fingerprint: this.fingerprint, pages } satisfies CacheFile)}\n`);
  }
}
