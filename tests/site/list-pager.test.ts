// The pager of a list paged from the oldest end: steps, both ends, the current page's
// neighbours and «…» for the pages between, and a deep page's pager that does not change
// with the list's length unless it is one of the newest deep pages.
import { describe, expect, it } from 'vitest';
import { pagerItems, type PagerItem } from '../../scripts/lib/site/list-pager.ts';

const pathOf = (number: number): string => `/page/${number}/`;

/** A pager as a line: ‹ and › the steps, N the newest (first) page, O the oldest, [x] current, … a gap. */
function line(items: PagerItem[]): string {
  return items.map((item) => {
    switch (item.kind) {
      case 'newer': return '→';
      case 'older': return '←';
      case 'gap': return '…';
      case 'newest': return item.current ? '[N]' : 'N';
      case 'oldest': return item.current ? '[O]' : 'O';
      default: return item.current ? `[${item.number}]` : String(item.number);
    }
  }).join(' ');
}

describe('pagerItems', () => {
  it.each([
    ['a list of one page', 0, undefined, ''],
    ['the first page of two', 1, undefined, '[N] O ←'],
    ['the oldest page of two', 1, 1, '→ N [O]'],
    ['the first page of three', 2, undefined, '[N] 2 O ←'],
    ['the middle page of three', 2, 2, '→ N [2] O ←'],
    ['the first page of many', 9, undefined, '[N] 9 … O ←'],
    ['the newest deep page', 9, 9, '→ N [9] 8 … O ←'],
    ['the next one', 9, 8, '→ N 9 [8] 7 … O ←'],
    ['a page in the middle', 9, 5, '→ N … 6 [5] 4 … O ←'],
    ['page 3', 9, 3, '→ N … 4 [3] 2 O ←'],
    ['page 2', 9, 2, '→ N … 3 [2] O ←'],
    ['the oldest page', 9, 1, '→ N … 2 [O]'],
  ])('gives %s (%i deep pages, page %s) the pager %s', (_case, deep, pageNumber, expected) => {
    expect(line(pagerItems({ basePath: '/', deep, pageNumber, pathOf }))).toBe(expected);
  });

  it('links each slot to its page: the first page by the list\'s own address', () => {
    expect(pagerItems({ basePath: '/sections/syria/', deep: 9, pageNumber: 5, pathOf: (n) => `/sections/syria/page/${n}/` })).toEqual([
      { kind: 'newer', path: '/sections/syria/page/6/' },
      { kind: 'newest', path: '/sections/syria/', current: false },
      { kind: 'gap' },
      { kind: 'page', path: '/sections/syria/page/6/', number: 6, current: false },
      { kind: 'page', path: '/sections/syria/page/5/', number: 5, current: true },
      { kind: 'page', path: '/sections/syria/page/4/', number: 4, current: false },
      { kind: 'gap' },
      { kind: 'oldest', path: '/sections/syria/page/1/', current: false },
      { kind: 'older', path: '/sections/syria/page/4/' },
    ]);
  });

  it('is the same for a deep page whatever the list\'s length, unless the page is one of the two newest deep pages', () => {
    for (let pageNumber = 1; pageNumber <= 20; pageNumber += 1) {
      const pagers = new Set<string>();
      for (let deep = pageNumber + 2; deep <= 40; deep += 1) pagers.add(JSON.stringify(pagerItems({ basePath: '/', deep, pageNumber, pathOf })));
      expect(pagers.size, `page ${pageNumber}`).toBe(1);
    }
  });
});
