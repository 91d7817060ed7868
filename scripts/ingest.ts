// Entry point of `npm run ingest`: raw article files in, front-matter Markdown out.
import { runIngestCommand } from './lib/ingest/ingest-command.ts';

// A reader that stops early (`| head`) is not an error of ours.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

// Into a file or a pipe the report goes in chunks, not one write per line; a terminal sees every line.
const isTerminal = Boolean(process.stdout.isTTY);
let pending = '';
let flushScheduled = false;
const flush = (): void => {
  flushScheduled = false;
  if (pending !== '') process.stdout.write(pending);
  pending = '';
};

try {
  process.exitCode = await runIngestCommand(process.argv.slice(2), {
    stdout: (text) => {
      if (isTerminal) {
        process.stdout.write(text);
        return;
      }
      pending += text;
      if (pending.length >= 1 << 16) flush();
      else if (!flushScheduled) {
        flushScheduled = true;
        setImmediate(flush);
      }
    },
    stderr: (text) => process.stderr.write(text),
    isTerminal,
    cwd: process.cwd(),
  });
} finally {
  flush();
}
