// Entry point of `npm run generate-corpus`: a deterministic corpus of raw articles for the benchmark.
import { runGenerateCorpusCommand } from './tools/bench/generate-corpus-command.ts';

process.exitCode = await runGenerateCorpusCommand(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
