// How the search index is cut into segments: runs of at most SEGMENT_PAGES pages inside each
// calendar quarter of the article's date (read from its sort key, written in the site's time
// zone), counted from the quarter's oldest page. A page's segment depends on its own date and
// the pages of its own quarter that are older, never on the other quarters or on earlier
// builds: a new article changes its quarter's newest run, a correction the run of the
// corrected article, and the other segments, and their cached bundles, stay as they were. The
// cap keeps a re-index a matter of seconds at any archive size (a quarter of a 100,000-article
// daily is about 2,500 pages, 12 s of Pagefind). The search page merges the segments
// (assets/js/search-shards.ts): newest first it asks segment after segment, which is why a
// segment is a run of dates and the segments are listed newest first.

export interface SegmentablePage {
  url: string;
  /** Pagefind's sort key: YYYYMMDDhhmmss in the site's time zone, so text order is date order. */
  sortKey: string;
  /** The year filter value. */
  year: string;
}

export interface SearchSegment<Page extends SegmentablePage = SegmentablePage> {
  /**
   * The run it is: its quarter, as 2017-q3, for the quarter's oldest run, then 2017-q3-2,
   * 2017-q3-3 …; also its folder's name when it is not the newest, and the group of pages
   * whose words make its pages' variant tokens (pagefind-segment.ts).
   */
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

/**
 * Pages a segment holds at most. Pagefind's time on a segment grows with its pages, with
 * almost nothing fixed per segment: 2.4–2.6 s for 500 pages of the 100,000-article bench
 * archive, 1.2–1.3 s for 250 (Pagefind alone, three runs each). A correction waits for
 * its segment: at 100,000 articles the build's wait for it went from 2.0–2.1 s to 0.5–0.7 s. The price is
 * more segments (a quarter of such a daily is ten, not five): a search that reads far into
 * the past asks more of them, while the first results still come from the newest one. A
 * search no segment answers asks all 429 at 100,000 articles: 12.3–12.7 s, against 8.3–8.6 s
 * for 227 of 500 pages (assets/js/search-engine.ts asks them through an instance per run).
 */
export const SEGMENT_PAGES = 250;

const SORT_KEY = /^(\d{4})-(\d{2})-\d{2}T\d{2}:\d{2}:\d{2}$/;

/** The quarter a sort key falls in: 2017-04-01T00:00:00 → 2017-q2. */
export function quarterOf(sortKey: string): string {
  const match = SORT_KEY.exec(sortKey);
  const month = Number(match?.[2]);
  if (!match || month < 1 || month > 12) throw new Error(`not a search sort key (YYYY-MM-DDThh:mm:ss): «${sortKey}»`);
  return `${match[1]}-q${Math.ceil(month / 3)}`;
}

/** The name of a quarter's run, counted from 0 at its oldest: 2017-q3, 2017-q3-2 … */
export function runName(quarter: string, run: number): string {
  return run === 0 ? quarter : `${quarter}-${run + 1}`;
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

const yearsOf = (pages: readonly SegmentablePage[]): string[] => [...new Set(pages.map((page) => page.year))];

/**
 * The segments, newest first: each quarter that has pages cut into runs of `runPages`
 * counted from its oldest page (so its newest run is the one that is not full). A test sets
 * `runPages` small, to cut a small corpus into many runs.
 */
export function assignSegments<Page extends SegmentablePage>(pages: readonly Page[], runPages = SEGMENT_PAGES): SearchSegment<Page>[] {
  if (!Number.isInteger(runPages) || runPages < 1) throw new Error(`a segment holds a whole number of pages, at least 1: ${runPages}`);
  if (pages.length === 0) return [{ name: EMPTY_SEGMENT_NAME, path: '', pages: [], years: [] }];
  const quarters = new Map<string, Page[]>();
  for (const page of [...pages].sort(newestFirst)) {
    const quarter = quarterOf(page.sortKey);
    const group = quarters.get(quarter);
    if (group) group.push(page);
    else quarters.set(quarter, [page]);
  }
  const runs: { name: string; pages: Page[] }[] = [];
  for (const [quarter, group] of quarters) {
    // Newest first: the last run counted from the oldest is the first here, and the short one.
    const count = Math.ceil(group.length / runPages);
    for (let run = count - 1; run >= 0; run -= 1) {
      const start = group.length - (run + 1) * runPages;
      runs.push({ name: runName(quarter, run), pages: group.slice(Math.max(0, start), start + runPages) });
    }
  }
  return runs.map(({ name, pages: group }, position) => ({ name, path: segmentPath(name, position), pages: group, years: yearsOf(group) }));
}

/**
 * Every page in one segment, in the order of the segments: a single index, which the tests
 * compare the segmented one with.
 */
export function oneSegment<Page extends SegmentablePage>(segments: readonly SearchSegment<Page>[]): SearchSegment<Page> {
  const pages = segments.flatMap((segment) => segment.pages);
  return { name: 'all', path: '', pages, years: yearsOf(pages) };
}
