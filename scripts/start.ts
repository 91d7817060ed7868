// Entry point of `npm start`: builds the site with drafts and scheduled articles shown and
// serves it with live reload at http://localhost:8080/ (PORT and HOST change that). A failed
// build prints one line per problem; --verbose or SITE_VERBOSE=1 adds the stack traces.
import { siteSettings } from './lib/config/site.ts';
import { startPreviewServer } from './lib/serve/preview-server.ts';

const preview = await startPreviewServer({
  projectDir: process.cwd(),
  outputDir: '_site',
  pathPrefix: siteSettings.pathPrefix,
  port: Number(process.env.PORT ?? 8080),
  host: process.env.HOST ?? 'localhost',
  log: (line) => process.stdout.write(`${line}\n`),
  verbose: process.argv.includes('--verbose') || process.env.SITE_VERBOSE === '1',
});
process.stdout.write(`previewing at ${preview.server.url} (drafts shown; Ctrl+C stops)\n`);
