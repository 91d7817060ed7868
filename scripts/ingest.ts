// Entry point of `npm run ingest`: raw article files in, front-matter Markdown out.
import { reportOutput } from './lib/cli/report-output.ts';
import { runIngestCommand } from './lib/ingest/ingest-command.ts';

const stdout = reportOutput();
try {
  process.exitCode = await runIngestCommand(process.argv.slice(2), {
    stdout: stdout.write,
    stderr: (text) => process.stderr.write(text),
    isTerminal: stdout.isTerminal,
    cwd: process.cwd(),
  });
} finally {
  stdout.flush();
}
