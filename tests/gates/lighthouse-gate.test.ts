// The Lighthouse gate keeps each category's best of its runs, and names the audits that
// failed only for a category still below its minimum.
import { describe, expect, it } from 'vitest';
import { bestOfRuns, LIGHTHOUSE_MINIMUMS, LIGHTHOUSE_RUNS } from '../../scripts/tools/gates/lighthouse-gate.ts';

const run = (performance: number, accessibility = 100, failed: string[] = []) => ({
  scores: { performance, accessibility, 'best-practices': 100, seo: 100 },
  failed: { performance: failed, accessibility: accessibility < 100 ? ['accessibility/color-contrast'] : [], 'best-practices': [], seo: [] },
});

describe('the Lighthouse gate', () => {
  it('scores every page three times, asking 100 of every category', () => {
    expect(LIGHTHOUSE_RUNS).toBe(3);
    expect(LIGHTHOUSE_MINIMUMS).toEqual({ performance: 100, accessibility: 100, 'best-practices': 100, seo: 100 });
  });

  it('keeps the best run of each category', () => {
    const best = bestOfRuns('http://127.0.0.1/', [run(93, 100, ['performance/lcp']), run(100, 96), run(97)]);
    expect(best.scores).toEqual({ performance: 100, accessibility: 100, 'best-practices': 100, seo: 100 });
    expect(best.failedAudits).toEqual([]);
  });

  it('names the failed audits of the best run of a category below its minimum', () => {
    const best = bestOfRuns('http://127.0.0.1/', [run(80, 100, ['performance/total-blocking-time']), run(90, 100, ['performance/largest-contentful-paint'])]);
    expect(best.scores.performance).toBe(90);
    expect(best.failedAudits).toEqual(['performance/largest-contentful-paint']);
  });
});
