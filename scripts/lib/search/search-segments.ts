// How the search index is cut into segments: one per calendar quarter of the article's date,
// read from its sort key (written in the site's time zone). A page's segment depends on its
// own date alone, never on the other pages or on earlier builds, so a new article changes
// one segment and the others, and their cached bundles, stay as they were. The search page
// merges them (assets/js/search-shards.ts): newest first it asks segment after segment,
// which is why a segment is a run of dates and the segments are listed newest first.

export interface SegmentablePage {
  url: string;
  /** Pagefind's sort key: YYYYMMDDhhmmss in the site's time zone, so text order is date order. */
  sortKey: string;
  /** The year filter value. */
  year: string;
}

export interface SearchSegment<Page extends SegmentablePage = SegmentablePage> {
  /** The quarter it holds, as 2017-q3; also its folder's name when it is not the newest. */
  name: string;
  /** Folder of its bundle, relative to the search bundle folder: '' for the newest. */
  path: string;
  /** Its pages, in the order they are given to Pagefind (newest first, then by URL). */
  pages: Page[];
  /** Years its pages were published in, newest first: a year filter skips the other segments. */
  years: string[];
}

/** The segment of an archive with no article: an empty index, so search finds nothing rather than failing. */
export const EMPTY_SEGMENT_NAME = 'empty';

const SORT_KEY = /^(\d{4})-(\d{2})-\d{2}T\d{2}:\d{2}:\d{2}$/;

/** The quarter a sort key falls in: 2017-04-01T00:00:00 → 2017-q2. */
export function segmentName(sortKey: string): string {
  const match = SORT_KEY.exec(sortKey);
  const month = Number(match?.[2]);
  if (!match || month < 1 || month > 12) throw new Error(`not a search sort key (YYYY-MM-DDThh:mm:ss): «${sortKey}»`);
  return `${match[1]}-q${Math.ceil(month / 3)}`;
}

/** The segment's folder inside the bundle: the newest is the bundle itself. */
export function segmentPath(name: string, position: number): string {
  return position === 0 ? '' : `${name}/`;
}

/** Newest first; the same date by URL, so the order never depends on the order read. */
function newestFirst(a: SegmentablePage, b: SegmentablePage): number {
  if (a.sortKey !== b.sortKey) return a.sortKey < b.sortKey ? 1 : -1;
  return a.url < b.url ? -1 : a.url > b.url ? 1 : 0;
}

/**
 * One segment per quarter that has pages, newest first (the pages are taken newest first, so
 * the segments come in that order too). `oneSegment` puts every page into one: a single
 * index, which the tests compare the segmented one with.
 */
export function assignSegments<Page extends SegmentablePage>(pages: readonly Page[], oneSegment = false): SearchSegment<Page>[] {
  if (pages.length === 0) return [{ name: EMPTY_SEGMENT_NAME, path: '', pages: [], years: [] }];
  const byName = new Map<string, Page[]>();
  for (const page of [...pages].sort(newestFirst)) {
    const quarter = segmentName(page.sortKey);
    const name = oneSegment ? 'all' : quarter;
    const group = byName.get(name);
    if (group) group.push(page);
    else byName.set(name, [page]);
  }
  return [...byName].map(([name, group], position) => ({
    name,
    path: segmentPath(name, position),
    pages: group,
    years: [...new Set(group.map((page) => page.year))],
  }));
}
