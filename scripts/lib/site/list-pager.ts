// The pager of a list page, as plain data: steps to the next newer and older pages, both ends
// (الأحدث: the list's first page; الأقدم: page 1), the current page's neighbours, and «…»
// where pages are left out. Lists are paged from the oldest end (news-index.ts), so a deep
// page's pager depends on the list's length only through whether it is one of the two
// newest deep pages: a published article changes no other deep page's pager.

/** One slot of a pager, in order from the newest page to the oldest. */
export type PagerItem =
  | { kind: 'newer' | 'older'; path: string }
  | { kind: 'newest' | 'oldest'; path: string; current: boolean }
  | { kind: 'page'; path: string; number: number; current: boolean }
  | { kind: 'gap' };

export interface PagerInput {
  /** The list's first page. */
  basePath: string;
  /** Deep pages of the list (news-index.ts deepPageCount). */
  deep: number;
  /** This page's number, or undefined for the first page. */
  pageNumber?: number;
  /** The address of deep page n. */
  pathOf: (pageNumber: number) => string;
}

/**
 * The pager of one page, or [] for a list of one page. Positions run 1 (the oldest deep page)
 * to deep + 1 (the first page); shown are both ends and the current position with its
 * neighbours, a gap wherever shown positions are not adjacent.
 */
export function pagerItems({ basePath, deep, pageNumber, pathOf }: PagerInput): PagerItem[] {
  if (deep === 0) return [];
  const first = deep + 1;
  const current = pageNumber ?? first;
  const pathAt = (position: number): string => (position === first ? basePath : pathOf(position));
  const shown = [...new Set([first, current + 1, current, current - 1, 1])]
    .filter((position) => position >= 1 && position <= first)
    .sort((a, b) => b - a);
  const items: PagerItem[] = [];
  if (current < first) items.push({ kind: 'newer', path: pathAt(current + 1) });
  shown.forEach((position, index) => {
    if (index > 0 && (shown[index - 1] as number) - position > 1) items.push({ kind: 'gap' });
    const isCurrent = position === current;
    if (position === first) items.push({ kind: 'newest', path: basePath, current: isCurrent });
    else if (position === 1) items.push({ kind: 'oldest', path: pathAt(1), current: isCurrent });
    else items.push({ kind: 'page', path: pathAt(position), number: position, current: isCurrent });
  });
  if (current > 1) items.push({ kind: 'older', path: pathAt(current - 1) });
  return items;
}
