// Entry point of `npm start`: builds the site with drafts and scheduled articles shown and
// serves it with live reload at http://localhost:8080/ (PORT and HOST change that).
import { buildContextFromEnvironment } from './lib/site/build-context.ts';
import { startPreviewServer } from './lib/serve/preview-server.ts';

const preview = await startPreviewServer({
  projectDir: process.cwd(),
  outputDir: '_site',
  // Read anew for every build: "now" moves while the preview runs.
  // Eleventy's template cache would serve a saved layout's old text to the next build.
  context: () => ({ ...buildContextFromEnvironment({ ...process.env, SITE_INCLUDE_DRAFTS: 'true' }), cacheTemplates: false }),
  port: Number(process.env.PORT ?? 8080),
  host: process.env.HOST ?? 'localhost',
  log: (line) => process.stdout.write(`${line}\n`),
});
process.stdout.write(`previewing at ${preview.server.url} (drafts shown; Ctrl+C stops)\n`);
