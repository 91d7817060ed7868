// The build state on disk: the site's records kept as a base file written whole now and
// then, plus the records that differ from it in state.json; read back, they are the records
// saved, in the order unchanged.json lists them, and a base that is damaged, missing or not
// the one named is no state (with the reason), never a partial one.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkOf, loadArticleEntries, loadBuildState, loadUnchangedCheck, saveBuildState, writeUnchangedCheck, type BuildState } from '../../scripts/lib/build/build-state.ts';
import type { ArticleFileEntry } from '../../scripts/lib/site/article-source.ts';
import { siteFiles, type OutputRecord } from '../../scripts/lib/site/site-records.ts';
import { useTempDirs } from '../support/temp-dir.ts';

const tempDir = useTempDirs('build-state-');

const record = (path: string, version = 1): OutputRecord => ({ key: path.endsWith('.html') ? `key-${version}` : '', sha256: `${path}-${version}`, bytes: version, stamp: `stamp-${path}-${version}` });

/** A site of `count` pages, each with its compressed copies, and a search file: records by path. */
function siteRecords(count: number): Map<string, OutputRecord> {
  const outputs = new Map<string, OutputRecord>();
  for (let page = 0; page < count; page++) {
    const path = `articles/${String(page).padStart(4, '0')}/index.html`;
    outputs.set(path, { ...record(path), copies: [`stamp-${path}.br`, `stamp-${path}.gz`] });
  }
  outputs.set('pagefind/pagefind-entry.json', record('pagefind/pagefind-entry.json'));
  return outputs;
}

/** The site's files the records stand for, in the order the check stamps them. */
const filesOf = (outputs: ReadonlyMap<string, OutputRecord>): string[] => siteFiles(outputs).paths;

const stateOf = (outputs: Map<string, OutputRecord>, base?: BuildState['outputsBase']): BuildState => ({
  fingerprint: 'code:chrome', assets: 'assets', articlesDigest: 'articles', outputs, outputsBase: base,
  now: { at: '2026-01-01T00:00:00Z' } as unknown as BuildState['now'],
});

const baseFiles = (dir: string): string[] => readdirSync(dir).filter((name) => /^outputs-[0-9a-f]{24}\.json$/.test(name));
const pathsFiles = (dir: string): string[] => readdirSync(dir).filter((name) => /^outputs-[0-9a-f]{24}\.paths\.json$/.test(name));

function loaded(dir: string): BuildState {
  const read = loadBuildState(dir);
  if (!read.state) throw new Error(`no state: ${read.reason}`);
  return read.state;
}

describe('the site records of a build state', () => {
  it('are written whole as a base the first time, and read back as saved', async () => {
    const dir = await tempDir();
    const outputs = siteRecords(50);
    await saveBuildState(dir, stateOf(outputs));
    expect(baseFiles(dir)).toHaveLength(1);
    const state = loaded(dir);
    expect([...state.outputs]).toEqual([...outputs]);
    expect(loadUnchangedCheck(dir)?.files).toEqual(filesOf(outputs));
    expect(loadUnchangedCheck(dir)?.files.slice(0, 3)).toEqual(['articles/0000/index.html', 'articles/0000/index.html.br', 'articles/0000/index.html.gz']);
  });

  it('after a small change, keep the base and store only what differs from it, read back in the order the check lists', async () => {
    const dir = await tempDir();
    await saveBuildState(dir, stateOf(siteRecords(50)));
    const [base] = baseFiles(dir);
    const baseSize = statSync(join(dir, base as string)).size;
    const first = loaded(dir);

    // The next build makes its records anew, in its own order: a page rendered again, one gone, one new.
    const next = new Map<string, OutputRecord>();
    next.set('articles/9999/index.html', record('articles/9999/index.html'));
    for (const [path, kept] of first.outputs) {
      if (path.startsWith('articles/0003/')) continue;
      next.set(path, path === 'articles/0007/index.html' ? { ...record(path, 2), copies: ['br-2', 'gz-2'] } : kept);
    }
    await saveBuildState(dir, stateOf(next, first.outputsBase));
    expect(baseFiles(dir)).toEqual([base]);
    expect(statSync(join(dir, 'state.json')).size).toBeLessThan(baseSize / 10);

    const second = loaded(dir);
    expect(new Map(second.outputs)).toEqual(next);
    expect(second.outputs.get('articles/0007/index.html')?.key).toBe('key-2');
    expect(second.outputs.has('articles/0003/index.html')).toBe(false);
    // The base's order less what went, then what came: the order the check stamps the site in.
    expect([...second.outputs.keys()].at(-1)).toBe('articles/9999/index.html');
    expect(loadUnchangedCheck(dir)?.files).toEqual(filesOf(second.outputs));
    // The check names its files by what differs from the base's paths: it stays small too.
    const check = JSON.parse(readFileSync(join(dir, 'unchanged.json'), 'utf8').split('\n')[1] as string) as Record<string, unknown>;
    expect(check).not.toHaveProperty('files');
    expect(check.removed).toEqual(['articles/0003/index.html', 'articles/0003/index.html.br', 'articles/0003/index.html.gz']);
    expect(check.added).toEqual(['articles/9999/index.html']);
  });

  it('list the files in full in the check when a record of the base gained copies, and stay in step with the site', async () => {
    const dir = await tempDir();
    const outputs = siteRecords(5);
    const bare = 'articles/0001/index.html';
    outputs.set(bare, record(bare));
    await saveBuildState(dir, stateOf(outputs));
    const first = loaded(dir);
    const next = new Map(first.outputs);
    next.set(bare, { ...record(bare), copies: ['new-br', 'new-gz'] });
    await saveBuildState(dir, stateOf(next, first.outputsBase));
    expect(loadUnchangedCheck(dir)?.files).toEqual(filesOf(next));
    expect(checkOf(loaded(dir)).filesDigest).toBe(loadUnchangedCheck(dir)?.filesDigest);
  });

  it('give no check (a slower way to the same answer) when the base\'s paths file is damaged or gone', async () => {
    const dir = await tempDir();
    await saveBuildState(dir, stateOf(siteRecords(5)));
    expect(loadUnchangedCheck(dir)?.files).toHaveLength(16);
    const [paths] = pathsFiles(dir);
    truncateSync(join(dir, paths as string), 50);
    expect(loadUnchangedCheck(dir)).toBeUndefined();
    unlinkSync(join(dir, paths as string));
    expect(loadUnchangedCheck(dir)).toBeUndefined();
    expect(loadBuildState(dir).state?.outputs.size).toBe(6);
  });

  it('are written as a new base when much of the site changed, and the old base goes', async () => {
    const dir = await tempDir();
    await saveBuildState(dir, stateOf(siteRecords(50)));
    const [oldBase] = baseFiles(dir);
    const first = loaded(dir);
    const next = new Map([...first.outputs].map(([path, kept]) => [path, kept.copies ? { ...kept, copies: kept.copies.map((stamp) => `${stamp}-3`) } : kept]));
    await saveBuildState(dir, stateOf(next, first.outputsBase));
    const bases = baseFiles(dir);
    expect(bases).toHaveLength(1);
    expect(bases[0]).not.toBe(oldBase);
    expect(pathsFiles(dir)).toEqual([(bases[0] as string).replace(/\.json$/, '.paths.json')]);
    expect([...loaded(dir).outputs]).toEqual([...next]);
  });

  it.each([
    ['truncated', (file: string) => truncateSync(file, 100), /outputs-[0-9a-f]{24}\.json is damaged/],
    ['missing', (file: string) => unlinkSync(file), /outputs-[0-9a-f]{24}\.json is missing/],
    ['another valid base put in its place', (file: string) => {
      const body = JSON.stringify({ format: 4, outputs: [] });
      writeFileSync(file, `${createHash('sha256').update(body).digest('hex')}\n${body}`);
    }, /outputs-[0-9a-f]{24}\.json is not the one state\.json names/],
  ])('make no state when the base is %s, with the reason', async (_case, damage, reason) => {
    const dir = await tempDir();
    await saveBuildState(dir, stateOf(siteRecords(5)));
    damage(join(dir, baseFiles(dir)[0] as string));
    const read = loadBuildState(dir);
    expect(read.state).toBeUndefined();
    expect(read.state === undefined && read.reason).toMatch(reason);
  });

  it('store no article stamps: only their digest, which the check carries', async () => {
    const dir = await tempDir();
    await saveBuildState(dir, stateOf(siteRecords(2)));
    const stored = JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8').split('\n')[1] as string) as Record<string, unknown>;
    expect(stored).not.toHaveProperty('stamps');
    expect(stored.articlesDigest).toBe('articles');
    expect(loadUnchangedCheck(dir)?.articlesDigest).toBe('articles');
  });
});

describe('the check of a state told against its base', () => {
  it('lists its files in full when they are not in the order a state read back has', async () => {
    const dir = await tempDir();
    await saveBuildState(dir, stateOf(siteRecords(3)));
    const state = loaded(dir);
    const [first, ...rest] = filesOf(state.outputs);
    // The same files, one of the base's moved to the end: not the base's order less some, then others.
    const reordered = [...rest, first as string];
    await writeUnchangedCheck(dir, { ...checkOf(state), files: reordered }, state.outputsBase);
    const stored = JSON.parse(readFileSync(join(dir, 'unchanged.json'), 'utf8').split('\n')[1] as string) as Record<string, unknown>;
    expect(stored.files).toEqual(reordered);
    expect(loadUnchangedCheck(dir)?.files).toEqual(reordered);
  });
});

describe('the article entries of a build state', () => {
  /** An entry as readArticles makes it, with the Arabic front matter the files hold. */
  const entry = (id: string, title: string): ArticleFileEntry => ({
    stamp: `stamp-${id}`, sha256: `sha-${id}`, bodyHash: `body-${id}`, digest: `article:${id}`, problems: [],
    data: { id, title, section: 'سياسة', tags: ['دمشق', 'حلب'], date: '2017-07-06T09:30:00+03:00', draft: false },
  });
  const entries = (): Map<string, ArticleFileEntry> => new Map([
    ['articles/2017/07/a.md', entry('a', 'عنوان «أول» — مع علامات')],
    ['articles/2017/07/b.md', entry('b', 'عنوان ثانٍ')],
    ['articles/2017/08/c.md', entry('c', 'عنوان ثالث')],
  ]);
  const articlesFiles = (dir: string): string[] => readdirSync(join(dir, 'articles')).map((name) => join(dir, 'articles', name));

  it('are read back as saved, one file per folder of articles', async () => {
    const dir = await tempDir();
    await saveBuildState(dir, { ...stateOf(siteRecords(2)), articles: entries() });
    expect(articlesFiles(dir)).toHaveLength(2);
    expect(loadArticleEntries(dir, loaded(dir))).toEqual(entries());
  });

  it.each([
    ['truncated', (file: string) => truncateSync(file, 80)],
    ['overwritten with garbage behind a matching checksum', (file: string) => {
      const body = 'not a serialised entries file';
      writeFileSync(file, `${createHash('sha256').update(body).digest('hex')}\n${body}`);
    }],
    ['in the JSON of an earlier format', (file: string) => {
      const body = JSON.stringify({ format: 2, folder: 'articles/2017/07', entries: [...entries()].slice(0, 2) });
      writeFileSync(file, `${createHash('sha256').update(body).digest('hex')}\n${body}`);
    }],
  ])('give none of their folder when one is %s: those articles are read again, the others\' entries stay', async (_case, damage) => {
    const dir = await tempDir();
    await saveBuildState(dir, { ...stateOf(siteRecords(2)), articles: entries() });
    // Each folder's file is named by a hash of the folder.
    damage(join(dir, 'articles', `${createHash('sha256').update('articles/2017/07').digest('hex').slice(0, 24)}.json`));
    const read = loadArticleEntries(dir, loaded(dir));
    expect([...read.keys()]).toEqual(['articles/2017/08/c.md']);
    expect(read.get('articles/2017/08/c.md')).toEqual(entries().get('articles/2017/08/c.md'));
  });
});
