// The scenario runner, with stand-in ingest and build steps: it measures a scenario's steps
// (and only them), builds a fresh copy with --clean to compare with (after every scenario,
// the last or none), says «equal» only when the two sites are byte for byte the same, and
// names the paths when they are not.

import { cp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectAt } from '../../scripts/tools/bench/bench-project.ts';
import { comparesWithClean, runScenarios, type ScenarioRunner, type StepCommand } from '../../scripts/tools/bench/run-scenarios.ts';
import { scenarioFailed, type CompareClean, type ScenarioStep } from '../../scripts/tools/bench/results.ts';
import type { Scenario, ScenarioContext } from '../../scripts/tools/bench/scenarios.ts';
import { useTempDirs } from '../support/temp-dir.ts';

const makeTempDir = useTempDirs('bench-run-scenarios-');


interface Call {
  step: string;
  command: StepCommand;
  profile: boolean;
}

/**
 * A runner whose «build» copies content/ into _site/ — a clean one from scratch, an
 * incremental one over the old _site, so a deleted page stays (the bug the check exists
 * for) — and whose «ingest» copies a raw folder into the articles.
 */
async function fakeRunner(
  options: { keep?: boolean; failBuildOf?: string; compareClean?: CompareClean } = {},
): Promise<{ runner: ScenarioRunner; calls: Call[]; told: string[]; projectDir: string }> {
  const projectDir = await makeTempDir();
  const project = projectAt(join(projectDir, 'tmp-test-sites', 'bench-test'));
  await mkdir(project.articlesDir, { recursive: true });
  await writeFile(join(project.articlesDir, 'old.md'), 'old');
  await writeFile(join(project.articlesDir, 'gone.md'), 'gone');
  const calls: Call[] = [];
  const told: string[] = [];
  const context: ScenarioContext = { project, workDir: projectDir, articles: 2, seed: 1, siteNow: '2026-01-01', timeZone: 'Asia/Damascus' };
  const runner: ScenarioRunner = {
    context,
    projectDir,
    keep: options.keep ?? false,
    compareClean: options.compareClean ?? 'every',
    tell: (text) => told.push(text),
    publishCommand: (rawDir) => ({ script: 'publish', args: [rawDir], cwd: project.dir }),
    buildCommand: (dir, args) => ({ script: 'build', args, cwd: dir }),
    async measure(step, command, { profile }) {
      calls.push({ step, command, profile });
      const failed = options.failBuildOf !== undefined && [`${options.failBuildOf}.build`, `${options.failBuildOf}.publish`].includes(step);
      if (!failed && command.script === 'publish') await cp(command.args[0] as string, project.articlesDir, { recursive: true });
      if (!failed && command.script !== 'ingest') {
        const site = join(command.cwd, '_site');
        if (command.args.includes('--clean')) await rm(site, { recursive: true, force: true });
        await cp(join(command.cwd, 'content'), site, { recursive: true });
      }
      const measured: ScenarioStep = {
        stage: step, wallSeconds: 2, cpuSeconds: 3, peakRssMiB: 100, peakGroupRssMiB: 150,
        exitCode: failed ? 1 : 0, timedOut: false, meter: 'resource-usage', logFile: `/tmp/${step}.log`, summary: `${step} done`,
      };
      return measured;
    },
  };
  // The full build the scenarios start from.
  await runner.measure('build', runner.buildCommand(project.dir, []), { profile: false });
  calls.length = 0;
  return { runner, calls, told, projectDir };
}

const publish: Scenario = {
  name: 'publish 1',
  async apply(context) {
    const rawDir = join(context.workDir, 'raw');
    await mkdir(rawDir, { recursive: true });
    await writeFile(join(rawDir, 'new.md'), 'new');
    return { description: 'one article', ingest: rawDir };
  },
};
const deleteOne: Scenario = {
  name: 'delete one',
  async apply(context) {
    await rm(join(context.project.articlesDir, 'gone.md'));
    return { description: 'gone.md deleted' };
  },
};
const broken: Scenario = {
  name: 'broken',
  async apply() {
    throw new Error('no such layout');
  },
};

describe('runScenarios', () => {
  it('measures a publish as npm run publish (ingest and build in one process), then compares with a clean build made with --clean in another folder', async () => {
    const { runner, calls } = await fakeRunner();
    const [result] = await runScenarios(runner, [publish]);
    expect(calls.map((call) => [call.step, call.command.script, call.command.args.at(-1) ?? '', call.profile])).toEqual([
      ['publish-1.publish', 'publish', join(runner.context.workDir, 'raw'), true],
      ['publish-1.clean-build', 'build', '--clean', false],
    ]);
    expect(calls[0]?.command.cwd).toBe(runner.context.project.dir);
    expect(calls[1]?.command.cwd).not.toBe(runner.context.project.dir);
    // The clean build is not part of the scenario's figures.
    expect(result).toMatchObject({
      scenario: 'publish 1', change: 'one article', ok: true, equalToClean: true,
      wallSeconds: 2, cpuSeconds: 3, peakRssMiB: 100, peakGroupRssMiB: 150,
    });
    expect(result?.steps.map((step) => step.stage)).toEqual(['publish-1.publish']);
  });

  it('says «not equal» and names the paths when the incremental site differs, and removes the clean copy', async () => {
    const { runner, projectDir } = await fakeRunner();
    const [result] = await runScenarios(runner, [deleteOne]);
    expect(result).toMatchObject({ ok: true, equalToClean: false, differences: ['articles/gone.md: not expected'], differenceCount: 1 });
    expect(await readdir(join(projectDir, 'tmp-test-sites'))).toEqual(['bench-test']);
  });

  it('keeps the differing clean copy with --keep, and says where', async () => {
    const { runner, projectDir } = await fakeRunner({ keep: true });
    const [result] = await runScenarios(runner, [deleteOne]);
    const kept = (await readdir(join(projectDir, 'tmp-test-sites'))).filter((name) => name !== 'bench-test');
    expect(kept).toHaveLength(1);
    expect(result?.note).toBe(`clean build kept in ${join(projectDir, 'tmp-test-sites', kept[0] as string)}`);
  });

  it('goes on after a scenario whose change or build failed, which is not checked against a clean build', async () => {
    const { runner, calls } = await fakeRunner({ failBuildOf: 'publish-1' });
    const results = await runScenarios(runner, [broken, publish, deleteOne]);
    expect(results.map((result) => [result.scenario, result.ok, result.equalToClean])).toEqual([
      ['broken', false, null], ['publish 1', false, null], ['delete one', true, false],
    ]);
    expect(results[0]?.note).toBe('the change failed: no such layout');
    expect(results[1]?.note).toBe('publish-1.publish failed (exit 1): publish-1.publish done');
    expect(calls.map((call) => call.step)).not.toContain('publish-1.clean-build');
  });

  it('compares only after the last scenario with --compare-clean last, which then checks what every scenario left', async () => {
    const { runner, calls, told } = await fakeRunner({ compareClean: 'last' });
    const results = await runScenarios(runner, [deleteOne, publish]);
    expect(calls.map((call) => call.step)).toEqual(['delete-one.build', 'publish-1.publish', 'publish-1.clean-build']);
    expect(results.map((result) => [result.scenario, result.equalToClean, result.comparisonSkipped])).toEqual([
      ['delete one', null, '--compare-clean last'],
      // The page the delete left behind shows up in the last comparison.
      ['publish 1', false, undefined],
    ]);
    expect(results[1]?.differences).toEqual(['articles/gone.md: not expected']);
    expect(told).toContain('scenario delete one: 2.00 s, equal to clean: not checked (--compare-clean last)');
    expect(results.map(scenarioFailed)).toEqual([false, true]);
  });

  it('makes no clean build with --compare-clean none, and a scenario left unchecked so does not fail the run', async () => {
    const { runner, calls } = await fakeRunner({ compareClean: 'none' });
    const results = await runScenarios(runner, [publish, deleteOne]);
    expect(calls.map((call) => call.step)).toEqual(['publish-1.publish', 'delete-one.build']);
    expect(results.map((result) => [result.ok, result.equalToClean, result.comparisonSkipped, scenarioFailed(result)])).toEqual([
      [true, null, '--compare-clean none', false],
      [true, null, '--compare-clean none', false],
    ]);
  });

  it('with --compare-clean last, makes no comparison when the last scenario’s build failed, and that fails the run', async () => {
    const { runner, calls } = await fakeRunner({ compareClean: 'last', failBuildOf: 'publish-1' });
    const results = await runScenarios(runner, [deleteOne, publish]);
    expect(calls.map((call) => call.step)).not.toContain('publish-1.clean-build');
    expect(results.map(scenarioFailed)).toEqual([false, true]);
    expect(results[1]?.comparisonSkipped).toBeUndefined();
  });
});

describe('comparesWithClean', () => {
  it.each([
    ['every', [true, true, true, true, true, true]],
    ['last', [false, false, false, false, false, true]],
    ['none', [false, false, false, false, false, false]],
  ] as const)('with --compare-clean %s, compares after six scenarios: %j', (compareClean, expected) => {
    expect([0, 1, 2, 3, 4, 5].map((index) => comparesWithClean(compareClean, index, 6))).toEqual(expected);
  });

  it.each([['every', true], ['last', true], ['none', false]] as const)('with --compare-clean %s and a single scenario, compares: %s', (compareClean, expected) => {
    expect(comparesWithClean(compareClean, 0, 1)).toBe(expected);
  });
});
