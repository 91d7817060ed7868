// Entry point of `npm run build`: renders the site into _site (or --output), replacing it
// only when the whole build succeeded. Incremental: only what changed since the last build
// is rendered (the cache is in .cache/build); --clean renders everything. A failure prints
// one line per problem (Arabic and English); --verbose or SITE_VERBOSE=1 adds the stack.
import { runBuildCommand } from './lib/build/build-command.ts';

process.exitCode = await runBuildCommand(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  projectDir: process.cwd(),
});
