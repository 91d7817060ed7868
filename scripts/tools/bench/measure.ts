// Runs one benchmark stage in a fresh Node process and measures that process only: wall
// time, user and system CPU time and peak resident memory, read from GNU time (-v) when the
// machine has it, else from the child's own process.resourceUsage() written at exit.

import { spawn } from 'node:child_process';
import { access, constants, open, readdir, readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export const GNU_TIME = '/usr/bin/time';

/** How the resources of a child are measured. */
export type MeterKind = 'gnu-time' | 'resource-usage';

export interface StageCommand {
  /** The stage's name in the report: ingest, re-ingest, build, floor … */
  stage: string;
  /** Script run under tsx, with its arguments; or, `plain`, run by Node alone. */
  script: string;
  /** The script is plain JavaScript that needs no tsx: the commands' launcher (scripts/run-command.mjs), as npm runs it. */
  plain?: boolean;
  args: readonly string[];
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Extra flags for node (--cpu-prof …). */
  nodeFlags?: readonly string[];
  /** The child's stdout and stderr go here, not into the parent's memory. */
  logFile: string;
  /** The child (and everything it started) is killed after this long. */
  timeoutMs: number;
}

export interface StageMeasurement {
  stage: string;
  wallSeconds: number;
  userSeconds?: number;
  systemSeconds?: number;
  /** User + system, of the child and everything it started. */
  cpuSeconds?: number;
  /** Peak resident memory of the largest single process of the stage (what time -v reports). */
  peakRssMiB?: number;
  /**
   * Peak of the summed resident memory of all the stage's processes at once (a build and the
   * search indexer it starts, say), sampled from /proc twice a second, and never below
   * peakRssMiB (sampling misses short peaks; all processes hold at least the largest); Linux only.
   */
  peakGroupRssMiB?: number;
  exitCode: number | null;
  signal?: string;
  timedOut: boolean;
  meter: MeterKind;
  logFile: string;
}

export interface ResourceFigures {
  userSeconds: number;
  systemSeconds: number;
  peakRssKiB: number;
}

/** Reads the figures of `time -v` (GNU time); undefined when the text does not hold them. */
export function parseGnuTimeReport(text: string): ResourceFigures | undefined {
  const number = (label: string): number | undefined => {
    const match = new RegExp(`^\\s*${label}:\\s*([\\d.]+)\\s*$`, 'mu').exec(text);
    return match ? Number(match[1]) : undefined;
  };
  const userSeconds = number('User time \\(seconds\\)');
  const systemSeconds = number('System time \\(seconds\\)');
  const peakRssKiB = number('Maximum resident set size \\(kbytes\\)');
  if (userSeconds === undefined || systemSeconds === undefined || peakRssKiB === undefined) return undefined;
  return { userSeconds, systemSeconds, peakRssKiB };
}

export async function gnuTimeAvailable(): Promise<boolean> {
  return access(GNU_TIME, constants.X_OK).then(() => true, () => false);
}

/** tsx's loader, by absolute URL, so a child finds it whatever its working folder. */
export function tsxLoaderUrl(): string {
  return import.meta.resolve('tsx');
}

const RESOURCE_REPORTER = fileURLToPath(new URL('./report-resource-usage.ts', import.meta.url));

const PAGE_BYTES = 4096;

/** Resident memory (KiB) of every process in a process group, from /proc; undefined off Linux. */
export async function groupRssKiB(group: number): Promise<number | undefined> {
  const entries = await readdir('/proc').catch(() => undefined);
  if (!entries) return undefined;
  let pages = 0;
  await Promise.all(entries.filter((entry) => /^\d+$/u.test(entry)).map(async (pid) => {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    // Fields after the command name, which may hold spaces: state ppid pgrp … rss (field 24).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) === group) pages += Number(fields[21] ?? 0);
  }));
  return (pages * PAGE_BYTES) / 1024;
}

/** Samples a process group's summed memory until stopped; resolves to the peak in KiB. */
function watchGroupMemory(group: number, intervalMs = 500): { stop(): Promise<number | undefined> } {
  let peak: number | undefined;
  let sampling: Promise<void> = Promise.resolve();
  const sample = (): void => {
    sampling = sampling.then(async () => {
      const now = await groupRssKiB(group);
      if (now !== undefined) peak = Math.max(peak ?? 0, now);
    });
  };
  const timer = setInterval(sample, intervalMs);
  sample();
  return {
    async stop() {
      clearInterval(timer);
      await sampling;
      return peak;
    },
  };
}

/**
 * The peak of all of a stage's processes together, in MiB: the sampled one, raised to the
 * exact peak of its largest process when sampling (twice a second) missed it, as it does for
 * a stage of a second or less. Undefined when nothing was sampled (off Linux).
 */
export function peakOfAllProcessesMiB(sampledKiB: number | undefined, largestProcessKiB: number | undefined): number | undefined {
  if (!sampledKiB) return undefined;
  return Math.max(sampledKiB, largestProcessKiB ?? 0) / 1024;
}

/** Process groups of the stages running now, so an interrupted benchmark can stop them. */
const runningGroups = new Set<number>();

/** Kills every stage still running (each with what it started): for the entry point's Ctrl+C. */
export function stopRunningStages(): void {
  for (const group of runningGroups) {
    try {
      process.kill(-group, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  runningGroups.clear();
}

export async function runMeasuredStage(command: StageCommand, meter: MeterKind): Promise<StageMeasurement> {
  const reportFile = `${command.logFile}.resources`;
  // The resource reporter is TypeScript: with it, tsx is registered whatever the script.
  const nodeArgs = [
    ...(command.plain && meter !== 'resource-usage' ? [] : ['--import', tsxLoaderUrl()]),
    ...(meter === 'resource-usage' ? ['--import', RESOURCE_REPORTER] : []),
    ...(command.nodeFlags ?? []),
    command.script, ...command.args,
  ];
  const [file, args] = meter === 'gnu-time'
    ? [GNU_TIME, ['-v', '-o', reportFile, process.execPath, ...nodeArgs]]
    : [process.execPath, nodeArgs];
  const env = { ...process.env, ...command.env, ...(meter === 'resource-usage' ? { BENCH_RESOURCE_USAGE_FILE: reportFile } : {}) };

  const log = await open(command.logFile, 'w');
  const started = process.hrtime.bigint();
  let timedOut = false;
  let memory: { stop(): Promise<number | undefined> } | undefined;
  const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveExit, rejectExit) => {
    // Its own process group, so a timeout stops the child and whatever it started.
    const child = spawn(file, args, { cwd: command.cwd, env, stdio: ['ignore', log.fd, log.fd], detached: true });
    const group = child.pid;
    if (group !== undefined) {
      runningGroups.add(group);
      memory = watchGroupMemory(group);
    }
    const timer = setTimeout(() => {
      timedOut = true;
      if (group === undefined) return;
      try {
        process.kill(-group, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, command.timeoutMs);
    const settle = (): void => {
      clearTimeout(timer);
      if (group !== undefined) runningGroups.delete(group);
    };
    child.once('error', (error) => {
      settle();
      rejectExit(error);
    });
    child.once('exit', (exitCode, exitSignal) => {
      settle();
      resolveExit({ code: exitCode, signal: exitSignal });
    });
  });
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const peakGroupKiB = await memory?.stop();
  await log.close();

  const report = await readFile(reportFile, 'utf8').catch(() => '');
  await rm(reportFile, { force: true });
  const figures = meter === 'gnu-time' ? parseGnuTimeReport(report) : parseResourceUsageReport(report);
  // GNU time reports the child's own status in its text; its exit code mirrors it.
  const measurement: StageMeasurement = {
    stage: command.stage,
    wallSeconds,
    exitCode: timedOut ? null : code,
    timedOut,
    meter,
    logFile: command.logFile,
  };
  if (signal) measurement.signal = signal;
  // Zero when the group was gone before the first sample (a very short stage).
  const peakGroupRssMiB = peakOfAllProcessesMiB(peakGroupKiB, figures?.peakRssKiB);
  if (peakGroupRssMiB !== undefined) measurement.peakGroupRssMiB = peakGroupRssMiB;
  if (figures) {
    measurement.userSeconds = figures.userSeconds;
    measurement.systemSeconds = figures.systemSeconds;
    measurement.cpuSeconds = figures.userSeconds + figures.systemSeconds;
    measurement.peakRssMiB = figures.peakRssKiB / 1024;
  }
  return measurement;
}

/** Reads what report-resource-usage.ts wrote: process.resourceUsage() as JSON (times in µs, maxRSS in KiB). */
export function parseResourceUsageReport(text: string): ResourceFigures | undefined {
  try {
    const usage = JSON.parse(text) as Partial<NodeJS.ResourceUsage>;
    if (typeof usage.userCPUTime !== 'number' || typeof usage.systemCPUTime !== 'number' || typeof usage.maxRSS !== 'number') return undefined;
    return { userSeconds: usage.userCPUTime / 1e6, systemSeconds: usage.systemCPUTime / 1e6, peakRssKiB: usage.maxRSS };
  } catch {
    return undefined;
  }
}
