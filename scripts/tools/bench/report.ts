// The benchmark's printed report: one table per corpus size (stage, wall time, CPU time,
// peak memory of the largest process and of all the stage's processes together, ratio to
// the floor, the issue's target), then the site's sizes and search, then a table of the
// publishing scenarios with whether each one's site equals a clean build's, and a line on the
// preview's saves.

import type { Spread } from './preview-saves.ts';
import { buildMemoryTargetMiB, FLOOR_RATIO_TARGETS, previewTargetsMs, type BenchRun, type CompareClean, type PreviewResult, type ScenarioResult, type StageResult } from './results.ts';
import { FIRST_SEARCH_WINDOW_MS } from './search-probe.ts';

const MIB = 2 ** 20;

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * MIB) return `${(bytes / (1024 * MIB)).toFixed(2)} GiB`;
  if (bytes >= MIB) return `${(bytes / MIB).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}

const grouped = (value: number): string => value.toLocaleString('en-US');

/** Columns whose numbers are right-aligned (in both tables); text columns are left-aligned. */
const NUMERIC_COLUMNS = new Set([1, 2, 3, 4, 5]);

/** Differing paths printed under a scenario that is not equal to clean (results.json keeps more). */
const DIFFERENCES_PRINTED = 5;

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows
    .map((row) => row.map((cell, column) => (NUMERIC_COLUMNS.has(column) ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0))).join('  ').trimEnd())
    .join('\n');
}

const seconds = (value: number | undefined): string => (value === undefined ? '–' : value.toFixed(2));
const mebibytes = (value: number | undefined): string => (value === undefined ? '–' : value.toFixed(0));

/** A stage's last line, shortened for the table: no output paths, no zero counts of the ingest report. */
export function shortSummary(summary: string): string {
  return summary
    .replace(/ into \S+$/u, '')
    .replace(/, 0 [a-z-]+(?=,|$)/gu, '')
    .replace(/: 0 [a-z-]+, /u, ': ');
}

function outcome(stage: Pick<StageResult, 'timedOut' | 'exitCode' | 'signal' | 'wallSeconds'>): string {
  if (stage.timedOut) return `timed out after ${stage.wallSeconds.toFixed(0)} s`;
  if (stage.exitCode !== 0) return `failed (${stage.signal ? `signal ${stage.signal}` : `exit ${stage.exitCode}`})`;
  return '';
}

function target(stage: StageResult, articles: number): string {
  const ratio = FLOOR_RATIO_TARGETS[stage.stage];
  const parts: string[] = [];
  if (ratio !== undefined) {
    const met = stage.ratioToFloor === null ? '?' : stage.ratioToFloor <= ratio ? 'met' : 'missed';
    parts.push(`≤ ${ratio}× ${met}`);
  }
  const memory = stage.stage === 'build' ? buildMemoryTargetMiB(articles) : undefined;
  if (memory !== undefined) {
    // All the build's processes together when known: the machine has to hold them at once.
    const peak = stage.peakGroupRssMiB ?? stage.peakRssMiB;
    const met = peak === undefined ? '?' : peak <= memory ? 'met' : 'missed';
    parts.push(`≤ ${memory / 1024} GiB ${met}`);
  }
  return parts.join(', ');
}

export function formatRun(run: BenchRun): string {
  const lines: string[] = [];
  lines.push(`${grouped(run.articles)} articles (seed ${run.seed}): corpus ${grouped(run.corpus.files)} raw files, ${formatBytes(run.corpus.bytes)}`);
  const { machine } = run;
  lines.push(`machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, node ${machine.node}, load ${(machine.loadAverage ?? []).join(' ') || '?'} at start${run.commit ? `, commit ${run.commit}` : ''}`);
  const rows: string[][] = [['stage', 'wall s', 'CPU s', 'peak RSS MiB', 'all procs MiB', '× floor', 'target', 'note']];
  for (const stage of run.stages) {
    rows.push([
      stage.informational ? `${stage.stage} (info)` : stage.stage,
      seconds(stage.wallSeconds),
      seconds(stage.cpuSeconds),
      mebibytes(stage.peakRssMiB),
      mebibytes(stage.peakGroupRssMiB),
      stage.informational || stage.ratioToFloor === null ? '–' : stage.ratioToFloor.toFixed(2),
      stage.informational ? '' : target(stage, run.articles),
      [outcome(stage), shortSummary(stage.summary ?? '')].filter((part) => part !== '').join('; '),
    ]);
  }
  lines.push(table(rows));
  if (run.site) {
    const index = run.site.searchIndexBytes === null
      ? '0 (not built)'
      : `${formatBytes(run.site.searchIndexBytes)} in ${grouped(run.site.searchIndexFiles ?? 0)} files`;
    lines.push(`pages written: ${grouped(run.site.pages)}   output: ${formatBytes(run.site.bytes)} in ${grouped(run.site.files)} files   search index: ${index}`);
  } else {
    lines.push('pages written: 0 (the build wrote no site)');
  }
  if (run.search.ok) {
    const { probe } = run.search;
    const step = (name: string, result: typeof probe.first): string =>
      `${name} «${result.query}»: ${result.milliseconds.toFixed(0)} ms, ${formatBytes(result.bytes)} in ${result.requests} requests, ${grouped(result.results)} results`;
    const preloaded = probe.pageLoad.pagefindBytes > 0 ? `, of which Pagefind ${formatBytes(probe.pageLoad.pagefindBytes)}` : '';
    lines.push(`search in Chromium (page ${probe.page}: ${formatBytes(probe.pageLoad.bytes)} in ${probe.pageLoad.requests} requests to load${preloaded}; service workers blocked)`);
    lines.push(`  first search by link (${probe.page}?q=${probe.deepLink.query}): first result after ${probe.deepLink.firstResultMs.toFixed(0)} ms; Pagefind files until ${FIRST_SEARCH_WINDOW_MS / 1000} s later: ${formatBytes(probe.deepLink.pagefindBytes)} in ${probe.deepLink.pagefindRequests} requests`);
    lines.push(`  ${step('first search', probe.first)}`);
    lines.push(`  ${step('second search', probe.second)}`);
    // Absent from results.json written before it was measured.
    if (probe.unanswered) lines.push(`  ${step('search no segment answers', probe.unanswered)}`);
    lines.push(`  Pagefind files up to the first results (page load + first search): ${formatBytes(probe.pageLoad.pagefindBytes + probe.first.pagefindBytes)}`);
    if (probe.consoleErrors.length > 0) lines.push(`  console errors: ${probe.consoleErrors.slice(0, 3).join(' | ')}`);
  } else {
    lines.push(`search in Chromium: skipped: ${run.search.skipped}`);
  }
  if (run.scenarios) lines.push(formatScenarios(run.scenarios, run.stages.find((stage) => stage.stage === 'build'), run.compareClean));
  if (run.preview) lines.push(formatPreview(run.preview, run.articles));
  if (run.kept) lines.push(`kept: corpus ${run.kept.corpus}, project ${run.kept.project}${run.kept.preview ? `, preview copy ${run.kept.preview}` : ''}`);
  return lines.join('\n');
}

const paths = (count: number): string => `${count} path${count === 1 ? '' : 's'}`;

/** Whether a scenario's site equals a clean build's, as the table and the progress lines say it. */
export function formatEqualToClean(result: Pick<ScenarioResult, 'equalToClean' | 'differences' | 'differenceCount' | 'comparisonSkipped'>): string {
  if (result.comparisonSkipped !== undefined) return `not checked (${result.comparisonSkipped})`;
  if (result.equalToClean === null) return 'not checked';
  return result.equalToClean ? 'yes' : `no (${paths(result.differenceCount ?? result.differences?.length ?? 0)})`;
}

const COMPARISONS: Readonly<Record<CompareClean, string>> = {
  every: 'each build compared with a clean build of the same sources',
  last: '--compare-clean last: only the last build compared with a clean build of the same sources, which checks what all of them left',
  none: '--compare-clean none: no build compared with a clean build',
};

/** What a scenario's steps were (when more than one) and what its last step said. */
function scenarioNote(result: ScenarioResult): string {
  const parts: string[] = [];
  if (result.steps.length > 1) {
    parts.push(result.steps.map((step) => `${step.stage.replace(/^.*\./u, '')} ${step.wallSeconds.toFixed(2)} s`).join(' + '));
  }
  const failedStep = result.steps.find((step) => step.exitCode !== 0 || step.timedOut);
  if (failedStep) parts.push(`${failedStep.stage.replace(/^.*\./u, '')} ${outcome(failedStep)}`);
  else if (result.note) parts.push(result.note);
  const last = result.steps[result.steps.length - 1];
  if (!failedStep && last?.summary) parts.push(shortSummary(last.summary));
  return parts.join('; ');
}

/**
 * The publishing scenarios as a table: wall and CPU time, peak memory, the wall time over
 * the full build's (what an incremental build saves), and whether the site equals a clean
 * build's; under it, the first paths that differ for each scenario that does not.
 */
export function formatScenarios(scenarios: readonly ScenarioResult[], fullBuild?: StageResult, compareClean: CompareClean = 'every'): string {
  const fullWall = fullBuild && fullBuild.exitCode === 0 ? fullBuild.wallSeconds : undefined;
  const rows: string[][] = [['scenario', 'wall s', 'CPU s', 'peak RSS MiB', 'all procs MiB', '× build', 'equal to clean', 'note']];
  for (const result of scenarios) {
    rows.push([
      result.scenario,
      result.steps.length === 0 ? '–' : seconds(result.wallSeconds),
      seconds(result.cpuSeconds),
      mebibytes(result.peakRssMiB),
      mebibytes(result.peakGroupRssMiB),
      fullWall && result.ok ? (result.wallSeconds / fullWall).toFixed(2) : '–',
      formatEqualToClean(result),
      scenarioNote(result),
    ]);
  }
  const lines = [`publishing scenarios, in order on the built copy (${COMPARISONS[compareClean]}):`, table(rows)];
  for (const result of scenarios) {
    if (result.equalToClean !== false) continue;
    const shown = (result.differences ?? []).slice(0, DIFFERENCES_PRINTED);
    const count = result.differenceCount ?? shown.length;
    lines.push(`${result.scenario}: ${paths(count)} differ${count === 1 ? 's' : ''} from a clean build:`);
    lines.push(...shown.map((difference) => `  ${difference}`));
    if (count > shown.length) lines.push(`  … and ${count - shown.length} more`);
  }
  return lines.join('\n');
}

const secondsOf = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const spreadOf = (spread: Spread): string => `median ${secondsOf(spread.medianMs)}, p90 ${secondsOf(spread.p90Ms)}, max ${secondsOf(spread.maxMs)}`;
const met = (spread: Spread, targetMs: number): string => (spread.maxMs < targetMs ? 'met' : 'missed');

/**
 * The preview's saves in one line (two at the size issue 11 sets targets for, judged by the
 * slowest save: the issue promises every save): the time to the page served and to search
 * caught up, and the memory of the preview's process after the first and the last save (and
 * the highest after any: garbage collection makes it rise and fall in between).
 */
export function formatPreview(result: PreviewResult, articles: number): string {
  if (result.kind === 'skipped') return `preview save: skipped: ${result.reason}`;
  if (result.kind === 'failed') return `preview save: failed: ${result.reason}`;
  const { summary, probe } = result;
  const peak = probe.peakRssMiB === undefined ? '' : `, peak ${mebibytes(probe.peakRssMiB)}`;
  const lines = [
    `preview save (npm start, first build ${secondsOf(summary.firstBuildMs)}): ${spreadOf(summary.pageServed)} to page served; `
      + `search caught up ${spreadOf(summary.searchCaughtUp)}; `
      + `RSS ${mebibytes(summary.rssAfterFirstSaveMiB)} → ${mebibytes(summary.rssAfterLastSaveMiB)} MiB over ${grouped(summary.saves)} saves `
      + `(${mebibytes(summary.rssHighestAfterSaveMiB)} at most after a save${peak})`,
  ];
  const targets = previewTargetsMs(articles);
  if (targets) {
    lines.push(`  issue 11 at ${grouped(articles)} articles: page served < ${targets.pageServed / 1000} s ${met(summary.pageServed, targets.pageServed)}, `
      + `search caught up < ${targets.searchCaughtUp / 1000} s ${met(summary.searchCaughtUp, targets.searchCaughtUp)} (every save)`);
  }
  return lines.join('\n');
}
