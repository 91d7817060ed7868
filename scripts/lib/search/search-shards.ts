// How the search index is split when one Pagefind index would not fit in memory: pages go
// into shards of at most `pagesPerShard`, by date, newest first, each shard a contiguous
// run of dates. The search page searches every shard and merges (search-merge.ts): by
// score for relevance, shard after shard for newest first — which is why a shard must be a
// run of dates, and why pages of the same date never straddle two shards.

export interface ShardablePage {
  url: string;
  /** Pagefind's sort key: YYYYMMDDhhmmss, fixed width, so text order is date order. */
  sortKey: string;
  /** The year filter value. */
  year: string;
}

export interface SearchShard<Page extends ShardablePage = ShardablePage> {
  /** Folder of the shard's bundle, relative to the search bundle folder: '' for the first. */
  path: string;
  /** Its pages, in the order they are given to Pagefind (newest first, then by URL). */
  pages: Page[];
  /** Years its pages were published in, newest first: a year filter skips the other shards. */
  years: string[];
}

/** The shard's folder inside the bundle: the first shard is the bundle itself. */
export function shardPath(position: number): string {
  return position === 0 ? '' : `shard-${position + 1}/`;
}

/** Newest first; the same date by URL, so the split never depends on the order read. */
function newestFirst(a: ShardablePage, b: ShardablePage): number {
  if (a.sortKey !== b.sortKey) return a.sortKey < b.sortKey ? 1 : -1;
  return a.url < b.url ? -1 : a.url > b.url ? 1 : 0;
}

/**
 * Splits the pages into as few shards as `pagesPerShard` allows, of even sizes. A shard may
 * run over the limit to keep pages of one date together (a day's articles share a key).
 */
export function splitIntoShards<Page extends ShardablePage>(pages: readonly Page[], pagesPerShard: number): SearchShard<Page>[] {
  if (!Number.isInteger(pagesPerShard) || pagesPerShard < 1) throw new Error(`pages per search shard must be a whole number ≥ 1, not ${pagesPerShard}`);
  const sorted = [...pages].sort(newestFirst);
  const count = Math.max(1, Math.ceil(sorted.length / pagesPerShard));
  const target = Math.ceil(sorted.length / count);
  const groups: Page[][] = [];
  let current: Page[] = [];
  for (const page of sorted) {
    const previous = current.at(-1);
    if (current.length >= target && previous && previous.sortKey !== page.sortKey) {
      groups.push(current);
      current = [];
    }
    current.push(page);
  }
  groups.push(current);
  return groups.map((group, position) => ({
    path: shardPath(position),
    pages: group,
    years: [...new Set(group.map((page) => page.year))],
  }));
}
