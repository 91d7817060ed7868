// The generate-corpus command: reads its arguments, writes the corpus, reports. Returns the
// exit code (0 written, 1 failed, 2 usage) instead of exiting, so it can be tested without a process.

import { readdir } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { writeCorpus } from './generate-corpus.ts';
import { isValidSeed } from './prng.ts';

export interface CommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const GENERATE_CORPUS_USAGE = `Usage: npm run generate-corpus -- --articles N --out DIR [--seed 1] [--samples DIR]

  --articles N   raw articles to write (NNNNNN_<16 hex>.txt) beside a manifest.csv
  --out DIR      a new or empty folder
  --seed S       whole number 0 … 4294967295 (default 1): same seed and N, byte-identical files
  --samples DIR  sample raw articles to learn words and sentences from (default tests/fixtures/raw)
`;

/** A whole number of at least `min` written in plain digits, or undefined. */
export function parseCount(text: string | undefined, min: number): number | undefined {
  if (text === undefined || !/^\d+$/u.test(text.replace(/_/gu, ''))) return undefined;
  const value = Number(text.replace(/_/gu, ''));
  return Number.isSafeInteger(value) && value >= min ? value : undefined;
}

export async function runGenerateCorpusCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        articles: { type: 'string' },
        out: { type: 'string' },
        seed: { type: 'string', default: '1' },
        samples: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    io.stderr(`generate-corpus: ${(error as Error).message}\n\n${GENERATE_CORPUS_USAGE}`);
    return 2;
  }
  if (values.help) {
    io.stdout(GENERATE_CORPUS_USAGE);
    return 0;
  }
  const articles = parseCount(values.articles, 1);
  const seed = parseCount(values.seed, 0);
  if (articles === undefined) {
    io.stderr(`generate-corpus: --articles must be a whole number of at least 1\n\n${GENERATE_CORPUS_USAGE}`);
    return 2;
  }
  if (seed === undefined || !isValidSeed(seed)) {
    io.stderr(`generate-corpus: --seed must be a whole number from 0 to 4294967295\n\n${GENERATE_CORPUS_USAGE}`);
    return 2;
  }
  if (!values.out) {
    io.stderr(`generate-corpus: name the output folder with --out\n\n${GENERATE_CORPUS_USAGE}`);
    return 2;
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
