// The benchmark's results: one run per corpus size, as written to bench-results/results.json,
// and the targets of issue 6 they are read against.

import type { ProfileSummary } from './cpu-profile.ts';
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

export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  platform: string;
  /** 1, 5 and 15 minute load averages as the run started: other work on the machine skews the figures. */
  loadAverage: number[];
}

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
  /** With --cpu-prof: the busiest profile of each stage. */
  profiles?: Record<string, ProfileSummary>;
  /** Folders kept with --keep. */
  kept?: { corpus: string; project: string };
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
