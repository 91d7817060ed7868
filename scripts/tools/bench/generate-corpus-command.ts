// The generate-corpus command: reads its arguments, writes the corpus, reports. Returns the
// exit code (0 written, 1 failed, 2 usage) instead of exiting, so it can be tested without a process.

import { readdir } from 'node:fs/promises';
import { parseCount, readCommandLine, usageError, type CommandOutput } from '../../lib/cli/command-line.ts';
import { writeCorpus } from './generate-corpus.ts';
import { isValidSeed } from './prng.ts';

export const GENERATE_CORPUS_USAGE = `Usage: npm run generate-corpus -- --articles N --out DIR [--seed 1] [--samples DIR]

  --articles N   raw articles to write (NNNNNN_<16 hex>.txt) beside a manifest.csv
  --out DIR      a new or empty folder
  --seed S       whole number 0 … 4294967295 (default 1): same seed and N, byte-identical files
  --samples DIR  sample raw articles to learn words and sentences from (default tests/fixtures/raw)
`;

const GENERATE_CORPUS_COMMAND = {
  name: 'generate-corpus',
  usage: GENERATE_CORPUS_USAGE,
  options: {
    articles: { type: 'string' },
    out: { type: 'string' },
    seed: { type: 'string', default: '1' },
    samples: { type: 'string' },
  },
} as const;

export async function runGenerateCorpusCommand(argv: readonly string[], io: CommandOutput): Promise<number> {
  const commandLine = readCommandLine(argv, GENERATE_CORPUS_COMMAND, io);
  if ('exitCode' in commandLine) return commandLine.exitCode;
  const { values } = commandLine;
  const articles = parseCount(values.articles, 1);
  const seed = parseCount(values.seed, 0);
  if (articles === undefined) {
    return usageError(GENERATE_CORPUS_COMMAND, io, '--articles must be a whole number of at least 1');
  }
  if (seed === undefined || !isValidSeed(seed)) {
    return usageError(GENERATE_CORPUS_COMMAND, io, '--seed must be a whole number from 0 to 4294967295');
  }
  if (!values.out) {
    return usageError(GENERATE_CORPUS_COMMAND, io, 'name the output folder with --out');
  }
  const existing = await readdir(values.out).catch(() => [] as string[]);
  if (existing.length > 0) {
    io.stderr(`generate-corpus: ${values.out} is not empty; give a new or empty folder\n`);
    return 2;
  }
  try {
    const summary = await writeCorpus({
      articles,
      seed,
      outDir: values.out,
      samplesDir: values.samples,
      progressEvery: 10_000,
      onProgress: (written) => io.stderr(`… ${written} files written\n`),
    });
    const mib = (summary.bytes / 2 ** 20).toFixed(1);
    io.stdout(`wrote ${summary.files} raw articles (${mib} MiB) and manifest.csv (${summary.manifestRows} rows) into ${values.out}\n`);
    return 0;
  } catch (error) {
    io.stderr(`generate-corpus: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
