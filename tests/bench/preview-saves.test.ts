// Reading the preview probe's JSON line back from its log, and its summary: percentiles by
// nearest rank, the memory after the first, the last and the fullest save.

import { describe, expect, it } from 'vitest';
import { nearestRank, parsePreviewProbeLog, summarisePreviewSaves, type PreviewSave } from '../../scripts/tools/bench/preview-saves.ts';

const save = (pageMs: number, searchMs: number, rssMiB: number): PreviewSave => ({ article: 'content/articles/2016/01/a.md', pageMs, searchMs, rssMiB });

describe('parsePreviewProbeLog', () => {
  const output = { firstBuildMs: 1200.5, saves: [save(80, 210, 246), save(95, 230, 250)] };

  it('finds the JSON line among the preview’s own lines', () => {
    const log = [
      '[11ty] Copied 14 Wrote 46 files in 0.40 seconds (v3.1.8)',
      'preview: rendered 47 of 47 pages in 1.74 s',
      JSON.stringify(output),
      'preview: nothing changed',
      'preview probe: 2 saves after a first build of 1.2 s',
      '',
    ].join('\n');
    expect(parsePreviewProbeLog(log)).toEqual(output);
  });

  it.each([
    ['an empty log', ''],
    ['a log cut off before the result', 'preview: rendered 47 of 47 pages in 1.74 s\n'],
    ['a line cut in the middle', JSON.stringify(output).slice(0, 40)],
    ['a JSON line of something else', '{"level":"info","message":"hello"}'],
    ['a save without its times', JSON.stringify({ firstBuildMs: 1, saves: [{ article: 'a.md', pageMs: 1 }] })],
  ])('reads nothing from %s', (_, log) => {
    expect(parsePreviewProbeLog(log)).toBeUndefined();
  });
});

describe('nearestRank', () => {
  const values = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];

  it.each([
    [0.5, 5],
    [0.9, 9],
    [1, 10],
    [0, 1],
  ])('of 1…10 at %f is %d', (fraction, expected) => {
    expect(nearestRank(values, fraction)).toBe(expected);
  });

  it('of a single value is that value', () => {
    expect(nearestRank([42], 0.9)).toBe(42);
  });

  it('refuses an empty list', () => {
    expect(() => nearestRank([], 0.5)).toThrow('there are no values');
  });
});

describe('summarisePreviewSaves', () => {
  it('gives the spread of both times and the memory after the first, the last and the fullest save', () => {
    const saves = [save(900, 2000, 410), save(800, 2100, 420), save(1300, 2500, 412), save(840, 1900, 415)];
    expect(summarisePreviewSaves({ firstBuildMs: 30_000, saves })).toEqual({
      saves: 4,
      firstBuildMs: 30_000,
      pageServed: { medianMs: 840, p90Ms: 1300, maxMs: 1300 },
      searchCaughtUp: { medianMs: 2000, p90Ms: 2500, maxMs: 2500 },
      rssAfterFirstSaveMiB: 410,
      rssAfterLastSaveMiB: 415,
      rssHighestAfterSaveMiB: 420,
    });
  });

  it('has nothing to say without a save', () => {
    expect(summarisePreviewSaves({ firstBuildMs: 1000, saves: [] })).toBeUndefined();
  });
});
