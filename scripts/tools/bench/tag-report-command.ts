// The tag-report command: the before/after tables of the tagging rules for raw folders and a
// generated corpus. Returns the exit code (0 printed, 2 usage) instead of exiting.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseCount, readCommandLine, usageError, type CommandOutput } from '../../lib/cli/command-line.ts';
import { ingestSettings } from '../../lib/config/ingest-settings.ts';
import { DEFAULT_SAMPLES_DIR, writeCorpus } from './generate-corpus.ts';
import { isValidSeed } from './prng.ts';
import { compareTagging, formatTagComparison, readRawArticles } from './tag-report.ts';

export const TAG_REPORT_USAGE = `Usage: npm run tag-report -- [raw-dir...] [--generate 300] [--seed 1]

  raw-dir        folders of raw articles (default: the bundled samples, tests/fixtures/raw,
                 which content/articles is ingested from)
  --generate N   also a generated corpus of N articles (default 300; 0 for none)
  --seed S       the generated corpus's seed (default 1)
`;

const TAG_REPORT_COMMAND = {
  name: 'tag-report',
  usage: TAG_REPORT_USAGE,
  allowPositionals: true,
  options: {
    generate: { type: 'string', default: '300' },
    seed: { type: 'string', default: '1' },
  },
} as const;

export async function runTagReportCommand(argv: readonly string[], io: CommandOutput): Promise<number> {
  const commandLine = readCommandLine(argv, TAG_REPORT_COMMAND, io);
  if ('exitCode' in commandLine) return commandLine.exitCode;
  const { values, positionals } = commandLine;
  const generate = parseCount(values.generate, 0);
  const seed = parseCount(values.seed, 0);
  if (generate === undefined || seed === undefined || !isValidSeed(seed)) {
    return usageError(TAG_REPORT_COMMAND, io, '--generate and --seed take whole numbers');
  }
  const folders = positionals.length > 0 ? positionals.map((folder) => resolve(folder)) : [DEFAULT_SAMPLES_DIR];
  const all = [];
  for (const folder of folders) {
    const articles = await readRawArticles(folder, ingestSettings.boilerplateLines);
    all.push(...articles);
    io.stdout(`${formatTagComparison(folder === DEFAULT_SAMPLES_DIR ? 'samples (tests/fixtures/raw = content/articles)' : folder, compareTagging(articles, ingestSettings))}\n`);
  }
  if (generate > 0) {
    const raw = await mkdtemp(join(tmpdir(), 'tag-report-'));
    try {
      await writeCorpus({ articles: generate, outDir: raw, seed });
      const articles = await readRawArticles(raw, ingestSettings.boilerplateLines);
      all.push(...articles);
      io.stdout(`${formatTagComparison(`generated corpus (seed ${seed})`, compareTagging(articles, ingestSettings))}\n`);
      io.stdout(formatTagComparison('both together', compareTagging(all, ingestSettings)));
    } finally {
      await rm(raw, { recursive: true, force: true });
    }
  }
  return 0;
}
