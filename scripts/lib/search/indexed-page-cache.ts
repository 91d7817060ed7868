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
/**
 * The pages a build used that pages.json does not hold, rewritten whole by every build: at
 * 100,000 articles pages.json is 18 MB, and writing it again for the few hundred pages a
 * publish changes was 0.3-0.6 s. Entries are a function of the page's bytes, so the two files
 * need not be of one build: anything either holds under this fingerprint is right.
 */
const ADDED_FILE = 'pages-added.json';
/** pages.json is written again when more than this share of the entries a build used are not in it, or it holds that many unused. */
const REWRITE_AT = 0.1;

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

/**
 * The entries of one of the files, when it was written under this fingerprint; none else.
 * Synchronously, as the segment cache's lists (segment-cache.ts): an fs/promises read of
 * pages.json queues each of its chunks behind the pages' compression.
 */
function readEntries(file: string, fingerprint: string): Record<string, unknown> {
  try {
    const read = JSON.parse(readFileSync(file, 'utf8')) as Partial<CacheFile> | null;
    const usable = read?.fingerprint === fingerprint && typeof read.pages === 'object' && read.pages !== null && !Array.isArray(read.pages);
    return usable ? (read.pages as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Replaces a file with these entries (never writing into it); a folder under its name (garbage) would refuse the rename. */
function writeEntries(file: string, fingerprint: string, entries: Iterable<[string, IndexedPageInfo]>): void {
  const pages: CacheFile['pages'] = {};
  for (const [sha256, info] of entries) pages[sha256] = info ? [info.sortKey, info.year, info.indexedSha256] : 0;
  if (statSync(file, { throwIfNoEntry: false })?.isDirectory()) rmSync(file, { recursive: true });
  writeFileAtomicSync(file, `${JSON.stringify({ fingerprint, pages } satisfies CacheFile)}\n`);
}

export class IndexedPageCache {
  /** What this build asked about and learnt: all that is saved, so the files never grow much beyond one site. */
  private readonly used = new Map<string, IndexedPageInfo>();
  /** Of those, the ones pages.json answered. */
  private readonly fromBase = new Set<string>();

  private constructor(
    private readonly dir: string | undefined, private readonly fingerprint: string,
    private readonly base: Record<string, unknown>, private readonly added: Record<string, unknown>,
  ) {}

  /** The cache in `dir` (none without a folder: every page is read), for pages read with the step of this fingerprint. */
  static load(dir: string | undefined, fingerprint: string): IndexedPageCache {
    if (!dir) return new IndexedPageCache(undefined, fingerprint, {}, {});
    return new IndexedPageCache(dir, fingerprint, readEntries(join(dir, CACHE_FILE), fingerprint), readEntries(join(dir, ADDED_FILE), fingerprint));
  }

  /** What is known of the page with these bytes; undefined when it must be read. */
  get(sha256: string): IndexedPageInfo | undefined {
    if (this.used.has(sha256)) return this.used.get(sha256);
    const inBase = Object.hasOwn(this.base, sha256) ? fromStored(this.base[sha256]) : undefined;
    if (inBase !== undefined) this.fromBase.add(sha256);
    const known = inBase !== undefined ? inBase : Object.hasOwn(this.added, sha256) ? fromStored(this.added[sha256]) : undefined;
    if (known !== undefined) this.used.set(sha256, known);
    return known;
  }

  remember(sha256: string, info: IndexedPageInfo): void {
    this.used.set(sha256, info);
    this.fromBase.delete(sha256);
  }

  /**
   * Writes what this build used: the entries pages.json does not hold into the added file,
   * or, when those and the ones it holds unused are more than a tenth, everything into
   * pages.json, the added file then gone. Synchronously, as it is read: written
   * asynchronously, pages.json waited behind the compression.
   */
  save(): void {
    if (!this.dir) return;
    const unusedInBase = Object.keys(this.base).length - this.fromBase.size;
    const notInBase = [...this.used].filter(([sha256]) => !this.fromBase.has(sha256));
    if (notInBase.length + unusedInBase > REWRITE_AT * this.used.size) {
      writeEntries(join(this.dir, CACHE_FILE), this.fingerprint, this.used);
      rmSync(join(this.dir, ADDED_FILE), { recursive: true, force: true });
    } else {
      writeEntries(join(this.dir, ADDED_FILE), this.fingerprint, notInBase);
    }
  }
}
