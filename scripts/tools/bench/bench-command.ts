// The bench command: for each corpus size, generates the corpus, then measures in fresh
// processes ingest, a no-op re-ingest, the floor and the full build, sizes the site, probes
// search in Chromium, runs the publishing scenarios on the built copy, times `npm start`'s
// saves in a copy of its own, prints a table, and writes results.json and chart.svg. Returns
// the exit code (0 every stage, the preview probe included, ran and every scenario's site
// compared equals a clean build's, 1 otherwise, 2 usage); never fails on a time.

import { execFile } from 'node:child_process';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { mkdir, mkdtemp, open, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { parseCommandLine, parseCount, usageError, type CommandOutput } from '../../lib/cli/command-line.ts';
import { siteSettingsFromEnvironment, type Environment } from '../../lib/config/site.ts';
import type { BundledCommand } from '../../lib/fs/command-bundle.ts';
import { BUILD_NODE_FLAGS } from '../../lib/site/build-node-flags.ts';
import { createBenchProject } from './bench-project.ts';
import { renderChart } from './chart.ts';
import { formatProfileSummary, summariseProfiles, type ProfileSummary } from './cpu-profile.ts';
import { gnuTimeAvailable, runMeasuredStage, type MeterKind, type StageMeasurement } from './measure.ts';
import { isValidSeed } from './prng.ts';
import { DEFAULT_SAVES } from './preview-saves.ts';
import { formatPreview, formatRun } from './report.ts';
import { COMPARE_CLEAN_MODES, mergeRuns, scenarioFailed, withFloorRatios, type BenchResults, type BenchRun, type CompareClean, type MachineInfo, type ScenarioStep } from './results.ts';
import { runPreviewProbe, type PreviewProbeRun } from './run-preview-probe.ts';
import { runScenarios, type StepCommand } from './run-scenarios.ts';
import { probeSearch } from './search-probe.ts';
import { siteStats } from './site-stats.ts';

export interface BenchIo extends CommandOutput {
  /** The project measured: its scripts, pages and layouts. */
  projectDir: string;
  /** The time the run starts, for the results file. */
  now: () => Date;
  /** The environment the stages' builds run in (the site's settings: its path prefix). */
  env: Environment;
}

export const BENCH_USAGE = `Usage: npm run bench -- --articles N [--articles N …] [--seed 1] [--keep] [--out bench-results]
                       [--timeout 20] [--cpu-prof] [--eleventy-debug] [--skip-search] [--skip-scenarios]
                       [--compare-clean every] [--meter auto] [--skip-preview] [--preview-saves 100]

  --articles N      corpus size; repeat for several (default 1000)
  --seed S          corpus seed (default 1)
  --keep            keep the generated corpus and the project copy (paths are printed)
  --out DIR         results folder: results.json, chart.svg, summary.txt, logs/ (default bench-results)
  --timeout MIN     minutes after which a stage is stopped (default 20)
  --cpu-prof        profile every stage (node --cpu-prof) and print where the time went
  --eleventy-debug  run the build with DEBUG=Eleventy:Benchmark* (its output goes to the build's log)
  --skip-search     do not measure search in Chromium
  --skip-scenarios  do not run the publishing scenarios (publish 20, edit body, edit headline, delete one,
                    change layout, no change) nor their clean builds to compare with
  --compare-clean W after which scenarios a clean build of a fresh copy is made and compared with the
                    scenario's site: every (default), last (the scenarios run on one copy, so the last
                    comparison checks what all of them left) or none; at 100,000 articles a clean build
                    takes 15–20 minutes, so by hand run: --articles 100000 --timeout 90 --compare-clean last
  --meter KIND      auto, gnu-time (/usr/bin/time -v) or resource-usage (the child's own process.resourceUsage())
  --skip-preview    do not time npm start's saves (the preview server in a copy of its own, after the scenarios)
  --preview-saves N saves of an article the preview probe makes and times, in turn (default 100)
`;

/** The day builds treat as now, so the same corpus always gives the same site (every article is past). */
const BENCH_SITE_NOW = '2026-01-01';
const STAGES_WITH_PROFILES = new Set(['ingest', 're-ingest', 'floor', 'build']);

export interface BenchOptions {
  sizes: number[];
  seed: number;
  keep: boolean;
  outDir: string;
  timeoutMs: number;
  cpuProf: boolean;
  eleventyDebug: boolean;
  skipSearch: boolean;
  skipScenarios: boolean;
  compareClean: CompareClean;
  meter: MeterKind;
  skipPreview: boolean;
  previewSaves: number;
}

export type ParsedOptions = { ok: true; options: BenchOptions } | { ok: false; message: string; help?: boolean };

const isCompareClean = (text: string): text is CompareClean => (COMPARE_CLEAN_MODES as readonly string[]).includes(text);

const BENCH_COMMAND = {
  name: 'bench',
  usage: BENCH_USAGE,
  options: {
    articles: { type: 'string', multiple: true },
    seed: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
    out: { type: 'string', default: 'bench-results' },
    timeout: { type: 'string', default: '20' },
    'cpu-prof': { type: 'boolean', default: false },
    'eleventy-debug': { type: 'boolean', default: false },
    'skip-search': { type: 'boolean', default: false },
    'skip-scenarios': { type: 'boolean', default: false },
    'compare-clean': { type: 'string', default: 'every' },
    meter: { type: 'string', default: 'auto' },
    'skip-preview': { type: 'boolean', default: false },
    'preview-saves': { type: 'string', default: String(DEFAULT_SAVES) },
  },
} as const;

/** The command's options from its arguments, or why they are wrong (a usage error). */
export async function parseBenchOptions(argv: readonly string[], projectDir: string): Promise<ParsedOptions> {
  const commandLine = parseCommandLine(argv, BENCH_COMMAND);
  if (commandLine.kind === 'usage-error') return { ok: false, message: commandLine.message };
  if (commandLine.kind === 'help') return { ok: false, message: '', help: true };
  const { values } = commandLine;
  const sizes = (values.articles ?? ['1000']).map((text) => parseCount(text, 1));
  if (sizes.some((size) => size === undefined)) return { ok: false, message: '--articles must be a whole number of at least 1' };
  const seed = parseCount(values.seed, 0);
  if (seed === undefined || !isValidSeed(seed)) return { ok: false, message: '--seed must be a whole number from 0 to 4294967295' };
  const minutes = Number(values.timeout);
  if (!Number.isFinite(minutes) || minutes <= 0) return { ok: false, message: '--timeout must be a positive number of minutes' };
  const compareClean = values['compare-clean'];
  if (!isCompareClean(compareClean)) return { ok: false, message: `--compare-clean must be every, last or none, not «${compareClean}»` };
  let meter: MeterKind;
  if (values.meter === 'auto') meter = (await gnuTimeAvailable()) ? 'gnu-time' : 'resource-usage';
  else if (values.meter === 'gnu-time' || values.meter === 'resource-usage') meter = values.meter;
  else return { ok: false, message: '--meter must be auto, gnu-time or resource-usage' };
  if (meter === 'gnu-time' && !(await gnuTimeAvailable())) return { ok: false, message: '--meter gnu-time: /usr/bin/time is not installed' };
  const previewSaves = parseCount(values['preview-saves'], 1);
  if (previewSaves === undefined) return { ok: false, message: '--preview-saves must be a whole number of at least 1' };
  return {
    ok: true,
    options: {
      sizes: [...new Set(sizes as number[])],
      seed,
      keep: values.keep,
      outDir: resolve(projectDir, values.out),
      timeoutMs: minutes * 60_000,
      cpuProf: values['cpu-prof'],
      eleventyDebug: values['eleventy-debug'],
      skipSearch: values['skip-search'],
      skipScenarios: values['skip-scenarios'],
      compareClean,
      meter,
      skipPreview: values['skip-preview'],
      previewSaves,
    },
  };
}

function machineInfo(): MachineInfo {
  const processors = cpus();
  return {
    cpus: processors.length,
    cpuModel: processors[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverage: loadavg().map((load) => Math.round(load * 100) / 100),
  };
}

/** The commit measured, with «+changes» when the working tree differs from it (figures then depend on uncommitted work). */
async function gitCommit(projectDir: string): Promise<string | undefined> {
  try {
    const git = promisify(execFile);
    const { stdout: commit } = await git('git', ['rev-parse', '--short', 'HEAD'], { cwd: projectDir });
    const { stdout: changes } = await git('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: projectDir });
    return commit.trim() === '' ? undefined : `${commit.trim()}${changes.trim() === '' ? '' : '+changes'}`;
  } catch {
    return undefined;
  }
}

/** The last non-empty line a stage printed (ingest's and build's summaries are their last line). */
async function lastLine(logFile: string): Promise<string | undefined> {
  const file = await open(logFile, 'r').catch(() => undefined);
  if (!file) return undefined;
  try {
    const { size } = await file.stat();
    const length = Math.min(size, 8192);
    const buffer = Buffer.alloc(length);
    await file.read(buffer, 0, length, size - length);
    const lines = buffer.toString('utf8').split(/\r?\n|\r/u).map((line) => line.replace(/\x1b\[[0-9;]*[A-Za-z]/gu, '').trim());
    return lines.filter((line) => line !== '').pop()?.slice(0, 160);
  } finally {
    await file.close();
  }
}

async function corpusSize(rawDir: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for (const name of await readdir(rawDir)) {
    if (!name.endsWith('.txt')) continue;
    files += 1;
    bytes += (await stat(join(rawDir, name))).size;
  }
  return { files, bytes };
}

function formatRunWithProfiles(run: BenchRun): string {
  const profiles = Object.entries(run.profiles ?? {}).map(([stage, summary]) => `where ${stage} spent its time (node --cpu-prof):\n${formatProfileSummary(summary)}`);
  return [formatRun(run), ...profiles].join('\n');
}

async function readResults(path: string): Promise<BenchResults | undefined> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as BenchResults;
    return parsed.schema === 1 && Array.isArray(parsed.runs) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

interface RunOutcome {
  run: BenchRun;
  failed: boolean;
}

async function benchOneSize(articles: number, options: BenchOptions, io: BenchIo): Promise<RunOutcome> {
  const { projectDir } = io;
  const startedAt = io.now().toISOString();
  const machine = machineInfo();
  const work = await mkdtemp(join(tmpdir(), `newsroom-bench-${articles}-`));
  const rawDir = join(work, 'raw');
  const project = await createBenchProject(projectDir, String(articles));
  // The code the copy holds, which is what every stage and scenario of this size measures.
  const commit = await gitCommit(projectDir);
  const logDir = join(options.outDir, 'logs', String(articles));
  const profileRoot = join(options.outDir, 'profiles', String(articles));
  await rm(logDir, { recursive: true, force: true });
  await mkdir(logDir, { recursive: true });
  if (options.cpuProf) await rm(profileRoot, { recursive: true, force: true });
  const measurements: StageMeasurement[] = [];
  const summaries = new Map<string, string>();
  const profiles: Record<string, ProfileSummary> = {};
  const tell = (text: string): void => io.stderr(`[${articles}] ${text}\n`);

  /** Runs a command in a fresh process and measures it; its log (and profile) are named after it. */
  const measure = async (name: string, command: StepCommand, profile: boolean): Promise<ScenarioStep> => {
    tell(`${name} …`);
    const profileDir = join(profileRoot, name);
    const nodeFlags = [...(command.nodeFlags ?? [])];
    if (options.cpuProf && profile) {
      await mkdir(profileDir, { recursive: true });
      nodeFlags.push('--cpu-prof', '--cpu-prof-dir', profileDir);
    }
    const measured = await runMeasuredStage(
      { ...command, nodeFlags, stage: name, logFile: join(logDir, `${name}.log`), timeoutMs: options.timeoutMs },
      options.meter,
    );
    const summary = await lastLine(measured.logFile);
    const status = measured.timedOut ? ' (timed out)' : measured.exitCode !== 0 ? ` (exit ${measured.exitCode ?? measured.signal})` : '';
    const group = measured.peakGroupRssMiB === undefined ? '' : ` (all processes ${measured.peakGroupRssMiB.toFixed(0)} MiB)`;
    const memory = measured.peakRssMiB === undefined ? '' : `, peak ${measured.peakRssMiB.toFixed(0)} MiB${group}`;
    tell(`${name}: ${measured.wallSeconds.toFixed(2)} s${memory}${status}${summary ? `: ${summary}` : ''}`);
    if (options.cpuProf && profile) {
      const [busiest] = await summariseProfiles(profileDir);
      if (busiest) profiles[name] = busiest;
    }
    return summary ? { ...measured, summary } : measured;
  };

  const stage = async (name: string, command: StepCommand): Promise<StageMeasurement> => {
    const { summary, ...measured } = await measure(name, command, STAGES_WITH_PROFILES.has(name));
    measurements.push(measured);
    if (summary) summaries.set(name, summary);
    return measured;
  };

  // Every build of the run sees the same now, so that time does not move between them.
  const siteNow = process.env.SITE_NOW ?? BENCH_SITE_NOW;
  // The commands as npm runs them: through the launcher (scripts/run-command.mjs), which runs
  // the first of a copy through tsx and readies the bundle the others start from.
  const launched = (dir: string, command: BundledCommand, args: readonly string[]): Pick<StepCommand, 'script' | 'args' | 'plain'> => ({
    script: join(dir, 'scripts', 'run-command.mjs'), args: [command, ...args], plain: true,
  });
  const ingestCommand = (from: string): StepCommand => ({ ...launched(projectDir, 'ingest', [from, '--out', project.articlesDir]), cwd: projectDir });
  // scripts/build.ts itself, inside a project copy: whatever `npm run build` does, this does.
  const buildCommand = (dir: string, args: readonly string[]): StepCommand => ({
    ...launched(dir, 'build', args),
    cwd: dir,
    nodeFlags: BUILD_NODE_FLAGS,
    env: { SITE_NOW: siteNow, ...(options.eleventyDebug ? { DEBUG: 'Eleventy:Benchmark*' } : {}) },
  });
  // scripts/publish.ts inside the copy, run as its build is (`npm run publish` has the build's flags).
  const publishCommand = (from: string): StepCommand => ({ ...buildCommand(project.dir, []), ...launched(project.dir, 'publish', [from]) });

  try {
    const generated = await stage('generate', {
      script: join(projectDir, 'scripts', 'generate-corpus.ts'),
      args: ['--articles', String(articles), '--out', rawDir, '--seed', String(options.seed)],
      cwd: projectDir,
    });
    const corpus = await corpusSize(rawDir).catch(() => ({ files: 0, bytes: 0 }));
    // Without a corpus the other stages would measure nothing.
    let built = false;
    if (generated.exitCode === 0) {
      await stage('ingest', ingestCommand(rawDir));
      await stage('re-ingest', ingestCommand(rawDir));
      await stage('floor', {
        script: join(projectDir, 'scripts', 'tools', 'bench', 'floor.ts'),
        args: [project.articlesDir, project.floorDir],
        cwd: projectDir,
      });
      // The first build of a fresh copy: no build cache yet, so it builds everything (and writes the cache).
      built = (await stage('build', buildCommand(project.dir, []))).exitCode === 0;
    }
    const site = await siteStats(project.siteDir);
    let search: BenchRun['search'];
    if (options.skipSearch) search = { ok: false, skipped: '--skip-search' };
    else if (!site) search = { ok: false, skipped: 'the build wrote no site' };
    else {
      tell('search in Chromium …');
      search = await probeSearch(project.siteDir, { pathPrefix: siteSettingsFromEnvironment(io.env).pathPrefix }).catch((error: unknown) => ({ ok: false as const, skipped: `the probe failed: ${(error as Error).message.split('\n')[0]}` }));
    }
    // After the site is sized and searched: the scenarios change it.
    const scenarios = options.skipScenarios || !built ? undefined : await runScenarios({
      context: { project, workDir: work, articles, seed: options.seed, siteNow, timeZone: siteSettingsFromEnvironment(io.env).timeZone },
      projectDir,
      keep: options.keep,
      compareClean: options.compareClean,
      measure: (name, command, { profile }) => measure(name, command, profile),
      publishCommand,
      buildCommand,
      tell,
    });
    // Last: a copy of its own, so nothing the scenarios compared is touched.
    let preview: PreviewProbeRun;
    if (options.skipPreview) preview = { result: { kind: 'skipped', reason: '--skip-preview' } };
    else if (!built) preview = { result: { kind: 'skipped', reason: 'the build failed' } };
    else {
      preview = await runPreviewProbe({
        project, projectDir, articles, saves: options.previewSaves, keep: options.keep, env: { SITE_NOW: siteNow },
        measure: (name, command, { profile }) => measure(name, command, profile),
      });
      tell(formatPreview(preview.result, articles));
    }
    const stages = withFloorRatios(measurements, new Set(['generate'])).map((result) => {
      const summary = summaries.get(result.stage);
      return summary ? { ...result, summary } : result;
    });
    const run: BenchRun = {
      articles,
      seed: options.seed,
      startedAt,
      commit,
      machine,
      corpus,
      stages,
      search,
      ...(scenarios ? { scenarios, compareClean: options.compareClean } : {}),
      preview: preview.result,
      ...(site ? { site } : {}),
      ...(Object.keys(profiles).length > 0 ? { profiles } : {}),
      ...(options.keep ? { kept: { corpus: rawDir, project: project.dir, ...(preview.keptCopy ? { preview: preview.keptCopy } : {}) } } : {}),
    };
    const ingestRejected = /[1-9]\d* rejected/u.test(summaries.get('ingest') ?? '');
    const failed = ingestRejected || measurements.some((measured) => measured.exitCode !== 0) || (scenarios ?? []).some(scenarioFailed)
      || preview.result.kind === 'failed';
    return { run, failed };
  } finally {
    if (!options.keep) {
      await rm(work, { recursive: true, force: true });
      await rm(project.dir, { recursive: true, force: true });
    }
  }
}

export async function runBenchCommand(argv: readonly string[], io: BenchIo): Promise<number> {
  const parsed = await parseBenchOptions(argv, io.projectDir);
  if (!parsed.ok) {
    if (parsed.help) {
      io.stdout(BENCH_USAGE);
      return 0;
    }
    return usageError(BENCH_COMMAND, io, parsed.message);
  }
  const { options } = parsed;
  await mkdir(options.outDir, { recursive: true });
  const runs: BenchRun[] = [];
  let failed = false;
  for (const articles of options.sizes) {
    const outcome = await benchOneSize(articles, options, io);
    runs.push(outcome.run);
    failed ||= outcome.failed;
    io.stdout(`\n${formatRunWithProfiles(outcome.run)}\n`);
  }
  const resultsFile = join(options.outDir, 'results.json');
  const results = mergeRuns(await readResults(resultsFile), runs);
  await writeFile(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  await writeFile(join(options.outDir, 'chart.svg'), renderChart(results.runs));
  // Every size measured so far (the runs of earlier invocations included), as printed.
  await writeFile(join(options.outDir, 'summary.txt'), `${results.runs.map(formatRunWithProfiles).join('\n\n')}\n`);
  io.stdout(`\nresults: ${resultsFile} (${results.runs.map((run) => run.articles).join(', ')} articles), chart: ${join(options.outDir, 'chart.svg')}, logs: ${join(options.outDir, 'logs')}\n`);
  return failed ? 1 : 0;
}
