// What the benchmark reports: ratios to the floor, merged results, the printed table (the
// scenario table included), the SVG chart and the summary of a CPU profile.

import { describe, expect, it } from 'vitest';
import { renderChart } from '../../scripts/tools/bench/chart.ts';
import { packageOf, summariseProfile, type CpuProfile } from '../../scripts/tools/bench/cpu-profile.ts';
import { formatBytes, formatPreview, formatRun, formatScenarios, shortSummary } from '../../scripts/tools/bench/report.ts';
import { mergeRuns, scenarioFailed, scenarioResult, withFloorRatios, type BenchRun, type PreviewResult, type ScenarioResult, type ScenarioStep } from '../../scripts/tools/bench/results.ts';
import { parseXmlStrictly } from '../support/xml.ts';

/** A measurement, with the last line a step printed when it is a scenario's. */
function measured(stage: string, wallSeconds: number, extra: Partial<ScenarioStep> = {}): ScenarioStep {
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
          deepLink: { query: 'دمشق', firstResultMs: 640.2, pagefindBytes: 122_880, pagefindRequests: 14 },
          pageLoad: { bytes: 40_000, requests: 6, pagefindBytes: 10_240 },
          first: { query: 'دمشق', milliseconds: 212.4, bytes: 150_000, requests: 9, results: 420, pagefindBytes: 138_240 },
          second: { query: 'الليرة', milliseconds: 35, bytes: 20_480, requests: 4, results: 88, pagefindBytes: 19_456 },
          unanswered: { query: 'فنزويلا', milliseconds: 1_250, bytes: 409_600, requests: 60, results: 0, pagefindBytes: 400_000 },
          consoleErrors: [],
        },
      },
    });
    measuredRun.stages = withFloorRatios([measured('floor', 4), measured('build', 1200, { exitCode: null, timedOut: true })], new Set());
    const printed = formatRun(measuredRun);
    expect(printed).toMatch(/build\s+1200\.00 .*timed out after 1200 s/);
    expect(printed).toContain('first search «دمشق»: 212 ms, 146.5 KiB in 9 requests, 420 results');
    expect(printed).toContain('second search «الليرة»: 35 ms, 20.0 KiB in 4 requests, 88 results');
    expect(printed).toContain('search no segment answers «فنزويلا»: 1250 ms, 400.0 KiB in 60 requests, 0 results');
    expect(printed).toContain('search in Chromium (page search/: 39.1 KiB in 6 requests to load, of which Pagefind 10.0 KiB; service workers blocked)');
    expect(printed).toContain('Pagefind files up to the first results (page load + first search): 145.0 KiB');
    expect(printed).toContain('first search by link (search/?q=دمشق): first result after 640 ms; Pagefind files until 1.5 s later: 120.0 KiB in 14 requests');
  });

  it.each([
    ['1000 files: 1000 created, 0 updated, 0 unchanged, 0 kept-edited, 0 duplicate, 0 rejected', '1000 files: 1000 created'],
    ['1000 files: 0 created, 0 updated, 1000 unchanged, 0 kept-edited, 0 duplicate, 0 rejected', '1000 files: 1000 unchanged'],
    ['1000 files: 998 created, 0 updated, 0 unchanged, 0 kept-edited, 0 duplicate, 2 rejected', '1000 files: 998 created, 2 rejected'],
    ['floor: wrote 10 article pages (5 bytes) into /tmp/x/floor-site', 'floor: wrote 10 article pages (5 bytes)'],
    // A build's «0 of 41» is not an ingest count of zero.
    [
      'built _site in 4.0 s: rendered 513 of 513 pages (pages 3.4 s, search index and offline copy 0.3 s, 0 of 41 search segments indexed)',
      'built _site in 4.0 s: rendered 513 of 513 pages (pages 3.4 s, search index and offline copy 0.3 s, 0 of 41 search segments indexed)',
    ],
  ])('shortens «%s»', (summary, short) => {
    expect(shortSummary(summary)).toBe(short);
  });

  it.each([[512, '512 B'], [2048, '2.0 KiB'], [5 * 2 ** 20, '5.0 MiB'], [3 * 2 ** 30, '3.00 GiB']])('writes %i bytes as %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe('scenarioResult', () => {
  it('adds up the steps’ times and takes the largest memory of any step', () => {
    const result = scenarioResult('publish 20', [
      measured('publish-20.ingest', 1.5, { cpuSeconds: 2, peakRssMiB: 200, peakGroupRssMiB: 400 }),
      measured('publish-20.build', 3, { cpuSeconds: 5, peakRssMiB: 900, peakGroupRssMiB: 1100 }),
    ], { applied: true, change: '20 raw articles', equalToClean: true });
    expect(result).toMatchObject({ scenario: 'publish 20', change: '20 raw articles', wallSeconds: 4.5, cpuSeconds: 7, peakRssMiB: 900, peakGroupRssMiB: 1100, ok: true, equalToClean: true });
    expect(scenarioFailed(result)).toBe(false);
  });

  it('takes the largest memory of all processes from whichever step had it, the ingest’s included', () => {
    const result = scenarioResult('publish 20', [
      measured('publish-20.ingest', 1.5, { peakRssMiB: 700, peakGroupRssMiB: 1400 }),
      measured('publish-20.build', 3, { peakRssMiB: 900, peakGroupRssMiB: 1100 }),
    ], { applied: true, equalToClean: true });
    expect(result).toMatchObject({ peakRssMiB: 900, peakGroupRssMiB: 1400 });
    const row = formatScenarios([result]).split('\n').find((line) => line.startsWith('publish 20'));
    expect(row).toMatch(/^publish 20\s+4\.50\s+5\.50\s+900\s+1400\s/u);
  });

  it('does not fail the run on a site left unchecked on purpose (--compare-clean), nor on a failed step hide it', () => {
    const skipped = { applied: true, equalToClean: null, comparisonSkipped: '--compare-clean last' } as const;
    expect(scenarioFailed(scenarioResult('edit body', [measured('edit-body.build', 2)], skipped))).toBe(false);
    expect(scenarioFailed(scenarioResult('edit body', [measured('edit-body.build', 2, { exitCode: 1 })], skipped))).toBe(true);
  });

  it('leaves out a CPU time it does not know for every step', () => {
    const result = scenarioResult('edit body', [measured('edit-body.build', 2, { cpuSeconds: undefined })], { applied: true, equalToClean: true });
    expect(result.cpuSeconds).toBeUndefined();
  });

  it.each([
    ['a failed step', [measured('edit-body.build', 2, { exitCode: 1 })], true, null],
    ['a change that failed', [], false, null],
    ['a site that is not a clean build’s', [measured('edit-body.build', 2)], true, false],
    ['a site not compared', [measured('edit-body.build', 2)], true, null],
  ] as const)('fails the run on %s', (_, steps, applied, equalToClean) => {
    expect(scenarioFailed(scenarioResult('edit body', steps, { applied, equalToClean }))).toBe(true);
  });
});

describe('formatScenarios', () => {
  const fullBuild = withFloorRatios([measured('build', 40)], new Set())[0];
  const scenarios: ScenarioResult[] = [
    scenarioResult('publish 20', [
      measured('publish-20.ingest', 1.5, { summary: '20 files: 20 created, 0 updated, 0 unchanged, 0 kept-edited, 0 duplicate, 0 rejected' }),
      measured('publish-20.build', 4, { peakGroupRssMiB: 1200, summary: 'built 1520 pages into _site in 3.9 s (pages 2.0 s, search index and offline copy 1.9 s, one shard)' }),
    ], { applied: true, equalToClean: true }),
    scenarioResult('edit body', [measured('edit-body.build', 2)], {
      applied: true,
      equalToClean: false,
      differences: ['articles/a/index.html: different bytes', 'feed.xml: different bytes', 'index.html: different bytes', 'p/1.html: missing', 'p/2.html: missing', 'p/3.html: missing'],
      differenceCount: 9,
    }),
    scenarioResult('change layout', [], { applied: false, equalToClean: null, note: 'the change failed: no such file' }),
    scenarioResult('no change', [measured('no-change.build', 1, { exitCode: null, timedOut: true })], { applied: true, equalToClean: null, note: 'no-change.build timed out' }),
  ];
  const lines = formatScenarios(scenarios, fullBuild).split('\n');

  it('prints a row per scenario: wall, CPU, peak memory, the share of the full build and equal to clean', () => {
    expect(lines[0]).toBe('publishing scenarios, in order on the built copy (each build compared with a clean build of the same sources):');
    expect(lines[1]).toMatch(/^scenario\s+wall s\s+CPU s\s+peak RSS MiB\s+all procs MiB\s+× build\s+equal to clean\s+note$/u);
    expect(lines.find((line) => line.startsWith('publish 20'))).toMatch(
      /^publish 20\s+5\.50\s+6\.50\s+300\s+1200\s+0\.14\s+yes\s+ingest 1\.50 s \+ build 4\.00 s; built 1520 pages into _site in 3\.9 s/u,
    );
    expect(lines.find((line) => line.startsWith('edit body'))).toMatch(/^edit body\s+2\.00\s+2\.50\s+300\s+310\s+0\.05\s+no \(9 paths\)$/u);
  });

  it('prints a scenario that could not run or was not compared, and why', () => {
    expect(lines.find((line) => line.startsWith('change layout'))).toMatch(/^change layout\s+–\s+–\s+–\s+–\s+–\s+not checked\s+the change failed: no such file$/u);
    expect(lines.find((line) => line.startsWith('no change'))).toMatch(/^no change\s+1\.00 .*–\s+not checked\s+build timed out after 1 s$/u);
  });

  it('lists the first five paths that differ from the clean build and how many more there are', () => {
    const at = lines.indexOf('edit body: 9 paths differ from a clean build:');
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at + 1, at + 7)).toEqual([
      '  articles/a/index.html: different bytes', '  feed.xml: different bytes', '  index.html: different bytes',
      '  p/1.html: missing', '  p/2.html: missing', '  … and 4 more',
    ]);
  });

  it('says when only the last build, or none, was compared with a clean build, and why the others were not checked', () => {
    const last = [
      scenarioResult('edit body', [measured('edit-body.build', 2)], { applied: true, equalToClean: null, comparisonSkipped: '--compare-clean last' }),
      scenarioResult('no change', [measured('no-change.build', 1)], { applied: true, equalToClean: true }),
    ];
    const printed = formatScenarios(last, fullBuild, 'last').split('\n');
    expect(printed[0]).toBe('publishing scenarios, in order on the built copy (--compare-clean last: only the last build compared with a clean build of the same sources, which checks what all of them left):');
    expect(printed.find((line) => line.startsWith('edit body'))).toMatch(/^edit body\s+2\.00 .*\s+not checked \(--compare-clean last\)$/u);
    expect(printed.find((line) => line.startsWith('no change'))).toMatch(/\s+yes$/u);
    expect(formatScenarios([], fullBuild, 'none')).toContain('(--compare-clean none: no build compared with a clean build):');
    expect(formatRun(run(1000, 1, { scenarios: last, compareClean: 'last' }))).toContain('(--compare-clean last: only the last build');
  });

  it('is part of a run’s report when the run has scenarios, and absent when it has none', () => {
    expect(formatRun(run(1000, 1, { scenarios }))).toContain('publishing scenarios, in order');
    expect(formatRun(run(1000))).not.toContain('publishing scenarios');
  });
});

describe('formatPreview', () => {
  const measuredPreview = (pageMaxMs: number): PreviewResult => ({
    kind: 'measured',
    probe: measured('preview', 240, { peakRssMiB: 512.4 }),
    summary: {
      saves: 100,
      firstBuildMs: 31_200,
      pageServed: { medianMs: 840, p90Ms: 1100, maxMs: pageMaxMs },
      searchCaughtUp: { medianMs: 2100, p90Ms: 2600, maxMs: 3400 },
      rssAfterFirstSaveMiB: 410.2,
      rssAfterLastSaveMiB: 415.4,
      rssHighestAfterSaveMiB: 431.6,
    },
    saves: [],
  });

  it('prints the time to the page served, to search caught up, and the memory over the saves, in one line', () => {
    expect(formatPreview(measuredPreview(1300), 300)).toBe(
      'preview save (npm start, first build 31.20 s): median 0.84 s, p90 1.10 s, max 1.30 s to page served; '
      + 'search caught up median 2.10 s, p90 2.60 s, max 3.40 s; RSS 410 → 415 MiB over 100 saves (432 at most after a save, peak 512)',
    );
  });

  it.each([
    [1300, 'page served < 1 s missed, search caught up < 5 s met (every save)'],
    [950, 'page served < 1 s met, search caught up < 5 s met (every save)'],
  ])('judges issue 11’s targets by the slowest save at 10,000 articles (page at most %d ms)', (pageMaxMs, verdict) => {
    const [, targets] = formatPreview(measuredPreview(pageMaxMs), 10_000).split('\n');
    expect(targets).toBe(`  issue 11 at 10,000 articles: ${verdict}`);
  });

  it('says why there are no figures', () => {
    expect(formatPreview({ kind: 'skipped', reason: '--skip-preview' }, 300)).toBe('preview save: skipped: --skip-preview');
    expect(formatPreview({ kind: 'failed', probe: measured('preview', 5, { exitCode: 1 }), reason: 'preview failed (exit 1)' }, 300))
      .toBe('preview save: failed: preview failed (exit 1)');
  });

  it('is part of a run’s report after the scenarios, and absent from older results', () => {
    expect(formatRun(run(300, 1, { preview: measuredPreview(900) }))).toMatch(/\npreview save \(npm start, first build 31\.20 s\): median 0\.84 s/u);
    expect(formatRun(run(300))).not.toContain('preview save');
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
