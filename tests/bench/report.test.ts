// What the benchmark reports: ratios to the floor, merged results, the printed table, the
// SVG chart and the summary of a CPU profile.

import { describe, expect, it } from 'vitest';
import { renderChart } from '../../scripts/lib/bench/chart.ts';
import { packageOf, summariseProfile, type CpuProfile } from '../../scripts/lib/bench/cpu-profile.ts';
import type { StageMeasurement } from '../../scripts/lib/bench/measure.ts';
import { formatBytes, formatRun, shortSummary } from '../../scripts/lib/bench/report.ts';
import { mergeRuns, withFloorRatios, type BenchRun } from '../../scripts/lib/bench/results.ts';
import { parseXmlStrictly } from '../support/xml.ts';

function measured(stage: string, wallSeconds: number, extra: Partial<StageMeasurement> = {}): StageMeasurement {
  return {
    stage, wallSeconds, userSeconds: wallSeconds, systemSeconds: 0.5, cpuSeconds: wallSeconds + 0.5, peakRssMiB: 300, peakGroupRssMiB: 310,
    exitCode: 0, timedOut: false, meter: 'gnu-time', logFile: `/tmp/${stage}.log`, ...extra,
  };
}

function run(articles: number, scale = 1, extra: Partial<BenchRun> = {}): BenchRun {
  return {
    articles,
    seed: 1,
    startedAt: '2026-01-01T00:00:00.000Z',
    machine: { cpus: 2, cpuModel: 'test', memoryGiB: 24, node: 'v20', platform: 'linux x64', loadAverage: [0.5, 0.25, 0.1] },
    corpus: { files: articles, bytes: articles * 8000 },
    stages: withFloorRatios([
      measured('generate', 3 * scale), measured('ingest', 6 * scale), measured('re-ingest', 1 * scale),
      measured('floor', 4 * scale), measured('build', 40 * scale, { peakRssMiB: 1900, peakGroupRssMiB: 2500 }),
    ], new Set(['generate'])),
    site: { pages: articles + 500, files: articles + 600, bytes: articles * 40_000, searchIndexBytes: null, searchIndexFiles: null },
    search: { ok: false, skipped: 'the build wrote no search index (no _site/pagefind/pagefind.js)' },
    ...extra,
  };
}

describe('withFloorRatios', () => {
  it('divides every wall time by the floor’s', () => {
    const stages = withFloorRatios([measured('ingest', 6), measured('floor', 4), measured('build', 10)], new Set());
    expect(stages.map((stage) => stage.ratioToFloor)).toEqual([1.5, 1, 2.5]);
  });

  it('gives no ratio when the floor or the stage failed', () => {
    const failedFloor = withFloorRatios([measured('ingest', 6), measured('floor', 4, { exitCode: 1 })], new Set());
    expect(failedFloor.map((stage) => stage.ratioToFloor)).toEqual([null, null]);
    const timedOut = withFloorRatios([measured('build', 600, { exitCode: null, timedOut: true }), measured('floor', 4)], new Set());
    expect(timedOut[0]?.ratioToFloor).toBeNull();
  });

  it('marks informational stages', () => {
    expect(withFloorRatios([measured('generate', 1)], new Set(['generate']))[0]?.informational).toBe(true);
  });
});

describe('mergeRuns', () => {
  it('replaces the runs of the sizes measured again and keeps the others, smallest first', () => {
    const previous = { schema: 1 as const, runs: [run(10_000), run(1000, 2)] };
    const merged = mergeRuns(previous, [run(1000, 1)]);
    expect(merged.runs.map((entry) => [entry.articles, entry.stages[1]?.wallSeconds])).toEqual([[1000, 6], [10_000, 6]]);
    expect(mergeRuns(undefined, [run(5)]).runs).toHaveLength(1);
  });
});

describe('formatRun', () => {
  const text = formatRun(run(10_000));

  it('prints a row per stage with wall time, CPU time, peak memory and the ratio to the floor', () => {
    const lines = text.split('\n');
    expect(lines[0]).toBe('10,000 articles (seed 1): corpus 10,000 raw files, 76.3 MiB');
    expect(lines[1]).toBe('machine: 2 × test, 24 GiB, node v20, load 0.5 0.25 0.1 at start');
    expect(lines[2]).toMatch(/^stage\s+wall s\s+CPU s\s+peak RSS MiB\s+all procs MiB\s+× floor\s+target\s+note$/);
    expect(lines.find((line) => line.startsWith('build'))).toMatch(/^build\s+40\.00\s+40\.50\s+1900\s+2500\s+10\.00\s+≤ 2\.5× missed, ≤ 2 GiB missed/);
    expect(lines.find((line) => line.startsWith('re-ingest'))).toMatch(/^re-ingest\s+1\.00\s+1\.50\s+300\s+310\s+0\.25\s+≤ 0\.3× met/);
    expect(lines.find((line) => line.startsWith('generate'))).toMatch(/^generate \(info\)\s+3\.00\s+3\.50\s+300\s+310\s+–/);
  });

  it('prints the pages, the output size and a search index that is not built yet', () => {
    expect(text).toContain('pages written: 10,500   output: 381.5 MiB in 10,600 files   search index: 0 (not built)');
    expect(text).toContain('search in Chromium: skipped: the build wrote no search index');
  });

  it('prints a stage that timed out and the searches when they ran', () => {
    const measuredRun = run(1000, 1, {
      search: {
        ok: true,
        probe: {
          page: 'search/',
          pageLoad: { bytes: 40_000, requests: 6, pagefindBytes: 10_240 },
          first: { query: 'دمشق', milliseconds: 212.4, bytes: 150_000, requests: 9, results: 420, pagefindBytes: 138_240 },
          second: { query: 'الليرة', milliseconds: 35, bytes: 20_480, requests: 4, results: 88, pagefindBytes: 19_456 },
          consoleErrors: [],
        },
      },
    });
    measuredRun.stages = withFloorRatios([measured('floor', 4), measured('build', 1200, { exitCode: null, timedOut: true })], new Set());
    const printed = formatRun(measuredRun);
    expect(printed).toMatch(/build\s+1200\.00 .*timed out after 1200 s/);
    expect(printed).toContain('first search «دمشق»: 212 ms, 146.5 KiB in 9 requests, 420 results');
    expect(printed).toContain('second search «الليرة»: 35 ms, 20.0 KiB in 4 requests, 88 results');
    expect(printed).toContain('search in Chromium (page search/: 39.1 KiB in 6 requests to load, of which Pagefind 10.0 KiB; service workers blocked)');
    expect(printed).toContain('Pagefind files up to the first results (page load + first search): 145.0 KiB');
  });

  it.each([
    ['1000 files: 1000 created, 0 updated, 0 unchanged, 0 kept-edited, 0 duplicate, 0 rejected', '1000 files: 1000 created'],
    ['1000 files: 0 created, 0 updated, 1000 unchanged, 0 kept-edited, 0 duplicate, 0 rejected', '1000 files: 1000 unchanged'],
    ['1000 files: 998 created, 0 updated, 0 unchanged, 0 kept-edited, 0 duplicate, 2 rejected', '1000 files: 998 created, 2 rejected'],
    ['floor: wrote 10 article pages (5 bytes) into /tmp/x/floor-site', 'floor: wrote 10 article pages (5 bytes)'],
  ])('shortens «%s»', (summary, short) => {
    expect(shortSummary(summary)).toBe(short);
  });

  it.each([[512, '512 B'], [2048, '2.0 KiB'], [5 * 2 ** 20, '5.0 MiB'], [3 * 2 ** 30, '3.00 GiB']])('writes %i bytes as %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe('renderChart', () => {
  it('draws a well-formed SVG with a line and a legend entry per stage', () => {
    const svg = renderChart([run(1000), run(10_000, 12)]);
    const root = parseXmlStrictly(svg);
    expect(root.name).toBe('svg');
    const lines = root.children.filter((element) => element.name === 'polyline');
    expect(lines).toHaveLength(4);
    const legend = root.children.filter((element) => element.name === 'text').map((element) => element.text);
    expect(legend).toEqual(expect.arrayContaining(['ingest', 're-ingest', 'floor', 'build', '1k', '10k']));
    expect(legend).not.toContain('generate');
  });

  it('says so when no stage completed', () => {
    expect(renderChart([])).toContain('No stage completed.');
  });
});

describe('CPU profiles', () => {
  it.each([
    ['file:///work/main/node_modules/@11ty/eleventy/src/Template.js', '@11ty/eleventy'],
    ['file:///work/main/node_modules/.pnpm/x/node_modules/nunjucks/index.js', 'nunjucks'],
    ['node:internal/fs/promises', 'node'],
    ['file:///work/main/scripts/lib/ingest/match-tags.ts', 'scripts/lib/ingest'],
    ['', '(native / V8)'],
  ])('files %s under %s', (url, name) => {
    expect(packageOf(url)).toBe(name);
  });

  it('adds up self time by package and by function, leaving idle time out', () => {
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: { functionName: '(idle)', url: '', lineNumber: -1 } },
        { id: 2, callFrame: { functionName: 'render', url: 'file:///p/node_modules/nunjucks/src/environment.js', lineNumber: 9 } },
        { id: 3, callFrame: { functionName: 'match', url: 'file:///p/scripts/lib/ingest/match-tags.ts', lineNumber: 40 } },
      ],
      samples: [1, 2, 2, 2, 3, 1],
      timeDeltas: [0, 1000, 1000, 1000, 1000, 1000],
    };
    const summary = summariseProfile(profile, 'build.cpuprofile');
    expect(summary.busySeconds).toBeCloseTo(0.004);
    expect(summary.byPackage).toEqual([{ name: 'nunjucks', share: 0.75 }, { name: 'scripts/lib/ingest', share: 0.25 }]);
    expect(summary.byFunction[0]).toEqual({ name: 'render src/environment.js:10', share: 0.75 });
  });
});
