// Runs the publishing scenarios on the project copy the full build just built: each one's
// change, then its measured publish (raw files in: npm run publish) or build; then, untimed, a clean build of a fresh copy
// of the same sources, whose _site the incremental one must equal byte for byte (after
// every scenario, only the last, or none: --compare-clean).

import { rm } from 'node:fs/promises';
import { compareTrees } from '../../lib/fs/compare-trees.ts';
import { createCleanCopy } from './bench-project.ts';
import type { StageCommand } from './measure.ts';
import { formatEqualToClean } from './report.ts';
import { scenarioResult, type CompareClean, type ScenarioOutcome, type ScenarioResult, type ScenarioStep } from './results.ts';
import { scenarioSlug, SCENARIOS, type Scenario, type ScenarioContext } from './scenarios.ts';

/** A command for a measured step: bench-command adds its name, log and time limit. */
export type StepCommand = Omit<StageCommand, 'stage' | 'logFile' | 'timeoutMs'>;

/** Differing paths kept in the results; the count says how many there were. */
const DIFFERENCES_KEPT = 20;

export interface ScenarioRunner {
  context: ScenarioContext;
  /** The real project, whose tmp-test-sites/ holds the clean copies. */
  projectDir: string;
  /** Keep a clean copy whose site differs (--keep), to look at. */
  keep: boolean;
  /** After which scenarios a clean build is made and compared (--compare-clean). */
  compareClean: CompareClean;
  /** Runs a step in a fresh process and measures it; `step` names its log (and profile). */
  measure(step: string, command: StepCommand, options: { profile: boolean }): Promise<ScenarioStep>;
  /** scripts/publish.ts of a raw folder in the copy, as `npm run publish` runs it: ingest and build in one process. */
  publishCommand(rawDir: string): StepCommand;
  /** scripts/build.ts in a project folder, as the build stage runs it. */
  buildCommand(dir: string, args: readonly string[]): StepCommand;
  tell(text: string): void;
}

/** Why a measured step failed, in a few words: for the results' notes (a scenario's, the preview probe's). */
export const stepFailure = (step: ScenarioStep): string =>
  step.timedOut ? `${step.stage} timed out` : `${step.stage} failed (${step.signal ? `signal ${step.signal}` : `exit ${step.exitCode}`})${step.summary ? `: ${step.summary}` : ''}`;

/** Builds a fresh copy of the sources with --clean and compares its _site with the copy's. */
async function compareWithCleanBuild(runner: ScenarioRunner, slug: string): Promise<Omit<ScenarioOutcome, 'applied'>> {
  const { project, articles } = runner.context;
  const copy = await createCleanCopy(project, runner.projectDir, `${articles}-clean`);
  let keepCopy = false;
  try {
    const built = await runner.measure(`${slug}.clean-build`, runner.buildCommand(copy.dir, ['--clean']), { profile: false });
    if (built.exitCode !== 0 || built.timedOut) return { equalToClean: null, note: `the clean build to compare with: ${stepFailure(built)}` };
    const differences = await compareTrees(copy.siteDir, project.siteDir);
    if (differences.length === 0) return { equalToClean: true };
    keepCopy = runner.keep;
    return {
      equalToClean: false,
      differences: differences.slice(0, DIFFERENCES_KEPT),
      differenceCount: differences.length,
      ...(keepCopy ? { note: `clean build kept in ${copy.dir}` } : {}),
    };
  } finally {
    if (!keepCopy) await rm(copy.dir, { recursive: true, force: true });
  }
}

/** Whether the scenario at `index` of `count`, once it has run through, is compared with a clean build. */
export function comparesWithClean(compareClean: CompareClean, index: number, count: number): boolean {
  if (compareClean === 'every') return true;
  if (compareClean === 'last') return index === count - 1;
  return false;
}

async function runScenario(runner: ScenarioRunner, scenario: Scenario, compare: boolean): Promise<ScenarioResult> {
  const slug = scenarioSlug(scenario.name);
  runner.tell(`scenario ${scenario.name} …`);
  let change;
  try {
    change = await scenario.apply(runner.context);
  } catch (error) {
    const note = `the change failed: ${(error as Error).message.split('\n')[0]}`;
    runner.tell(`scenario ${scenario.name}: ${note}`);
    return scenarioResult(scenario.name, [], { applied: false, equalToClean: null, note });
  }
  runner.tell(`scenario ${scenario.name}: ${change.description}`);
  // Raw files are published as an editor publishes them: one command that ingests and builds.
  const steps: ScenarioStep[] = [change.ingest === undefined
    ? await runner.measure(`${slug}.build`, runner.buildCommand(runner.context.project.dir, []), { profile: true })
    : await runner.measure(`${slug}.publish`, runner.publishCommand(change.ingest), { profile: true })];
  const failed = steps.find((step) => step.exitCode !== 0 || step.timedOut);
  let comparison: Omit<ScenarioOutcome, 'applied'>;
  if (failed) comparison = { equalToClean: null, note: stepFailure(failed) };
  else if (compare) comparison = await compareWithCleanBuild(runner, slug);
  else comparison = { equalToClean: null, comparisonSkipped: `--compare-clean ${runner.compareClean}` };
  const result = scenarioResult(scenario.name, steps, { applied: true, change: change.description, ...comparison });
  runner.tell(`scenario ${scenario.name}: ${result.wallSeconds.toFixed(2)} s, equal to clean: ${formatEqualToClean(result)}`);
  return result;
}

/** Every scenario in order on the same copy; a failed one does not stop the next. */
export async function runScenarios(runner: ScenarioRunner, scenarios: readonly Scenario[] = SCENARIOS): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = [];
  for (const [index, scenario] of scenarios.entries()) {
    results.push(await runScenario(runner, scenario, comparesWithClean(runner.compareClean, index, scenarios.length)));
  }
  return results;
}
