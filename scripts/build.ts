// Entry point of `npm run build`: renders the site into _site (or --output), replacing it
// only when the whole build succeeded. Incremental: only what changed since the last build
// is rendered (the cache is in .cache/build); --clean renders everything. A failure prints
// one line per problem (Arabic and English); --verbose or SITE_VERBOSE=1 adds the stack.
import { parseArgs } from 'node:util';
import { BuildLockedError } from './lib/build/build-lock.ts';
import { EDITOR_STRINGS, fillPlaceholders } from './lib/config/locale-ar.ts';
import { buildFailure, failureReport } from './lib/site/build-failure.ts';
import { buildSite } from './lib/site/build-site.ts';

const USAGE = 'usage: npm run build -- [--clean] [--verbose] [--input content] [--output _site]\n';
let values;
try {
  ({ values } = parseArgs({
    options: {
      input: { type: 'string', default: 'content' },
      output: { type: 'string', default: '_site' },
      clean: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }));
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}

if (values.help) {
  process.stdout.write(USAGE);
} else {
  try {
    const result = await buildSite({ projectDir: process.cwd(), inputDir: values.input, outputDir: values.output, quiet: true, clean: values.clean });
    const { seconds } = result;
    if (result.unchanged) {
      process.stdout.write(`${values.output} is up to date (${result.pages} pages checked in ${seconds.total.toFixed(1)} s)\n`);
    } else {
      process.stdout.write(`built ${values.output} in ${seconds.total.toFixed(1)} s: rendered ${result.rendered} of ${result.pages} pages `
        + `(pages ${seconds.render.toFixed(1)} s, search index and offline copy ${seconds.search.toFixed(1)} s, ${result.reindexedSegments} of ${result.searchSegments} search segments indexed)\n`);
    }
  } catch (error) {
    const verbose = values.verbose || process.env.SITE_VERBOSE === '1';
    if (error instanceof BuildLockedError) {
      process.stderr.write(`${error.message}\n`);
    } else {
      const untouched = `${fillPlaceholders(EDITOR_STRINGS.siteUntouched, { output: values.output })} | build failed; the previous ${values.output} is untouched.`;
      process.stderr.write(`${failureReport(buildFailure(error), { verbose })}\n${untouched}\n`);
    }
    process.exitCode = 1;
  }
}
