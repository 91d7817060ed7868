// Worker threads prepare the raw files of a large batch: what they report and write must be
// exactly what the main thread alone reports and writes, and they leave nothing behind.

import { appendFile, cp, readdir, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestSettings } from '../../scripts/lib/config/ingest-settings.ts';
import { siteSettings } from '../support/site-settings.ts';
import { ingestRawFiles, type FileReport, type IngestOptions, type IngestSummary } from '../../scripts/lib/ingest/ingest-batch.ts';
import { PROJECT_DIR } from '../support/fixture-site.ts';
import { RAW_EDGE_CASES_DIR } from '../support/raw-edge-case-bytes.ts';
import { useTempDirs } from '../support/temp-dir.ts';
import { hashTree } from '../../scripts/lib/fs/compare-trees.ts';
import { PreparePool } from '../../scripts/lib/ingest/prepare-pool.ts';
import { rawFilePreparer, type PreparedRawFile } from '../../scripts/lib/ingest/prepare-raw-file.ts';
import type { PrepareWorkerData } from '../../scripts/lib/ingest/prepare-worker.ts';

const makeTempDir = useTempDirs('prepare-pool-');
const RAW_MTIME = new Date('2017-07-08T10:00:00Z');
/** Every file through the workers, from the first on. */
const ON_WORKERS: Partial<IngestOptions> = { parallelAfter: 0, workers: 2 };

interface Workspace {
  work: string;
  raw: string;
  out: string;
}

async function workspace(): Promise<Workspace> {
  const work = await makeTempDir();
  const raw = join(work, 'raw');
  await cp(RAW_EDGE_CASES_DIR, join(raw, 'edge-cases'), { recursive: true });
  await cp(join(PROJECT_DIR, 'tests/fixtures/raw'), join(raw, 'samples'), { recursive: true });
  await cp(join(PROJECT_DIR, 'tests/fixtures/raw-hostile'), join(raw, 'hostile'), { recursive: true });
  for (const path of await readdir(raw, { recursive: true })) await utimes(join(raw, path), RAW_MTIME, RAW_MTIME);
  return { work, raw, out: join(work, 'articles') };
}

async function ingest(space: Workspace, options: Partial<IngestOptions> = {}): Promise<{ summary: IngestSummary; reports: FileReport[] }> {
  const reports: FileReport[] = [];
  const summary = await ingestRawFiles({
    inputs: [space.raw], outDir: space.out, site: siteSettings, settings: ingestSettings, onReport: (report) => reports.push(report), ...options,
  });
  return { summary, reports: reports.map((report) => JSON.parse(JSON.stringify(report).split(space.work).join('«work»')) as FileReport) };
}

async function filesBelow(folder: string): Promise<string[]> {
  return (await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []))
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name);
}

describe('ingest on worker threads', () => {
  it('reports and writes what the main thread alone does, first run and re-run, and leaves no temporary file', async () => {
    const [alone, workers] = [await workspace(), await workspace()];
    for (const options of [{}, { date: '2018-01-02' }]) {
      expect(await ingest(workers, { ...ON_WORKERS, ...options })).toEqual(await ingest(alone, options));
      expect(await hashTree(workers.out)).toEqual(await hashTree(alone.out));
    }
    // Changes that update, keep and move articles.
    for (const space of [alone, workers]) {
      await appendFile(join(space.raw, 'samples', '004_e02d9c4b7a6f1358.txt'), '\nفقرة أخرى.\n');
      await appendFile(join(space.raw, 'samples', 'manifest.csv'), '003_b7250e94c1f86a3d.txt,2017-08-01T10:00:00+03:00,\n');
      await cp(join(space.raw, 'edge-cases', '03-no-byline.txt'), join(space.raw, 'edge-cases', '00-copy.txt'));
    }
    const [again, againOnWorkers] = [await ingest(alone), await ingest(workers, ON_WORKERS)];
    expect(againOnWorkers).toEqual(again);
    // The two changed samples, and the files dated by --date on the run before, moved back.
    expect(again.summary).toMatchObject({ updated: 7, duplicate: 2 });
    expect(await hashTree(workers.out)).toEqual(await hashTree(alone.out));
    expect((await filesBelow(workers.out)).filter((name) => !name.endsWith('.md'))).toEqual([]);
  });

  it('writes nothing on a dry run', async () => {
    const space = await workspace();
    const { summary } = await ingest(space, { ...ON_WORKERS, dryRun: true });
    expect(summary.created).toBeGreaterThan(20);
    expect(await filesBelow(space.out)).toEqual([]);
  });
});

describe('the pool of prepare workers', () => {
  const startData = (outDir: string): PrepareWorkerData => ({
    options: { outDir, site: siteSettings, settings: ingestSettings, retag: false }, existingPaths: [], stage: false,
  });
  /** What a worker answers without staging: the result less its document. */
  const withoutDocument = (prepared: PreparedRawFile): PreparedRawFile => {
    if (prepared.kind !== 'built') return prepared;
    const { document: _document, ...rest } = prepared;
    return rest;
  };

  it('answers each raw file, in order, as the main thread prepares it', async () => {
    const space = await workspace();
    const tasks = (await readdir(space.raw, { recursive: true }))
      .filter((path) => path.endsWith('.txt')).sort().map((path) => ({ file: join(space.raw, path) }));
    expect(tasks.length).toBeGreaterThan(20);
    const here = rawFilePreparer({ ...startData(space.out).options, existingPath: () => undefined });
    const pool = await PreparePool.start(2, startData(space.out));
    try {
      expect(await Promise.all(tasks.map((task) => pool.prepare(task)))).toEqual(tasks.map((task) => withoutDocument(here.prepareSync(task))));
    } finally {
      await pool.close();
    }
  });

  it('rejects every task, with the worker\'s error, when a worker fails', async () => {
    const space = await workspace();
    // Start data a worker cannot use: it throws on its first task.
    const pool = await PreparePool.start(2, { ...startData(space.out), existingPaths: 5 as never });
    try {
      const task = { file: join(space.raw, 'samples', '004_e02d9c4b7a6f1358.txt') };
      const results = await Promise.allSettled([pool.prepare(task), pool.prepare(task)]);
      expect(results).toEqual([
        { status: 'rejected', reason: new Error('an ingest worker failed: number 5 is not iterable (cannot read property Symbol(Symbol.iterator))') },
        { status: 'rejected', reason: new Error('an ingest worker failed: number 5 is not iterable (cannot read property Symbol(Symbol.iterator))') },
      ]);
      await expect(pool.prepare(task)).rejects.toThrow(/^an ingest worker failed/);
    } finally {
      await pool.close();
    }
  });
});
