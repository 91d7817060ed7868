// The publish command: raw article files in, the site built with them, in one process: what
// an editor runs to put a batch of articles on the site (npm run ingest, then npm run build).
// One process starts once, not twice, and the build's render lane loads Eleventy on the other
// core while the raw files are ingested, not after. A file ingest rejects is reported and the
// others are published. Returns the exit code: 0 published, 1 a file rejected or the build
// failed, 2 usage (nothing ingested, nothing built).

import { join, resolve } from 'node:path';
import { readCommandLine, usageError } from '../cli/command-line.ts';
import type { CommandIo } from '../ingest/ingest-command.ts';
import type { BuildIo } from './build-command.ts';

export const PUBLISH_USAGE = `Usage: npm run publish -- <raw-dir-or-file>... [--date YYYY-MM-DD] [--force] [--timings] [--verbose] [--input content] [--output _site]

  Ingests the raw files into the content folder's articles (as npm run ingest) and builds
  the site with them (as npm run build), in one process. A file that cannot be ingested is
  reported, and the others are published.

  --date DAY     date for files with no manifest entry and no date line
  --force        overwrite articles that an editor has changed
  --timings      print the seconds each step of the build took
  --verbose      print a failed build's stack traces too (or SITE_VERBOSE=1)
  --input DIR    the content folder (default content); articles go to DIR/articles
  --output DIR   the site folder (default _site)
`;

const PUBLISH_COMMAND = {
  name: 'publish',
  usage: PUBLISH_USAGE,
  allowPositionals: true,
  options: {
    date: { type: 'string' },
    force: { type: 'boolean', default: false },
    timings: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    input: { type: 'string', default: 'content' },
    output: { type: 'string', default: '_site' },
  },
} as const;

export type PublishIo = CommandIo & BuildIo;

const secondsSince = (start: number): string => ((performance.now() - start) / 1000).toFixed(2);

export async function runPublishCommand(argv: readonly string[], io: PublishIo): Promise<number> {
  const commandLine = readCommandLine(argv, PUBLISH_COMMAND, io);
  if ('exitCode' in commandLine) return commandLine.exitCode;
  const { values, positionals } = commandLine;
  if (positionals.length === 0) return usageError(PUBLISH_COMMAND, io, 'name at least one raw file or folder');
  // The build reads its folders from the project, ingest from where it runs.
  const inputDir = resolve(io.projectDir, values.input);
  const ingestArgs = [
    ...positionals, '--out', join(inputDir, 'articles'),
    ...(values.date === undefined ? [] : ['--date', values.date]), ...(values.force ? ['--force'] : []),
  ];
  const buildArgs = ['--input', values.input, '--output', values.output, ...(values.timings ? ['--timings'] : []), ...(values.verbose ? ['--verbose'] : [])];
  // The render lane first, then ingest: what the build needs is loaded while ingest works
  // (its imports are resolved on tsx's own thread, and evaluated between ingest's awaits).
  const [{ eleventyConfigFile, WarmLane }, { buildContextFromEnvironment }] = await Promise.all([import('../site/render-lanes.ts'), import('../site/build-context.ts')]);
  let context;
  try {
    context = buildContextFromEnvironment(io.env);
  } catch (error) {
    io.stderr(`publish: ${(error as Error).message}\n`);
    return 2;
  }
  const warmLane = new WarmLane({ context, projectDir: io.projectDir, inputDir, configPath: await eleventyConfigFile(io.projectDir) });
  const building = Promise.all([import('./build-command.ts'), import('./build-site.ts'), import('../images/image-files.ts')]);
  // Awaited below; a failure to load meanwhile must not be an unhandled rejection.
  building.catch(() => undefined);
  try {
    const started = performance.now();
    const { runIngestCommand } = await import('../ingest/ingest-command.ts');
    const ingested = await runIngestCommand(ingestArgs, io);
    if (ingested === 2) return 2;
    const ingestSeconds = secondsSince(started);
    const buildStarted = performance.now();
    const [{ runBuildCommand }] = await building;
    let rendered = '';
    const built = await runBuildCommand(buildArgs, io, {
      context, warmLane,
      onResult: (result) => {
        rendered = result.unchanged ? '; nothing to render' : `; rendered ${result.rendered} of ${result.pages} pages, ${result.reindexedSegments} of ${result.searchSegments} search segments indexed`;
      },
    });
    const problems = ingested === 0 && built === 0 ? '' : ' (with problems: see above)';
    io.stdout(`published in ${secondsSince(started)} s: ingest ${ingestSeconds} s + build ${secondsSince(buildStarted)} s${rendered}${problems}\n`);
    return Math.max(ingested, built);
  } finally {
    // The build ends the lane once it has begun; one that never began (ingest's usage error, a locked build) is ended here.
    await warmLane.close();
  }
}
