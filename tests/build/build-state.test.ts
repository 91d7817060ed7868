// The build state on disk: the site's records kept as a base file written whole now and
// then, plus the records that differ from it in state.json; read back, they are the records
// saved, in the order unchanged.json lists them, and a base that is damaged, missing or not
// the one named is no state (with the reason), never a partial one.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkOf, loadBuildState, loadUnchangedCheck, saveBuildState, writeUnchangedCheck, type BuildState } from '../../scripts/lib/build/build-state.ts';
import type { OutputRecord } from '../../scripts/lib/site/site-records.ts';
import { useTempDirs } from '../support/temp-dir.ts';

const tempDir = useTempDirs('build-state-');

const record = (path: string, version = 1): OutputRecord => ({ key: path.endsWith('.html') ? `key-${version}` : '', sha256: `${path}-${version}`, bytes: version, stamp: `stamp-${path}-${version}` });

/** A site of `count` pages, each with its compressed copy, and a search file: records by path. */
function siteRecords(count: number): Map<string, OutputRecord> {
  const outputs = new Map<string, OutputRecord>();
  for (let page = 0; page < count; page++) {
    const path = `articles/${String(page).padStart(4, '0')}/index.html`;
    outputs.set(path, record(path));
    outputs.set(`${path}.br`, record(`${path}.br`));
  }
  outputs.set('pagefind/pagefind-entry.json', record('pagefind/pagefind-entry.json'));
  return outputs;
}

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
    expect(loadUnchangedCheck(dir)?.files).toEqual([...outputs.keys()]);
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
      next.set(path, path === 'articles/0007/index.html' ? record(path, 2) : kept);
    }
    await saveBuildState(dir, stateOf(next, first.outputsBase));
    expect(baseFiles(dir)).toEqual([base]);
    expect(statSync(join(dir, 'state.json')).size).toBeLessThan(baseSize / 10);

    const second = loaded(dir);
    expect(new Map(second.outputs)).toEqual(next);
    expect(second.outputs.get('articles/0007/index.html')?.key).toBe('key-2');
    expect(second.outputs.has('articles/0003/index.html')).toBe(false);
    // The base's order less what went, then what came: the order the check stamps the site in.
    const order = [...second.outputs.keys()];
    expect(order.at(-1)).toBe('articles/9999/index.html');
    expect(loadUnchangedCheck(dir)?.files).toEqual(order);
    // The check names its files by what differs from the base's paths: it stays small too.
    const check = JSON.parse(readFileSync(join(dir, 'unchanged.json'), 'utf8').split('\n')[1] as string) as Record<string, unknown>;
    expect(check).not.toHaveProperty('files');
    expect(check.removed).toEqual(['articles/0003/index.html', 'articles/0003/index.html.br']);
    expect(check.added).toEqual(['articles/9999/index.html']);
  });

  it('give no check (a slower way to the same answer) when the base\'s paths file is damaged or gone', async () => {
    const dir = await tempDir();
    await saveBuildState(dir, stateOf(siteRecords(5)));
    expect(loadUnchangedCheck(dir)?.files).toHaveLength(11);
    const [paths] = pathsFiles(dir);
    truncateSync(join(dir, paths as string), 50);
    expect(loadUnchangedCheck(dir)).toBeUndefined();
    unlinkSync(join(dir, paths as string));
    expect(loadUnchangedCheck(dir)).toBeUndefined();
    expect(loadBuildState(dir).state?.outputs.size).toBe(11);
  });

  it('are written as a new base when much of the site changed, and the old base goes', async () => {
    const dir = await tempDir();
    await saveBuildState(dir, stateOf(siteRecords(50)));
    const [oldBase] = baseFiles(dir);
    const first = loaded(dir);
    const next = new Map([...first.outputs].map(([path, kept]) => [path, path.endsWith('.br') ? record(path, 3) : kept]));
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
      const body = JSON.stringify({ format: 3, outputs: [] });
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
    const [first, ...rest] = [...state.outputs.keys()];
    // The same files, one of the base's moved to the end: not the base's order less some, then others.
    const reordered = [...rest, first as string];
    await writeUnchangedCheck(dir, { ...checkOf(state), files: reordered }, state.outputsBase);
    const stored = JSON.parse(readFileSync(join(dir, 'unchanged.json'), 'utf8').split('\n')[1] as string) as Record<string, unknown>;
    expect(stored.files).toEqual(reordered);
    expect(loadUnchangedCheck(dir)?.files).toEqual(reordered);
  });
});
