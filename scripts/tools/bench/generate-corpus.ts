// Writes a benchmark corpus to disk: N raw article files and their manifest.csv, streamed
// with a bounded number of writes in flight, so 100,000 articles never sit in memory at once.

import { createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { join, resolve } from 'node:path';
import { ingestSettings } from '../../lib/config/ingest-settings.ts';
import { PUBLICATION, type SectionSetting } from '../../lib/config/site.ts';
import { TaskPool } from '../../lib/fs/bounded.ts';
import { buildCorpusModel, type CorpusModel } from './corpus-model.ts';
import type { DayRange } from './corpus-settings.ts';
import { generateArticle, type GenerateContext, type ManifestRow } from './generate-article.ts';

/** The bundled sample articles the corpus learns its words and sentences from. */
export const DEFAULT_SAMPLES_DIR = resolve(import.meta.dirname, '../../../tests/fixtures/raw');

export interface CorpusOptions {
  /** Articles to generate. */
  articles: number;
  /** Folder the files go into; created when missing. */
  outDir: string;
  /** Seed of the whole corpus: same seed and count, byte-identical files. */
  seed: number;
  /**
   * Index of the first article (default 0). Articles N… of a seed continue a corpus of N:
   * new file names, ids and URLs, as the next batch from the same newsroom would have.
   */
  firstIndex?: number;
  /** Days the articles are dated on (default: the whole archive, CORPUS_DAYS). */
  days?: DayRange;
  /** Whether some manifest dates carry a time of day (default true); see GenerateContext. */
  timesOfDay?: boolean;
  /** Folder of sample raw articles (default: the bundled samples). */
  samplesDir?: string;
  sections?: readonly SectionSetting[];
  /** File writes in flight at once. */
  concurrency?: number;
  /** Called after every `progressEvery` files. */
  onProgress?: (written: number) => void;
  progressEvery?: number;
}

export interface CorpusSummary {
  files: number;
  /** Bytes of the article files, manifest excluded. */
  bytes: number;
  manifestRows: number;
}

/** The sample texts, in file-name order (so the model does not depend on the directory's order). */
export async function loadSampleTexts(samplesDir: string = DEFAULT_SAMPLES_DIR): Promise<string[]> {
  const names = (await readdir(samplesDir)).filter((name) => name.endsWith('.txt')).sort();
  return Promise.all(names.map((name) => readFile(join(samplesDir, name), 'utf8')));
}

export async function loadCorpusModel(samplesDir?: string): Promise<CorpusModel> {
  return buildCorpusModel(await loadSampleTexts(samplesDir), ingestSettings);
}

/** Digits of the index in file names: six, or more for corpora of a million and up. */
export function indexDigitsFor(articles: number): number {
  return Math.max(6, String(Math.max(0, articles - 1)).length);
}

function csvField(value: string): string {
  return /[",\n\r]/u.test(value) ? `"${value.replace(/"/gu, '""')}"` : value;
}

function manifestLine(fileName: string, row: ManifestRow): string {
  return `${[fileName, row.date ?? '', row.url ?? ''].map(csvField).join(',')}\n`;
}

export async function writeCorpus(options: CorpusOptions): Promise<CorpusSummary> {
  const model = await loadCorpusModel(options.samplesDir);
  const firstIndex = options.firstIndex ?? 0;
  const context: GenerateContext = {
    model,
    sections: options.sections ?? PUBLICATION.sections,
    seed: options.seed,
    indexDigits: indexDigitsFor(firstIndex + options.articles),
    ...(options.days ? { days: options.days } : {}),
    ...(options.timesOfDay === undefined ? {} : { timesOfDay: options.timesOfDay }),
  };
  await mkdir(options.outDir, { recursive: true });
  const manifest = createWriteStream(join(options.outDir, 'manifest.csv'));
  const manifestClosed = once(manifest, 'close');
  const pool = new TaskPool(options.concurrency ?? 32);
  const summary: CorpusSummary = { files: 0, bytes: 0, manifestRows: 0 };
  const progressEvery = options.progressEvery ?? 1000;
  try {
    manifest.write('file,date,url\n');
    for (let index = firstIndex; index < firstIndex + options.articles; index += 1) {
      const article = generateArticle(context, index);
      if (article.manifest && !manifest.write(manifestLine(article.fileName, article.manifest))) await once(manifest, 'drain');
      if (article.manifest) summary.manifestRows += 1;
      const bytes = Buffer.from(article.text, 'utf8');
      await pool.add(async () => {
        await writeFile(join(options.outDir, article.fileName), bytes);
        summary.files += 1;
        summary.bytes += bytes.length;
        if (summary.files % progressEvery === 0) options.onProgress?.(summary.files);
      });
    }
    await pool.drain();
  } finally {
    manifest.end();
    await manifestClosed;
  }
  return summary;
}
