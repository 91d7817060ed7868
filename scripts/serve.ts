// Entry point of `npm run serve`: serves the built _site as a static host would.
import { siteSettingsFromEnvironment } from './lib/config/site.ts';
import { runServeCommand } from './lib/serve/serve-command.ts';

process.exitCode = await runServeCommand(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  root: '_site',
  pathPrefix: siteSettingsFromEnvironment(process.env).pathPrefix,
});
