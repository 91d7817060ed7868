// Entry point of `npm run publish`: raw article files in, the site built with them, in one process.
import { runPublishCommand } from './lib/build/publish-command.ts';
import { reportOutput } from './lib/cli/report-output.ts';

const stdout = reportOutput();
try {
  process.exitCode = await runPublishCommand(process.argv.slice(2), {
    stdout: stdout.write,
    stderr: (text) => process.stderr.write(text),
    isTerminal: stdout.isTerminal,
    cwd: process.cwd(),
    env: process.env,
    projectDir: process.cwd(),
  });
} finally {
  stdout.flush();
}
