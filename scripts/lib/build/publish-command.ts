// The publish command: raw article files in, the site built with them, in one process: what
// an editor runs to put a batch of articles on the site (npm run ingest, then npm run build).
// One process starts once, not twice, and the build's render lane loads Eleventy on the other
// core while the raw files are ingested. In a large archive ingest runs on a thread of its
// own (ingest-thread.ts) while the build, on this one, takes its lock and reads its cache,
// none of which needs the new articles; the build looks at the articles once ingest is done
// (build-site.ts contentReady). A file ingest rejects is reported and the others are
// published. Returns the exit code: 0 published, 1 a file rejected, ingest or the build
// failed, 2 usage (nothing ingested, nothing built).

import { statSync } from 'node:fs';
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

/**
 * Ingest's state (beside the articles, some 290 bytes an article) from which ingest gets a
 * thread of its own: about 20,000 articles. Measured in alternating pairs, publishing 20 new
 * articles: at 100,000 articles the build's reading beside ingest took 2.5 s off a publish
 * (23.5 and 22.3 s against 21.2 and 19.6 s); at 10,000 it added 0.25 s (3.81 s against 4.07 s
 * over five pairs), both cores being busy already with ingest and the render lane's loading.
 * The break-even, interpolated, is near 18,000.
 */
export const INGEST_THREAD_FROM_STATE_BYTES = 6 * 1024 ** 2;

export interface PublishOptions {
  /** INGEST_THREAD_FROM_STATE_BYTES, for a test of either way. */
  ingestThreadFromStateBytes?: number;
}

const secondsSince = (start: number): number => (performance.now() - start) / 1000;

export async function runPublishCommand(argv: readonly string[], io: PublishIo, options: PublishOptions = {}): Promise<number> {
  const commandLine = readCommandLine(argv, PUBLISH_COMMAND, io);
  if ('exitCode' in commandLine) return commandLine.exitCode;
  const { values, positionals } = commandLine;
  if (positionals.length === 0) return usageError(PUBLISH_COMMAND, io, 'name at least one raw file or folder');
  // The build reads its folders from the project, ingest from where it runs.
  const inputDir = resolve(io.projectDir, values.input);
  // The raw paths after `--`: read as paths, whatever they begin with.
  const ingestArgs = [
    '--out', join(inputDir, 'articles'),
    ...(values.date === undefined ? [] : ['--date', values.date]), ...(values.force ? ['--force'] : []),
    '--', ...positionals,
  ];
  const buildArgs = ['--input', values.input, '--output', values.output, ...(values.timings ? ['--timings'] : []), ...(values.verbose ? ['--verbose'] : [])];
  // The render lane first, then ingest and the build: Eleventy loads on the lane's thread while they work.
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
    const { ingestStatePath } = await import('../ingest/ingest-state.ts');
    const stateBytes = statSync(ingestStatePath(join(inputDir, 'articles')), { throwIfNoEntry: false })?.size ?? 0;
    const beside = stateBytes >= (options.ingestThreadFromStateBytes ?? INGEST_THREAD_FROM_STATE_BYTES);
    const ingest = beside
      ? (await import('../ingest/ingest-thread.ts')).ingestOnItsOwnThread
      : (await import('../ingest/ingest-command.ts')).runIngestCommand;
    let ingestSeconds = 0;
    // Ingest's exit code; when it failed, 1 and its error said.
    const ingesting: Promise<{ code: number; failed: boolean }> = ingest(ingestArgs, io).then(
      (code) => ({ code, failed: false }),
      (error: unknown) => {
        io.stderr(`publish: ingest failed: ${error instanceof Error ? error.message : String(error)}\n`);
        return { code: 1, failed: true };
      },
    ).finally(() => { ingestSeconds = secondsSince(started); });
    if (!beside) {
      const { code, failed } = await ingesting;
      if (code === 2 || failed) return code;
    }
    const [{ runBuildCommand }] = await building;
    let rendered = '';
    const built = await runBuildCommand(buildArgs, io, {
      context, warmLane,
      // Beside ingest, built only on what it finished: not after a usage error, nor after it failed.
      contentReady: beside ? ingesting.then(({ code, failed }) => code !== 2 && !failed) : undefined,
      onResult: (result) => {
        rendered = result.unchanged ? '; nothing to render' : `; rendered ${result.rendered} of ${result.pages} pages, ${result.reindexedSegments} of ${result.searchSegments} search segments indexed`;
      },
    });
    const { code: ingested, failed } = await ingesting;
    // Said already: ingest's usage error, or its failure (then nothing was built).
    if (ingested === 2 || failed) return ingested;
    const problems = ingested === 0 && built === 0 ? '' : ' (with problems: see above)';
    const total = secondsSince(started);
    io.stdout(`published in ${total.toFixed(2)} s: ingest ${ingestSeconds.toFixed(2)} s, the build done ${(total - ingestSeconds).toFixed(2)} s after it${rendered}${problems}\n`);
    return Math.max(ingested, built);
  } finally {
    // The build ends the lane once it has begun; one that never began (ingest's usage error, a locked build) is ended here.
    await warmLane.close();
  }
}
