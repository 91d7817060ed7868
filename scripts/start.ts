// Entry point of `npm start`: builds the site with drafts and scheduled articles shown and
// serves it with live reload at http://localhost:8080/ (PORT and HOST change that). A failed
// build prints one line per problem; --verbose or SITE_VERBOSE=1 adds the stack traces.
import { siteSettingsFromEnvironment } from './lib/config/site.ts';
import { runStartCommand } from './lib/serve/start-command.ts';

process.exitCode = await runStartCommand(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  projectDir: process.cwd(),
  pathPrefix: siteSettingsFromEnvironment(process.env).pathPrefix,
});
