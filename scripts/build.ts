// Entry point of `npm run build`: renders the site into _site (or --output), replacing it
// only when the whole build succeeded.
import { parseArgs } from 'node:util';
import { buildSite } from './lib/site/build-site.ts';

const { values } = parseArgs({
  options: { input: { type: 'string', default: 'content' }, output: { type: 'string', default: '_site' } },
});

try {
  const { pages } = await buildSite({ projectDir: process.cwd(), inputDir: values.input, outputDir: values.output, quiet: true });
  process.stdout.write(`built ${pages} pages into ${values.output}\n`);
} catch (error) {
  process.stderr.write(`build failed; the previous ${values.output} is untouched.\n${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
