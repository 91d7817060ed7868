// Cutting the search index into segments: runs of at most SEGMENT_PAGES pages of one quarter
// of the article's date in the site's time zone, counted from the quarter's oldest page, newest
// first, pages newest first then by URL inside; a page's segment depends on its own date and
// the older pages of its quarter only.
import { describe, expect, it } from 'vitest';
import { articleSortKey } from '../../scripts/lib/content/article-date.ts';
import { assignSegments, oneSegment, quarterOf, runName, SEGMENT_PAGES, segmentPath, type SegmentablePage } from '../../scripts/lib/search/search-segments.ts';

const ZONE = 'Asia/Damascus';

function page(url: string, date: string): SegmentablePage {
  const sortKey = articleSortKey(date, ZONE);
  return { url, sortKey, year: sortKey.slice(0, 4) };
}

const pages = [
  page('/a/', '2016-03-01'), page('/b/', '2017-01-05'), page('/c/', '2017-01-05'),
  page('/d/', '2018-07-30'), page('/e/', '2015-12-31'), page('/f/', '2017-01-05'), page('/g/', '2018-07-01'),
  page('/h/', '2017-03-31'),
];

describe('quarterOf', () => {
  it.each([
    ['2017-01-01', '2017-q1'], ['2017-03-31', '2017-q1'], ['2017-04-01', '2017-q2'], ['2017-06-30', '2017-q2'],
    ['2017-07-01', '2017-q3'], ['2017-09-30', '2017-q3'], ['2017-10-01', '2017-q4'], ['2017-12-31', '2017-q4'],
  ])('puts %s in %s', (date, name) => {
    expect(quarterOf(articleSortKey(date, ZONE))).toBe(name);
  });

  it.each([
    // Damascus: UTC+2 in winter and +3 in summer (from 31 March in 2017) until 2022, +3 all year since.
    ['2017-03-31T20:59:59Z', '2017-q1'],
    ['2017-03-31T21:00:00Z', '2017-q2'],
    ['2016-12-31T21:30:00Z', '2016-q4'],
    ['2016-12-31T22:30:00Z', '2017-q1'],
    ['2024-06-30T21:00:00Z', '2024-q3'],
    ['2024-07-01T00:30:00+03:00', '2024-q3'],
    ['2024-06-30T23:59:00+03:00', '2024-q2'],
  ])('counts the quarter of the instant %s in the site\'s time zone: %s', (date, name) => {
    expect(quarterOf(articleSortKey(date, ZONE))).toBe(name);
  });

  it('refuses what is not a sort key', () => {
    expect(() => quarterOf('2017-07-01')).toThrow(/sort key/);
    expect(() => quarterOf('2017-13-01T00:00:00')).toThrow(/sort key/);
  });
});

describe('assignSegments', () => {
  it('makes one segment per quarter with pages, newest first, the newest being the bundle itself', () => {
    const segments = assignSegments(pages);
    expect(segments.map((segment) => segment.name)).toEqual(['2018-q3', '2017-q1', '2016-q1', '2015-q4']);
    expect(segments.map((segment) => segment.path)).toEqual(['', '2017-q1/', '2016-q1/', '2015-q4/']);
    expect(segments.map((segment) => segment.years)).toEqual([['2018'], ['2017'], ['2016'], ['2015']]);
  });

  it('orders the pages of a segment newest first, then by URL', () => {
    const segments = assignSegments(pages);
    expect(segments.map((segment) => segment.pages.map((item) => item.url))).toEqual([['/d/', '/g/'], ['/h/', '/b/', '/c/', '/f/'], ['/a/'], ['/e/']]);
  });

  it('does not depend on the order pages are read in', () => {
    expect(assignSegments([...pages].reverse())).toEqual(assignSegments(pages));
  });

  it('leaves a segment as it was when pages are added to other quarters, or the archive grows', () => {
    const before = assignSegments(pages);
    const after = assignSegments([...pages, page('/i/', '2019-02-01'), page('/j/', '2018-01-02'), page('/k/', '2016-06-06')]);
    const pagesOf = (name: string, segments: typeof before) => segments.find((segment) => segment.name === name)?.pages;
    for (const name of ['2018-q3', '2017-q1', '2016-q1', '2015-q4']) expect(pagesOf(name, after)).toEqual(pagesOf(name, before));
    // The newest segment moved out of the bundle root into its own folder.
    expect(after.map((segment) => segment.path)).toEqual(['', '2018-q3/', '2018-q1/', '2017-q1/', '2016-q2/', '2016-q1/', '2015-q4/']);
  });

  it('puts every page in one segment when asked, in the same order', () => {
    const only = oneSegment(assignSegments(pages));
    expect(only.path).toBe('');
    expect(only.pages.map((item) => item.url)).toEqual(['/d/', '/g/', '/h/', '/b/', '/c/', '/f/', '/a/', '/e/']);
    expect(only.years).toEqual(['2018', '2017', '2016', '2015']);
  });

  it('gives an archive with no article one empty segment', () => {
    expect(assignSegments([])).toEqual([{ name: 'empty', path: '', pages: [], years: [] }]);
  });
});

describe('a quarter of more than SEGMENT_PAGES pages', () => {
  // Pages of 2017-q3, one an hour from 1 July, and one of the quarter before.
  const hourly = (count: number, from = 0): SegmentablePage[] => Array.from({ length: count }, (_, hour) => {
    const sortKey = new Date(Date.UTC(2017, 6, 1, from + hour)).toISOString().slice(0, 19);
    return { url: `/h${String(from + hour).padStart(5, '0')}/`, sortKey, year: '2017' };
  });
  const older = { url: '/old/', sortKey: '2017-05-01T00:00:00', year: '2017' };
  const full = 2 * SEGMENT_PAGES + 7;

  it('is cut into runs counted from its oldest page, the newest run the short one', () => {
    const segments = assignSegments([...hourly(full), older]);
    expect(segments.map((segment) => [segment.name, segment.pages.length])).toEqual([
      ['2017-q3-3', 7], ['2017-q3-2', SEGMENT_PAGES], ['2017-q3', SEGMENT_PAGES], ['2017-q2', 1],
    ]);
    expect(segments.map((segment) => segment.path)).toEqual(['', '2017-q3-2/', '2017-q3/', '2017-q2/']);
    // Newest first throughout: every page of a segment is newer than every page of the next.
    const order = segments.flatMap((segment) => segment.pages.map((page) => page.sortKey));
    expect(order).toEqual([...order].sort().reverse());
    expect(segments[2]?.pages.at(-1)?.url).toBe('/h00000/');
  });

  it('keeps its full runs as they were when newer pages are added', () => {
    const before = assignSegments(hourly(full));
    const after = assignSegments([...hourly(full), ...hourly(SEGMENT_PAGES, full)]);
    expect(after.map((segment) => segment.name)).toEqual(['2017-q3-4', '2017-q3-3', '2017-q3-2', '2017-q3']);
    for (const name of ['2017-q3-2', '2017-q3']) {
      expect(after.find((segment) => segment.name === name)?.pages).toEqual(before.find((segment) => segment.name === name)?.pages);
    }
  });

  it('names the runs after their quarter and their place from the oldest', () => {
    expect([runName('2017-q3', 0), runName('2017-q3', 1), runName('2017-q3', 9)]).toEqual(['2017-q3', '2017-q3-2', '2017-q3-10']);
  });
});

describe('segmentPath', () => {
  it('names the newest segment the bundle and the others by their quarter', () => {
    expect([segmentPath('2017-q3', 0), segmentPath('2017-q2', 1)]).toEqual(['', '2017-q2/']);
  });
});
