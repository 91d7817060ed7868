import { describe, expect, it } from 'vitest';
import { dealPages, MIN_PAGES_PER_LANE, renderLanes } from '../../scripts/lib/site/render-lanes.ts';
import type { PlannedPage } from '../../scripts/lib/site/render-plan.ts';

describe('renderLanes', () => {
  it.each([
    [0, 2, 1],
    [94, 2, 1],
    [MIN_PAGES_PER_LANE - 1, 2, 1],
    [2 * MIN_PAGES_PER_LANE - 1, 2, 1],
    [2 * MIN_PAGES_PER_LANE, 2, 2],
    [12_000, 2, 2],
    [12_000, 1, 1],
    [12_000, 8, 8],
    [3_500, 8, 3],
  ])('%i pages on %i cores → %i lanes', (pages, cores, lanes) => {
    expect(renderLanes(pages, cores)).toBe(lanes);
  });
});

describe('dealPages', () => {
  const page = (output: string): PlannedPage => ({ family: 'list', output, view: { output } });
  const pages = ['a', 'b', 'c', 'd', 'e'].map(page);

  it('deals the pages in turn, every page to exactly one lane, in their order', () => {
    expect(dealPages(pages, 2).map((share) => share.map((p) => p.output))).toEqual([['a', 'c', 'e'], ['b', 'd']]);
    expect(dealPages(pages, 3).map((share) => share.map((p) => p.output))).toEqual([['a', 'd'], ['b', 'e'], ['c']]);
  });

  it('gives one lane everything, and never fewer than one lane', () => {
    expect(dealPages(pages, 1)).toEqual([pages]);
    expect(dealPages(pages, 0)).toEqual([pages]);
    expect(dealPages([], 2)).toEqual([[], []]);
  });
});
