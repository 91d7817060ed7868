// The ingest state file: where it lives, when a raw file's record still holds, and that a
// state that is missing, corrupt, from another configuration or another folder is ignored.

import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestSettings } from '../../scripts/lib/config/ingest-settings.ts';
import { siteSettings } from '../support/site-settings.ts';
import {
  ingestConfiguration, ingestStatePath, rawFileStanding, readIngestState, writeIngestState,
  type ArticleRecord, type IngestState, type RawFileNow, type RawFileRecord,
} from '../../scripts/lib/ingest/ingest-state.ts';
import { useTempDirs } from '../support/temp-dir.ts';

const makeTempDir = useTempDirs('ingest-state-');
const HASH = (digit: string): string => digit.repeat(64);
const STAMP = { size: 1200, mtimeMs: 1_500_000_000_000.25, ctimeMs: 1_600_000_000_000.5 };
const WRITTEN_AT = 1_700_000_000_000;

const record = (overrides: Partial<RawFileRecord> = {}): RawFileRecord => ({
  ...STAMP,
  sha256: HASH('a'),
  id: 'f4b3dfa3adcd8716',
  textSha256: HASH('b'),
  article: '2017/07/f4b3dfa3adcd8716.md',
  ingestSha256: HASH('c'),
  dateSource: 'line',
  manifest: [null, null],
  warnings: [],
  ...overrides,
});

const article: ArticleRecord = { ...STAMP, id: 'f4b3dfa3adcd8716', sourceSha256: HASH('a'), textSha256: HASH('b'), ingestSha256: HASH('c') };
const state: IngestState = { rawFiles: new Map(), articles: new Map(), writtenAtMs: WRITTEN_AT, settled: true };
const now = (overrides: Partial<RawFileNow> = {}): RawFileNow => ({ stamp: STAMP, manifest: [null, null], ...overrides });

describe('ingestStatePath', () => {
  it('puts the state beside the articles folder, named after it, as a dot-file', () => {
    expect(ingestStatePath('/site/content/articles')).toBe('/site/content/.articles.ingest-state.json');
    expect(ingestStatePath('/site/content/articles/')).toBe('/site/content/.articles.ingest-state.json');
  });
});

describe('rawFileStanding', () => {
  it.each<[string, Partial<RawFileRecord>, Partial<RawFileNow>, ReturnType<typeof rawFileStanding>]>([
    ['the same stamp, row and --date', {}, {}, 'unchanged'],
    ['the same stamp, dated by its line, with a new --date', {}, { optionDate: '2018-01-02' }, 'unchanged'],
    ['the same stamp, dated by --date, with the same --date', { dateSource: 'option', optionDate: '2018-01-02' }, { optionDate: '2018-01-02' }, 'unchanged'],
    ['a new --date for a file dated by --date', { dateSource: 'option', optionDate: '2018-01-02' }, { optionDate: '2018-01-03' }, 'changed'],
    ['no --date any more for a file dated by --date', { dateSource: 'option', optionDate: '2018-01-02' }, {}, 'changed'],
    ['a --date now for a file dated by its mtime', { dateSource: 'mtime' }, { optionDate: '2018-01-02' }, 'changed'],
    ['a manifest row added', {}, { manifest: ['2017-07-06', null] }, 'changed'],
    ['a manifest url changed', { manifest: ['2017-07-06', 'https://a.example/1'] }, { manifest: ['2017-07-06', 'https://a.example/2'] }, 'changed'],
    ['another size', {}, { stamp: { ...STAMP, size: 1201 } }, 'changed'],
    ['a new ctime (touched, copied or rewritten to the same size)', {}, { stamp: { ...STAMP, ctimeMs: STAMP.ctimeMs + 1 } }, 'check-bytes'],
    ['a new mtime', {}, { stamp: { ...STAMP, mtimeMs: STAMP.mtimeMs + 1 } }, 'check-bytes'],
    ['a new mtime for a file dated by its mtime', { dateSource: 'mtime' }, { stamp: { ...STAMP, mtimeMs: STAMP.mtimeMs + 1 } }, 'changed'],
    ['a new ctime for a file dated by its mtime', { dateSource: 'mtime' }, { stamp: { ...STAMP, ctimeMs: STAMP.ctimeMs + 1 } }, 'check-bytes'],
    ['a stamp as recent as the state (a change in the same clock tick would not show)', { ctimeMs: WRITTEN_AT }, { stamp: { ...STAMP, ctimeMs: WRITTEN_AT } }, 'check-bytes'],
  ])('says %s', (_case, recorded, current, standing) => {
    expect(rawFileStanding(record(recorded), now(current), state)).toBe(standing);
  });
});

describe('ingestConfiguration', () => {
  const base = ingestConfiguration(ingestSettings, siteSettings);

  it('is the same for the same settings', () => {
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(ingestConfiguration({ ...ingestSettings }, { timeZone: siteSettings.timeZone, sections: siteSettings.sections })).toBe(base);
  });

  it('does not depend on how many files are read at once', () => {
    expect(ingestConfiguration({ ...ingestSettings, concurrency: 3 }, siteSettings)).toBe(base);
  });

  it.each([
    ['the gazetteer', () => ingestConfiguration({ ...ingestSettings, tagGazetteer: ingestSettings.tagGazetteer.slice(1) }, siteSettings)],
    ['the boilerplate lines', () => ingestConfiguration({ ...ingestSettings, boilerplateLines: [...ingestSettings.boilerplateLines, 'اشترك'] }, siteSettings)],
    ['the excerpt length', () => ingestConfiguration({ ...ingestSettings, excerptLength: 150 }, siteSettings)],
    ['the time zone', () => ingestConfiguration(ingestSettings, { ...siteSettings, timeZone: 'Asia/Beirut' })],
    ['the sections', () => ingestConfiguration(ingestSettings, { ...siteSettings, sections: siteSettings.sections.slice(1) })],
  ])('changes with %s', (_case, configuration) => {
    expect(configuration()).not.toBe(base);
  });
});

describe('readIngestState and writeIngestState', () => {
  const configuration = 'c'.repeat(64);

  async function written(): Promise<string> {
    const outDir = join(await makeTempDir(), 'articles');
    await mkdir(outDir);
    await writeIngestState(outDir, configuration, new Map([['/raw/000_f4b3dfa3adcd8716.txt', record()]]), new Map([[record().article, article]]));
    return outDir;
  }

  it('reads back what was written, the time it was written and a raw record whole again', async () => {
    const outDir = await written();
    const state = await readIngestState(outDir, configuration);
    expect(state?.articles).toEqual(new Map([[record().article, article]]));
    expect(state?.rawFiles).toEqual(new Map([['/raw/000_f4b3dfa3adcd8716.txt', record()]]));
    expect(state?.writtenAtMs).toBeGreaterThan(STAMP.ctimeMs);
  });

  it('does not write the same state again, unless it held stamps too recent to trust', async () => {
    const outDir = await written();
    const read = await readIngestState(outDir, configuration);
    const rawFiles = new Map([['/raw/000_f4b3dfa3adcd8716.txt', record()]]);
    const articles = new Map([[record().article, article]]);
    expect(read?.settled).toBe(true);
    const text = await readFile(ingestStatePath(outDir), 'utf8');
    // Marked, to tell a file written again from the one left alone.
    await writeFile(ingestStatePath(outDir), `${text}\n`);
    await writeIngestState(outDir, configuration, rawFiles, articles, read);
    expect(await readFile(ingestStatePath(outDir), 'utf8')).toBe(`${text}\n`);
    await writeIngestState(outDir, configuration, rawFiles, articles, read && { ...read, settled: false });
    expect(await readFile(ingestStatePath(outDir), 'utf8')).toBe(text);
  });

  it('writes again only the lines of the folders whose records changed, and reads them all back', async () => {
    const outDir = join(await makeTempDir(), 'articles');
    const other: ArticleRecord = { ...article, id: '0123456789abcdef', sourceSha256: HASH('d'), textSha256: HASH('e'), ingestSha256: HASH('f') };
    const otherRaw = record({ id: other.id, sha256: HASH('d'), textSha256: HASH('e'), ingestSha256: HASH('f'), article: '2018/01/0123456789abcdef.md' });
    const rawFiles = new Map([['/raw/a.txt', record()], ['/raw/b.txt', otherRaw]]);
    await writeIngestState(outDir, configuration, rawFiles, new Map([[record().article, article], [otherRaw.article, other]]));
    const read = await readIngestState(outDir, configuration);
    const [header, july, january] = (await readFile(ingestStatePath(outDir), 'utf8')).split('\n');
    expect(JSON.parse(july ?? '')).toMatchObject({ folder: '2017/07' });
    expect(JSON.parse(january ?? '')).toMatchObject({ folder: '2018/01' });
    // The July line, doctored as no write would leave it, shows whether it was written again.
    const doctored = (july ?? '').replace('"folder":', '"folder" :');
    await writeFile(ingestStatePath(outDir), [header, doctored, january, ''].join('\n'));
    const doctoredRead = await readIngestState(outDir, configuration);
    if (!read || !doctoredRead) throw new Error('no state read back');
    const moved = { ...other, mtimeMs: other.mtimeMs + 1 };
    await writeIngestState(outDir, configuration, doctoredRead.rawFiles, new Map([...doctoredRead.articles, [otherRaw.article, moved]]), doctoredRead);
    const lines = (await readFile(ingestStatePath(outDir), 'utf8')).split('\n');
    expect(lines[1]).toBe(doctored);
    expect(lines[2]).not.toBe(january);
    const again = await readIngestState(outDir, configuration);
    expect(again?.articles).toEqual(new Map([[record().article, article], [otherRaw.article, moved]]));
    // The January raw file's article moved: it is no longer the document the raw file became.
    expect(again?.rawFiles).toEqual(new Map([['/raw/a.txt', record()], ['/raw/b.txt', { ...otherRaw }]]));
  });

  it('does not keep a raw file whose article is no longer the document it became', async () => {
    const outDir = join(await makeTempDir(), 'articles');
    await writeIngestState(outDir, configuration, new Map([['/raw/a.txt', record()]]), new Map([[record().article, { ...article, ingestSha256: undefined }]]));
    expect((await readIngestState(outDir, configuration))?.rawFiles).toEqual(new Map());
  });

  it('writes nothing without a configuration', async () => {
    const outDir = join(await makeTempDir(), 'articles');
    await writeIngestState(outDir, undefined, new Map(), new Map());
    await expect(readFile(ingestStatePath(outDir))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it.each<[string, (outDir: string) => Promise<unknown>, string | undefined]>([
    ['missing', async () => undefined, 'missing'],
    ['not JSON', (outDir) => writeFile(ingestStatePath(outDir), '{"kind": "arabic-newsroom-ingest-state", "format": 2, "confi'), undefined],
    ['cut short in a folder line', async (outDir) => {
      const text = await readFile(ingestStatePath(outDir), 'utf8');
      await writeFile(ingestStatePath(outDir), text.slice(0, text.length - 20));
    }, undefined],
    ['of another kind', async (outDir) => rewrite(outDir, (file) => ({ ...file, kind: 'something-else' })), undefined],
    ['of another format', async (outDir) => rewrite(outDir, (file) => ({ ...file, format: 99 })), undefined],
    ['from another articles folder', async (outDir) => rewrite(outDir, (file) => ({ ...file, outDir: '/elsewhere/articles' })), undefined],
    ['with a malformed record', async (outDir) => rewrite(outDir, (line) => ({ ...line, articles: { '2017/07/a.md': { id: 7 } } }), 1), undefined],
    ['with an article in another folder\'s line', async (outDir) => rewrite(outDir, (line) => ({ ...line, folder: '2017/08' }), 1), undefined],
  ])('ignores a state that is %s', async (_case, spoil, missing) => {
    const outDir = missing ? join(await makeTempDir(), 'articles') : await written();
    await spoil(outDir);
    expect(await readIngestState(outDir, configuration)).toBeUndefined();
  });

  it('ignores a state written with another configuration, or when there is none', async () => {
    const outDir = await written();
    expect(await readIngestState(outDir, 'd'.repeat(64))).toBeUndefined();
    expect(await readIngestState(outDir, undefined)).toBeUndefined();
  });

  /** Changes one line of the state file (the header by default). */
  async function rewrite(outDir: string, change: (line: Record<string, unknown>) => Record<string, unknown>, lineNumber = 0): Promise<void> {
    const path = ingestStatePath(outDir);
    const lines = (await readFile(path, 'utf8')).split('\n');
    lines[lineNumber] = JSON.stringify(change(JSON.parse(lines[lineNumber] ?? '') as Record<string, unknown>));
    await writeFile(path, lines.join('\n'));
  }
});
