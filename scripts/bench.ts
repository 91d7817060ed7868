// Entry point of `npm run bench`: generates corpora and measures ingest, build and search on them.
import { runBenchCommand } from './tools/bench/bench-command.ts';
import { stopRunningStages } from './tools/bench/measure.ts';

// Stages run in process groups of their own: an interrupted benchmark stops them too.
process.once('SIGINT', () => {
  stopRunningStages();
  process.exit(130);
});

process.exitCode = await runBenchCommand(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  projectDir: process.cwd(),
  now: () => new Date(),
  env: process.env,
});
