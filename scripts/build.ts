// Entry point of `npm run build`: renders the site into _site (or --output), replacing it
// only when the whole build succeeded.
import { parseArgs } from 'node:util';
import { buildSite } from './lib/site/build-site.ts';

const { values } = parseArgs({
  options: { input: { type: 'string', default: 'content' }, output: { type: 'string', default: '_site' } },
});

try {
  const { pages, seconds, searchShards } = await buildSite({ projectDir: process.cwd(), inputDir: values.input, outputDir: values.output, quiet: true });
  const shards = searchShards === 1 ? 'one shard' : `${searchShards} shards`;
  process.stdout.write(`built ${pages} pages into ${values.output} in ${seconds.total.toFixed(1)} s `
    + `(pages ${seconds.render.toFixed(1)} s, search index and offline copy ${seconds.search.toFixed(1)} s, ${shards})\n`);
} catch (error) {
  process.stderr.write(`build failed; the previous ${values.output} is untouched.\n${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
