// Entry point of `npm run ingest`: raw article files in, front-matter Markdown out.
import { runIngestCommand } from './lib/ingest/ingest-command.ts';

// A reader that stops early (`| head`) is not an error of ours.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const exitCode = await runIngestCommand(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTerminal: Boolean(process.stdout.isTTY),
  cwd: process.cwd(),
});
process.exitCode = exitCode;
