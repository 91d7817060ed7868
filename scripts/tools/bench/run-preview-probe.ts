// Runs the preview probe (preview-probe.ts) after the publishing scenarios, as one more
// measured step in a fresh process. The preview writes _site (as `npm start` does) and a
// build cache of its own, so it runs in a fresh copy of the built copy's sources: the site
// the scenarios compared with a clean build is never touched, and the preview's first build
// starts from nothing, as `npm start` in a fresh checkout does.

import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { PREVIEW_NODE_FLAGS } from '../../lib/site/build-node-flags.ts';
import { createCleanCopy, type BenchProject } from './bench-project.ts';
import { parsePreviewProbeLog, summarisePreviewSaves } from './preview-saves.ts';
import type { PreviewResult, ScenarioStep } from './results.ts';
import { stepFailure, type StepCommand } from './run-scenarios.ts';

export interface PreviewProbeRunner {
  /** The built copy whose sources the preview previews. */
  project: BenchProject;
  /** The real project, whose tmp-test-sites/ holds the preview's copy. */
  projectDir: string;
  articles: number;
  /** Saves the probe makes (--preview-saves). */
  saves: number;
  /** Keep the preview's copy (--keep). */
  keep: boolean;
  /** The environment of the run's builds (SITE_NOW), which the preview's builds share. */
  env: NodeJS.ProcessEnv;
  /** Runs a step in a fresh process and measures it, as bench-command measures every stage. */
  measure(step: string, command: StepCommand, options: { profile: boolean }): Promise<ScenarioStep>;
}

export interface PreviewProbeRun {
  result: PreviewResult;
  /** The preview's copy, when it was kept. */
  keptCopy?: string;
}

/** The command that runs the probe in a copy: its own code, with npm start's node flags, as `npm start` runs. */
export function previewProbeCommand(dir: string, saves: number, env: NodeJS.ProcessEnv): StepCommand {
  return {
    script: join(dir, 'scripts', 'tools', 'bench', 'preview-probe.ts'),
    args: [dir, '--saves', String(saves)],
    cwd: dir,
    nodeFlags: PREVIEW_NODE_FLAGS,
    env,
  };
}

/** What the probe's step came to: its figures, or why there are none. */
async function previewResult(probe: ScenarioStep): Promise<PreviewResult> {
  if (probe.exitCode !== 0 || probe.timedOut) return { kind: 'failed', probe, reason: stepFailure(probe) };
  const output = parsePreviewProbeLog(await readFile(probe.logFile, 'utf8').catch(() => ''));
  const summary = output && summarisePreviewSaves(output);
  if (!output || !summary) return { kind: 'failed', probe, reason: `the probe printed no saves (see ${probe.logFile})` };
  return { kind: 'measured', probe, summary, saves: output.saves };
}

export async function runPreviewProbe(runner: PreviewProbeRunner): Promise<PreviewProbeRun> {
  const copy = await createCleanCopy(runner.project, runner.projectDir, `${runner.articles}-preview`);
  try {
    const probe = await runner.measure('preview', previewProbeCommand(copy.dir, runner.saves, runner.env), { profile: false });
    return { result: await previewResult(probe), ...(runner.keep ? { keptCopy: copy.dir } : {}) };
  } finally {
    if (!runner.keep) await rm(copy.dir, { recursive: true, force: true });
  }
}
