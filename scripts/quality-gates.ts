// Entry point of `npm run gates`: builds the bundled site and a generated one, runs every
// quality gate on both, prints one line per gate, exits 1 if any failed.
import { runGatesCommand } from './tools/gates/gates-command.ts';

process.exitCode = await runGatesCommand(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  projectDir: process.cwd(),
});
