import { describe, expect, it } from 'vitest';
import { dealPages, errorChain, MIN_PAGES_PER_LANE, renderLanes } from '../../scripts/lib/site/render-lanes.ts';
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

describe('errorChain', () => {
  it('keeps the message and stack of an error and of each cause, and words anything else', () => {
    const error = new Error('Having trouble rendering njk template', { cause: new TypeError('x is undefined') });
    const chain = errorChain(error);
    expect(chain.map((link) => link.message)).toEqual(['Having trouble rendering njk template', 'x is undefined']);
    expect(chain[1]?.stack).toMatch(/^TypeError: x is undefined/);
    expect(errorChain('a string')).toEqual([{ message: 'a string' }]);
  });
});
