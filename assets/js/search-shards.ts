// The search index's segments (called shards here and in the file the page reads) as the
// build lists them and the search page reads them. Shared by the build (Node) and the search
// page (browser); pure.
//
// Why segments: runs of at most 250 pages of one quarter of the articles' dates
// (scripts/lib/search/search-segments.ts), so a new article changes one segment's bundle and the others stay cached; and one Pagefind
// index holds every page in memory while it is written (about a third of a megabyte a page).

/** The list of segments, in the search bundle folder. */
export const SEARCH_SHARDS_FILE = 'search-shards.json';

export interface SearchShardEntry {
  /** The segment's bundle folder, relative to the search bundle folder ('' is the bundle itself, the newest). */
  path: string;
  pages: number;
  /** Years its pages were published in. */
  years: string[];
}

export interface SearchShardsFile {
  /** Newest first: every page of a segment is newer than (or as new as) every page of the next. */
  shards: SearchShardEntry[];
}

/** The segments that can hold results: with a year filter, those with pages of that year. */
export function shardsToSearch(shards: readonly SearchShardEntry[], year: string | undefined): SearchShardEntry[] {
  return year ? shards.filter((shard) => shard.years.includes(year)) : [...shards];
}

/**
 * The filter every segment's pages carry (Pagefind's mergeFilter): its position, from '1'. A
 * newest-first search asks each segment on its own through it, because Pagefind's merged
 * results are in score order and a sorted search's score is the page's position in its own segment.
 */
export const SHARD_FILTER = 'shard';

export function shardFilterValue(position: number): string {
  return String(position + 1);
}
