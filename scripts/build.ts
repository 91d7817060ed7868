// Entry point of `npm run build`: renders the site into _site, replacing it only when the
// whole build succeeded.
import { buildSite } from './lib/site/build-site.ts';

try {
  const { pages } = await buildSite({ projectDir: process.cwd(), outputDir: '_site', quiet: true });
  process.stdout.write(`built ${pages} pages into _site\n`);
} catch (error) {
  process.stderr.write(`build failed; the previous _site is untouched.\n${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
