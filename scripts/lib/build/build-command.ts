// The build command: renders the site into _site (or --output), replacing it only when the
// whole build succeeded, and says what it did or, one line per problem, why it failed.
// Returns the exit code (0 built or up to date, 1 failed, 2 usage, or cancelled by the command
// it builds for) instead of exiting.

import { readCommandLine, type CommandOutput } from '../cli/command-line.ts';
import { BuildLockedError } from './build-lock.ts';
import { EDITOR_STRINGS, fillPlaceholders } from '../config/locale-ar.ts';
import { buildFailure, failureReport } from '../site/build-failure.ts';
import { formatStepTimes } from './step-times.ts';
import { buildContextFromEnvironment, type BuildContext } from '../site/build-context.ts';
import type { WarmLane } from '../site/render-lanes.ts';
import { BuildCancelled } from './build-cancelled.ts';
import type { BuildResult } from './build-site.ts';

export interface BuildIo extends CommandOutput {
  /** The environment: SITE_VERBOSE, and the SITE_* settings the build reads (build-context.ts). */
  env: Readonly<Record<string, string | undefined>>;
  projectDir: string;
}

export const BUILD_USAGE = `Usage: npm run build -- [--clean] [--timings] [--verbose] [--input content] [--output _site]

  Renders only what changed since the last build (the cache is in .cache/build) and replaces
  the output folder only when the whole build succeeded.

  --clean        ignore the build cache: render everything
  --timings      print the seconds each step of the build took
  --verbose      print a failed build's stack traces too (or SITE_VERBOSE=1)
  --input DIR    the content folder (default content)
  --output DIR   the site folder (default _site)
`;

const BUILD_COMMAND = {
  name: 'build',
  usage: BUILD_USAGE,
  options: {
    input: { type: 'string', default: 'content' },
    output: { type: 'string', default: '_site' },
    clean: { type: 'boolean', default: false },
    timings: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
  },
} as const;

/** What a command that builds after work of its own (publish-command.ts) hands the build. */
export interface BuildHandOver {
  /** The build's context, made once by the caller: its render lane was started with it. */
  context: BuildContext;
  /** A render lane the caller started (and the build ends). */
  warmLane: WarmLane;
  /** Told what the build did, once it is done. */
  onResult?: (result: BuildResult) => void;
  /** The content is still being written: BuildOptions.contentReady (false cancels the build, exit code 2). */
  contentReady?: Promise<boolean>;
}

export async function runBuildCommand(argv: readonly string[], io: BuildIo, handOver?: BuildHandOver): Promise<number> {
  const commandLine = readCommandLine(argv, BUILD_COMMAND, io);
  if ('exitCode' in commandLine) return commandLine.exitCode;
  const { values } = commandLine;
  try {
    // Loaded only to build: the build brings Eleventy, which --help does not need.
    const { buildSite } = await import('./build-site.ts');
    // A process of its own: its render lane starts loading Eleventy while the pages are planned.
    const result = await buildSite({
      projectDir: io.projectDir, inputDir: values.input, outputDir: values.output, quiet: true, clean: values.clean,
      context: handOver?.context ?? buildContextFromEnvironment(io.env), warmLane: handOver?.warmLane ?? true,
      contentReady: handOver?.contentReady,
    });
    handOver?.onResult?.(result);
    const { seconds } = result;
    if (result.unchanged) {
      io.stdout(`${values.output} is up to date (${result.pages} pages checked in ${seconds.total.toFixed(1)} s)\n`);
    } else {
      io.stdout(`built ${values.output} in ${seconds.total.toFixed(1)} s: rendered ${result.rendered} of ${result.pages} pages `
        + `(pages ${seconds.render.toFixed(1)} s, search index and offline copy ${seconds.search.toFixed(1)} s, ${result.reindexedSegments} of ${result.searchSegments} search segments indexed)\n`);
    }
    if (values.timings) io.stdout(formatStepTimes(result.steps));
    return 0;
  } catch (error) {
    const verbose = values.verbose || io.env.SITE_VERBOSE === '1';
    // Its caller has said why (ingest's usage error): nothing was built, nothing to add.
    if (error instanceof BuildCancelled) return 2;
    if (error instanceof BuildLockedError) {
      io.stderr(`${error.message}\n`);
    } else {
      const untouched = `${fillPlaceholders(EDITOR_STRINGS.siteUntouched, { output: values.output })} | build failed; the previous ${values.output} is untouched.`;
      io.stderr(`${failureReport(buildFailure(error), { verbose })}\n${untouched}\n`);
    }
    return 1;
  }
}
