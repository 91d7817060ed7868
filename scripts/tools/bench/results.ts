// The benchmark's results: one run per corpus size (its stages, publishing scenarios and the
// preview's saves), as written to bench-results/results.json, and the targets of issues 6 and
// 11 they are read against.

import type { ProfileSummary } from './cpu-profile.ts';
import type { PreviewSave, PreviewSavesSummary } from './preview-saves.ts';
import type { SearchProbeResult } from './search-probe.ts';
import type { SiteStats } from './site-stats.ts';
import type { StageMeasurement } from './measure.ts';

export interface StageResult extends StageMeasurement {
  /** Wall time over the floor's wall time; null when either is missing. */
  ratioToFloor: number | null;
  /** What the stage printed last (its summary line), when it printed anything. */
  summary?: string;
  /** Whether the stage counts in the floor ratios (corpus generation is for information only). */
  informational?: boolean;
}

/** One measured step of a scenario (its ingest, its build), with the step's last line. */
export interface ScenarioStep extends StageMeasurement {
  summary?: string;
}

/**
 * One publishing scenario: its steps, measured each in a fresh process, and their totals
 * (times added, memory the largest of any step: the steps run one after the other).
 */
export interface ScenarioResult {
  /** publish 20, edit body … */
  scenario: string;
  /** What the scenario changed in the copy. */
  change?: string;
  steps: ScenarioStep[];
  wallSeconds: number;
  /** User + system of every step; absent when a step's is unknown. */
  cpuSeconds?: number;
  peakRssMiB?: number;
  peakGroupRssMiB?: number;
  /** The change was made and every step exited 0. */
  ok: boolean;
  /** Whether _site equals a clean build's of the same sources; null when it could not be checked. */
  equalToClean: boolean | null;
  /** Paths that differ from the clean build (the first few), each with what is wrong with it. */
  differences?: string[];
  /** How many paths differ in all. */
  differenceCount?: number;
  /** Why the scenario failed or its equality could not be checked. */
  note?: string;
  /** The option that left the comparison with a clean build out on purpose (--compare-clean last). */
  comparisonSkipped?: string;
}

/**
 * After which publishing scenarios a clean build is made and compared: every one, only the
 * last (the scenarios run on one copy, so it checks what all of them left), or none.
 */
export type CompareClean = 'every' | 'last' | 'none';

export const COMPARE_CLEAN_MODES: readonly CompareClean[] = ['every', 'last', 'none'];

export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  platform: string;
  /** 1, 5 and 15 minute load averages as the run started: other work on the machine skews the figures. */
  loadAverage: number[];
}

/**
 * `npm start`'s saves, timed by the preview probe (preview-probe.ts) in a copy of its own:
 * measured, failed (the probe exited badly or printed no result), or skipped.
 */
export type PreviewResult =
  | { kind: 'measured'; probe: ScenarioStep; summary: PreviewSavesSummary; saves: PreviewSave[] }
  | { kind: 'failed'; probe: ScenarioStep; reason: string }
  | { kind: 'skipped'; reason: string };

export interface BenchRun {
  articles: number;
  seed: number;
  /** ISO 8601 time the run started. */
  startedAt: string;
  commit?: string;
  machine: MachineInfo;
  corpus: { files: number; bytes: number };
  stages: StageResult[];
  site?: SiteStats;
  search: SearchProbeResult;
  /** The publishing scenarios run after the full build (none with --skip-scenarios). */
  scenarios?: ScenarioResult[];
  /** After which scenarios a clean build was compared; absent in older results, which compared every one. */
  compareClean?: CompareClean;
  /** The preview's saves, measured after the scenarios; absent in older results. */
  preview?: PreviewResult;
  /** With --cpu-prof: the busiest profile of each stage. */
  profiles?: Record<string, ProfileSummary>;
  /** Folders kept with --keep. */
  kept?: { corpus: string; project: string; preview?: string };
}

export interface BenchResults {
  schema: 1;
  runs: BenchRun[];
}

/** Targets from issue 6, as multiples of the floor's wall time. */
export const FLOOR_RATIO_TARGETS: Readonly<Record<string, number>> = {
  ingest: 1.0,
  're-ingest': 0.3,
  build: 2.5,
};

/** Peak memory target of the full build, in MiB, by corpus size. */
export function buildMemoryTargetMiB(articles: number): number | undefined {
  if (articles === 10_000) return 2048;
  if (articles === 100_000) return 8192;
  return undefined;
}

/**
 * Issue 11's targets for saving one article under `npm start`, set for a 10,000-article
 * site: the new page served in under a second, search caught up within five.
 */
export function previewTargetsMs(articles: number): { pageServed: number; searchCaughtUp: number } | undefined {
  return articles === 10_000 ? { pageServed: 1000, searchCaughtUp: 5000 } : undefined;
}

/** Adds the floor ratio to every stage of a run. */
export function withFloorRatios(stages: readonly StageMeasurement[], informational: ReadonlySet<string>): StageResult[] {
  const floor = stages.find((stage) => stage.stage === 'floor');
  const floorWall = floor && floor.exitCode === 0 ? floor.wallSeconds : undefined;
  return stages.map((stage) => ({
    ...stage,
    ratioToFloor: floorWall && stage.exitCode === 0 ? stage.wallSeconds / floorWall : null,
    ...(informational.has(stage.stage) ? { informational: true } : {}),
  }));
}

/** Earlier results with the runs of the same corpus sizes replaced by the new ones, smallest first. */
export function mergeRuns(previous: BenchResults | undefined, runs: readonly BenchRun[]): BenchResults {
  const sizes = new Set(runs.map((run) => run.articles));
  const kept = (previous?.runs ?? []).filter((run) => !sizes.has(run.articles));
  return { schema: 1, runs: [...kept, ...runs].sort((a, b) => a.articles - b.articles) };
}

const total = (values: readonly (number | undefined)[]): number | undefined =>
  values.some((value) => value === undefined) ? undefined : values.reduce<number>((sum, value) => sum + (value ?? 0), 0);

const largest = (values: readonly (number | undefined)[]): number | undefined => {
  const known = values.filter((value): value is number => value !== undefined);
  return known.length === 0 ? undefined : Math.max(...known);
};

/** What became of a scenario besides its measured steps. */
export interface ScenarioOutcome extends Pick<ScenarioResult, 'change' | 'equalToClean' | 'differences' | 'differenceCount' | 'note' | 'comparisonSkipped'> {
  /** Whether the scenario's change was made (a failed change leaves nothing to measure). */
  applied: boolean;
}

/** A scenario's result from its steps and the comparison with a clean build. */
export function scenarioResult(scenario: string, steps: readonly ScenarioStep[], outcome: ScenarioOutcome): ScenarioResult {
  const { applied, ...rest } = outcome;
  const result: ScenarioResult = {
    scenario,
    ...(rest.change === undefined ? {} : { change: rest.change }),
    steps: [...steps],
    wallSeconds: steps.reduce((sum, step) => sum + step.wallSeconds, 0),
    ok: applied && steps.length > 0 && steps.every((step) => step.exitCode === 0 && !step.timedOut),
    equalToClean: rest.equalToClean,
  };
  const cpu = steps.length > 0 ? total(steps.map((step) => step.cpuSeconds)) : undefined;
  const peak = largest(steps.map((step) => step.peakRssMiB));
  const group = largest(steps.map((step) => step.peakGroupRssMiB));
  if (cpu !== undefined) result.cpuSeconds = cpu;
  if (peak !== undefined) result.peakRssMiB = peak;
  if (group !== undefined) result.peakGroupRssMiB = group;
  if (rest.differences !== undefined) result.differences = rest.differences;
  if (rest.differenceCount !== undefined) result.differenceCount = rest.differenceCount;
  if (rest.note !== undefined) result.note = rest.note;
  if (rest.comparisonSkipped !== undefined) result.comparisonSkipped = rest.comparisonSkipped;
  return result;
}

/**
 * True when a scenario makes the run fail: it did not run through, or its site is not (known
 * to be) a clean build's, unless the comparison was left out on purpose.
 */
export function scenarioFailed(result: ScenarioResult): boolean {
  if (!result.ok) return true;
  return result.comparisonSkipped === undefined && result.equalToClean !== true;
}
