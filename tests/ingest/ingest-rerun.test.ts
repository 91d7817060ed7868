// Re-running ingest with the state file of the last run: whatever changed in between (a raw
// file, an article, the gazetteer, --date, the manifest, the state itself), the run reports
// and writes exactly what a run without any state reports and writes.

import { appendFile, cp, mkdir, readdir, readFile, rename, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestSettings, type IngestSettings } from '../../scripts/lib/config/ingest-settings.ts';
import { siteSettings } from '../support/site-settings.ts';
import { ingestRawFiles, type FileReport, type IngestOptions, type IngestSummary } from '../../scripts/lib/ingest/ingest-batch.ts';
import { ingestStatePath, readIngestState, ingestConfiguration } from '../../scripts/lib/ingest/ingest-state.ts';
import { PROJECT_DIR } from '../support/fixture-site.ts';
import { RAW_EDGE_CASES_DIR } from '../support/raw-edge-case-bytes.ts';
import { useTempDirs } from '../support/temp-dir.ts';
import { hashTree } from '../../scripts/lib/fs/compare-trees.ts';

const makeTempDir = useTempDirs('ingest-rerun-');
const RAW_MTIME = new Date('2017-07-08T10:00:00Z');
const EDITED_WARNING = 'edited by an editor since ingest; kept as edited';

interface Workspace {
  work: string;
  raw: string;
  out: string;
}

interface Run {
  summary: IngestSummary;
  /** Reports with the workspace's folder written as «work». */
  reports: FileReport[];
  byName: Map<string, FileReport>;
}

type Change = (space: Workspace) => Promise<void>;

/** The edge cases (ids from their text) in raw/edge-cases, the samples (ids from their names) in raw/samples. */
async function workspace(): Promise<Workspace> {
  const work = await makeTempDir();
  const raw = join(work, 'raw');
  await cp(RAW_EDGE_CASES_DIR, join(raw, 'edge-cases'), { recursive: true });
  await cp(join(PROJECT_DIR, 'tests/fixtures/raw'), join(raw, 'samples'), { recursive: true });
  for (const path of await readdir(raw, { recursive: true })) await utimes(join(raw, path), RAW_MTIME, RAW_MTIME);
  return { work, raw, out: join(work, 'articles') };
}

const edgeCase = (space: Workspace, name: string): string => join(space.raw, 'edge-cases', name);
const sample = (space: Workspace, name: string): string => join(space.raw, 'samples', name);

async function ingest(space: Workspace, options: Partial<IngestOptions> = {}): Promise<Run> {
  const reports: FileReport[] = [];
  const summary = await ingestRawFiles({
    inputs: [space.raw], outDir: space.out, site: siteSettings, settings: ingestSettings, onReport: (report) => reports.push(report), ...options,
  });
  const relative = (text: string): string => text.split(space.work).join('«work»');
  const shown = reports.map((report) => JSON.parse(relative(JSON.stringify(report))) as FileReport);
  return { summary, reports: shown, byName: new Map(shown.map((report) => [report.file.split('/').at(-1) ?? '', report])) };
}

/** Keeps the size and the mtime: only the ctime tells that the file changed. */
async function rewriteKeepingSizeAndMtime(path: string, from: string, to: string): Promise<void> {
  const text = await readFile(path, 'utf8');
  expect(Buffer.byteLength(from)).toBe(Buffer.byteLength(to));
  expect(text).toContain(from);
  await writeFile(path, text.replace(from, to));
  await utimes(path, RAW_MTIME, RAW_MTIME);
}

async function articleOf(space: Workspace, name: string): Promise<string> {
  const files = await readdir(space.out, { recursive: true });
  const run = await ingest(space, { dryRun: true });
  const article = run.byName.get(name)?.article?.split('/').at(-1);
  const found = files.find((file) => article !== undefined && file.endsWith(article));
  if (!found) throw new Error(`no article for ${name}`);
  return join(space.out, found);
}

/**
 * Runs the same story in two workspaces, the second without the state file before the last
 * run, and returns both last runs and trees.
 */
async function withAndWithoutState(change: Change, options: Partial<IngestOptions> = {}, first: Partial<IngestOptions> = {}) {
  const results = [];
  for (const keepState of [true, false]) {
    const space = await workspace();
    await ingest(space, first);
    await change(space);
    if (!keepState) await rm(ingestStatePath(space.out), { force: true });
    const run = await ingest(space, options);
    results.push({ run, tree: await hashTree(space.out), space });
  }
  const [withState, withoutState] = results as [typeof results[0], typeof results[0]];
  expect(withState.run.reports).toEqual(withoutState.run.reports);
  expect(withState.run.summary).toEqual(withoutState.run.summary);
  expect(withState.tree).toEqual(withoutState.tree);
  // And the state this run left makes the next run agree too.
  const [again, againWithout] = [await ingest(withState.space, options), await ingest(withoutState.space, options)];
  expect(again.reports).toEqual(againWithout.reports);
  return withState;
}

const noChange: Change = async () => {};

describe('ingest with the state of the last run', () => {
  it('writes a state beside the articles folder, which only lists what it wrote and found', async () => {
    const space = await workspace();
    await ingest(space);
    expect(await readdir(space.work)).toEqual(expect.arrayContaining(['.articles.ingest-state.json', 'articles', 'raw']));
    const state = await readIngestState(space.out, ingestConfiguration(ingestSettings, siteSettings));
    // 23 articles: every raw file but the rejected and the duplicate ones.
    expect(state?.rawFiles.size).toBe(23);
    expect(state?.articles.size).toBe(23);
  });

  it('reports every file unchanged and writes nothing when nothing changed', async () => {
    const { run } = await withAndWithoutState(noChange);
    expect(run.summary).toMatchObject({ files: 28, unchanged: 23, duplicate: 1, rejected: 4 });
  });

  it.each<[string, Change, string, Partial<FileReport>]>([
    ['a raw file touched, its bytes the same', async (space) => utimes(edgeCase(space, '03-no-byline.txt'), new Date(), new Date()), '03-no-byline.txt', { status: 'unchanged' }],
    ['a raw file dated by its mtime touched', async (space) => utimes(edgeCase(space, '12-markdown-specials.txt'), new Date('2018-03-04T10:00:00Z'), new Date('2018-03-04T10:00:00Z')), '12-markdown-specials.txt', { status: 'updated' }],
    ['a raw file rewritten to the same size with its mtime put back', async (space) => rewriteKeepingSizeAndMtime(sample(space, '001_3c9e1a7b52d04f86.txt'), '12 بالمئة', '15 بالمئة'), '001_3c9e1a7b52d04f86.txt', { status: 'updated' }],
    ['a raw file grown', async (space) => appendFile(sample(space, '004_e02d9c4b7a6f1358.txt'), '\nفقرة أخرى.\n'), '004_e02d9c4b7a6f1358.txt', { status: 'updated' }],
    ['a raw file whose id comes from its text changed', async (space) => appendFile(edgeCase(space, '04-byline-with-place.txt'), '\nفقرة أخرى.\n'), '04-byline-with-place.txt', { status: 'created' }],
    ['a raw file removed', async (space) => rm(edgeCase(space, '05-no-blank-lines.txt')), '06-date-arabic-indic-digits.txt', { status: 'unchanged' }],
    ['an article an editor changed', async (space) => appendFile(await articleOf(space, '07-date-egyptian-month.txt'), '\nتصحيح.\n'), '07-date-egyptian-month.txt', { status: 'unchanged', warnings: [EDITED_WARNING] }],
    ['an article touched', async (space) => { const path = await articleOf(space, '08-date-two-word-month.txt'); await utimes(path, new Date(), new Date()); }, '08-date-two-word-month.txt', { status: 'unchanged' }],
    ['an article deleted', async (space) => rm(await articleOf(space, '09-date-hamza-variant.txt')), '09-date-hamza-variant.txt', { status: 'created' }],
    ['an article moved to another folder by hand', async (space) => {
      const path = await articleOf(space, '10-date-wrong-weekday.txt');
      await mkdir(join(space.out, '2016', '01'), { recursive: true });
      await rename(path, join(space.out, '2016', '01', path.split('/').at(-1) ?? ''));
    }, '10-date-wrong-weekday.txt', { status: 'updated' }],
    ['an article rewritten by hand to the same bytes', async (space) => {
      const path = await articleOf(space, '02-crlf-bom.txt');
      await writeFile(path, await readFile(path));
    }, '02-crlf-bom.txt', { status: 'unchanged' }],
    ['a manifest row added', async (space) => appendFile(sample(space, 'manifest.csv'), '003_b7250e94c1f86a3d.txt,2017-08-01T10:00:00+03:00,\n'), '003_b7250e94c1f86a3d.txt', { status: 'updated' }],
    ['a manifest row changed', async (space) => {
      const path = edgeCase(space, 'manifest.csv');
      await writeFile(path, (await readFile(path, 'utf8')).replace('id=1,2', 'id=1,3'));
    }, '22-manifest-dated.txt', { status: 'updated' }],
    ['a raw file that now repeats another', async (space) => cp(edgeCase(space, '03-no-byline.txt'), edgeCase(space, '00-first-copy-of-03.txt')), '03-no-byline.txt', { status: 'duplicate' }],
    ['a corrupt state', async ({ out }) => writeFile(ingestStatePath(out), '{"kind":'), '03-no-byline.txt', { status: 'unchanged' }],
    ['a state written for another folder', async ({ out, work }) => {
      await cp(out, join(work, 'elsewhere'), { recursive: true });
      await rename(ingestStatePath(out), ingestStatePath(join(work, 'elsewhere')));
      await rm(out, { recursive: true });
      await rename(join(work, 'elsewhere'), out);
      await rename(ingestStatePath(join(work, 'elsewhere')), ingestStatePath(out));
    }, '03-no-byline.txt', { status: 'unchanged' }],
  ])('agrees with a run without state after %s', async (_case, change, name, expected) => {
    const { run } = await withAndWithoutState(change);
    expect(run.byName.get(name)).toMatchObject(expected);
  });

  it('agrees after an article was edited and its raw file changed, and with --force', async () => {
    const change: Change = async (space) => {
      await appendFile(await articleOf(space, '001_3c9e1a7b52d04f86.txt'), '\nتصحيح.\n');
      await appendFile(sample(space, '001_3c9e1a7b52d04f86.txt'), '\nفقرة جديدة.\n');
    };
    expect((await withAndWithoutState(change)).run.byName.get('001_3c9e1a7b52d04f86.txt')).toMatchObject({ status: 'kept-edited' });
    expect((await withAndWithoutState(change, { force: true })).run.byName.get('001_3c9e1a7b52d04f86.txt')).toMatchObject({ status: 'updated' });
  });

  it('agrees when --date changes, for the files it dates', async () => {
    const { run } = await withAndWithoutState(async (space) => rm(edgeCase(space, 'manifest.csv')), { date: '2018-01-02' }, { date: '2017-06-30' });
    expect(run.byName.get('13-html-script.txt')).toMatchObject({ status: 'updated', article: expect.stringContaining('/2018/01/') });
    expect(run.byName.get('03-no-byline.txt')).toMatchObject({ status: 'unchanged' });
  });

  const withAleppo: IngestSettings = { ...ingestSettings, tagGazetteer: [...ingestSettings.tagGazetteer, { name: 'حلب', slug: 'aleppo', forms: ['حلب'] }] };
  const KEPT_TAGS_WARNING = 'tags kept as written, «»; the current rules give «حلب» (--retag applies them)';

  it('agrees when the gazetteer changes, and rewrites nothing: the article keeps its tags, and the report says what --retag would give', async () => {
    const { run, space } = await withAndWithoutState(noChange, { settings: withAleppo });
    expect(run.byName.get('04-byline-with-place.txt')).toMatchObject({ status: 'unchanged', warnings: [KEPT_TAGS_WARNING] });
    expect(run.summary).toMatchObject({ files: 28, unchanged: 23, updated: 0, created: 0 });
    expect(await readFile(await articleOf(space, '04-byline-with-place.txt'), 'utf8')).toMatch(/^tags: \[\]$/m);
  });

  it('leaves every article byte for byte as it was when only the tagging rules changed', async () => {
    const space = await workspace();
    await ingest(space);
    const before = await hashTree(space.out);
    const run = await ingest(space, { settings: { ...withAleppo, tagScoring: { ...ingestSettings.tagScoring, minimumScore: 1, maxTags: 8 } } });
    expect(run.summary).toMatchObject({ files: 28, unchanged: 23, created: 0, updated: 0 });
    expect(await hashTree(space.out)).toEqual(before);
  });

  it('agrees when the tag scoring changes, and rewrites nothing', async () => {
    const settings: IngestSettings = { ...ingestSettings, tagScoring: { ...ingestSettings.tagScoring, maxTags: 1 } };
    const { run } = await withAndWithoutState(noChange, { settings });
    expect(run.summary).toMatchObject({ files: 28, unchanged: 23, updated: 0, created: 0 });
    expect(run.byName.get('000_f4b3dfa3adcd8716.txt')?.warnings).toEqual([
      'tags kept as written, «سورية، الولايات المتحدة، إيران، روسيا»; the current rules give «سورية» (--retag applies them)',
    ]);
  });

  it('retags on --retag: the articles whose tags change are updated, and a run after it writes nothing', async () => {
    const { run, space } = await withAndWithoutState(noChange, { settings: withAleppo, retag: true });
    expect(run.byName.get('04-byline-with-place.txt')).toMatchObject({ status: 'updated', warnings: ['tags «» now «حلب»'] });
    expect(run.summary).toMatchObject({ files: 28, unchanged: 22, updated: 1 });
    expect(await readFile(await articleOf(space, '04-byline-with-place.txt'), 'utf8')).toMatch(/^tags:\n {2}- حلب$/m);
    const again = await ingest(space, { settings: withAleppo });
    expect(again.summary).toMatchObject({ unchanged: 23, updated: 0 });
    expect(again.byName.get('04-byline-with-place.txt')?.warnings).toEqual([]);
  });

  it('keeps an article an editor changed on --retag, and says so (kept-edited); --force retags it', async () => {
    const edit: Change = async (space) => appendFile(await articleOf(space, '04-byline-with-place.txt'), '\nتصحيح.\n');
    const { run } = await withAndWithoutState(edit, { settings: withAleppo, retag: true });
    expect(run.byName.get('04-byline-with-place.txt')).toMatchObject({
      status: 'kept-edited',
      reason: 'the current rules give the tags «حلب», but an editor has changed the article since ingest: kept as edited (--force overwrites)',
    });
    const forced = await withAndWithoutState(edit, { settings: withAleppo, retag: true, force: true });
    expect(forced.run.byName.get('04-byline-with-place.txt')).toMatchObject({ status: 'updated' });
  });

  it('reports an edited article as before when --retag gives the tags it has', async () => {
    const edit: Change = async (space) => appendFile(await articleOf(space, '03-no-byline.txt'), '\nتصحيح.\n');
    const { run } = await withAndWithoutState(edit, { retag: true });
    expect(run.byName.get('03-no-byline.txt')).toMatchObject({ status: 'unchanged', warnings: [EDITED_WARNING] });
  });

  it('recomputes the tags of a raw file whose text changed', async () => {
    const settings: IngestSettings = { ...ingestSettings, tagScoring: { ...ingestSettings.tagScoring, maxTags: 1 } };
    const { run, space } = await withAndWithoutState(async (s) => appendFile(sample(s, '000_f4b3dfa3adcd8716.txt'), '\nفقرة أخرى.\n'), { settings });
    expect(run.byName.get('000_f4b3dfa3adcd8716.txt')).toMatchObject({ status: 'updated', warnings: [] });
    expect(await readFile(await articleOf(space, '000_f4b3dfa3adcd8716.txt'), 'utf8')).toMatch(/^tags:\n {2}- سورية\nsource:/m);
  });

  it('does not write a state on a dry run, and a dry run agrees too', async () => {
    const { run, space } = await withAndWithoutState(async (space) => appendFile(sample(space, '004_e02d9c4b7a6f1358.txt'), '\nفقرة أخرى.\n'), { dryRun: true });
    expect(run.byName.get('004_e02d9c4b7a6f1358.txt')).toMatchObject({ status: 'updated' });
    const before = await readFile(ingestStatePath(space.out), 'utf8');
    await ingest(space, { dryRun: true });
    expect(await readFile(ingestStatePath(space.out), 'utf8')).toBe(before);
  });
});
