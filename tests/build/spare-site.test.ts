// Two site trees flipped (scripts/lib/site/spare-site.ts): the site a build replaces is kept
// in the cache as the spare and updated by the next build. The spare is used, what it shares
// with the live site is one file, and what was changed behind the build in either tree never
// reaches a later site: after each build, the site equals a clean build of the same sources.
import { appendFile, link, mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeArticles } from '../support/fixture-site.ts';
import { createProjectCopy, expectEqualToClean, runBuild, writeArticles } from '../support/project-copy.ts';
import { inodeStamp } from '../../scripts/lib/fs/file-stamp.ts';
import type { OutputRecord } from '../../scripts/lib/site/site-records.ts';
import { keepAsSpare, SPARE_RENEWAL, takeSpare } from '../../scripts/lib/site/spare-site.ts';
import { useTempDirs } from '../support/temp-dir.ts';

const ENV = { SITE_NOW: '2017-08-01T12:00:00+03:00', SITE_ARTICLES_PER_PAGE: '4' };
const CACHE = join('.cache', 'build', 'site', 'production');
let dir = '';

async function build(): Promise<string> {
  const result = await runBuild(dir, [], ENV);
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
}

async function spares(): Promise<string[]> {
  return (await readdir(join(dir, CACHE))).filter((name) => name.startsWith('spare-'));
}

beforeAll(async () => {
  dir = await createProjectCopy('spare-site');
  await writeArticles(dir, 12, 'خبر');
  await build();
});
afterAll(async () => { if (dir) await rm(dir, { recursive: true, force: true }); });

describe('the spare site', () => {
  it('is the replaced site, kept in the cache, and the next build is made from it', async () => {
    await writeArticles(dir, 12, 'نسخة أولى');
    await build();
    const [first, ...others] = await spares();
    expect(others).toEqual([]);
    await writeArticles(dir, 12, 'نسخة ثانية');
    await build();
    const [second, ...more] = await spares();
    expect(more).toEqual([]);
    expect(second).not.toBe(first);
    await expectEqualToClean(dir, ENV);
  });

  it('shares its unchanged files with the live site: one file, not a copy', async () => {
    const live = await stat(join(dir, '_site', 'robots.txt'));
    const [spare] = await spares();
    const kept = await stat(join(dir, CACHE, spare as string, 'robots.txt'));
    expect(kept.ino).toBe(live.ino);
  });

  it('never brings back a file added to the live site, at its top or one folder down', async () => {
    await writeFile(join(dir, '_site', 'stray.txt'), 'left by a deploy step');
    await writeFile(join(dir, '_site', 'articles', 'stray.txt'), 'left by a deploy step');
    for (const title of ['نسخة ثالثة', 'نسخة رابعة']) {
      await writeArticles(dir, 12, title);
      await build();
      await expectEqualToClean(dir, ENV);
    }
  });

  it('drops a spare file changed behind the build', async () => {
    // A page the last build rendered, so the spare's own file, not one it shares with the
    // live site (that one is as intact as the live file, which every build checks).
    const id = makeArticles(12)[11]?.frontMatter.id as string;
    const [spare] = await spares();
    const page = join(dir, CACHE, spare as string, 'articles', id, 'index.html');
    await rm(page);
    await writeFile(page, 'changed in the spare');
    // A build that renders no page (an asset changed): the page is not written again anyway.
    await appendFile(join(dir, 'assets', 'css', 'site.css'), '\n/* spare-site test */\n');
    expect(await build()).toMatch(/rendered 0 of/);
    await expectEqualToClean(dir, ENV);
  });

  it('is made of the new site itself after a clean build, and the build after it is made from it', async () => {
    const clean = await runBuild(dir, ['--clean'], ENV);
    expect(clean.code, clean.stderr).toBe(0);
    const [spare, ...others] = await spares();
    expect(others).toEqual([]);
    // Every file a link to the live one: no copy, and nothing to tell apart.
    expect((await stat(join(dir, CACHE, spare as string, 'robots.txt'))).ino).toBe((await stat(join(dir, '_site', 'robots.txt'))).ino);
    const spareFolder = await stat(join(dir, CACHE, spare as string));
    await writeArticles(dir, 12, 'نسخة خامسة');
    await build();
    expect((await stat(join(dir, '_site'))).ino).toBe(spareFolder.ino);
    await expectEqualToClean(dir, ENV);
  });
});

describe('taking the spare', () => {
  const tempDir = useTempDirs('spare-take-');

  it('keeps the record of a spare file whose copy was changed, without the copies, so they are made again', async () => {
    const cache = await tempDir();
    const spareDir = join(cache, 'spare-0123456789abcdef');
    await mkdir(spareDir, { recursive: true });
    const stampOf = async (name: string, text: string): Promise<string> => {
      await writeFile(join(spareDir, name), text);
      return inodeStamp(join(spareDir, name)) as string;
    };
    const record = (stamp: string, copies: string[]): OutputRecord => ({ key: 'k', sha256: 'a'.repeat(64), bytes: 4, stamp, copies });
    const whole = record(await stampOf('a.html', 'page'), [await stampOf('a.html.br', 'br'), await stampOf('a.html.gz', 'gz')]);
    const changed = record(await stampOf('b.html', 'page'), [await stampOf('b.html.br', 'br'), await stampOf('b.html.gz', 'gz')]);
    await rm(join(spareDir, 'b.html.gz'));
    await writeFile(join(spareDir, 'b.html.gz'), 'changed');
    const staging = join(cache, 'staging');
    const records = await takeSpare(cache, join(cache, 'trash'), { id: '0123456789abcdef', differs: [['a.html', whole], ['b.html', changed]] }, staging,
      { records: new Map(), intact: new Map() });
    expect(records?.get('a.html')).toBe(whole);
    expect(records?.get('b.html')).toEqual({ key: 'k', sha256: 'a'.repeat(64), bytes: 4, stamp: changed.stamp });
  });
});

describe('keeping the replaced site as the spare', () => {
  const tempDir = useTempDirs('spare-keep-');
  // More pages than a spare is ever made anew below (SPARE_RENEWAL.from).
  const pages = Array.from({ length: SPARE_RENEWAL.from + 200 }, (_unused, position) => `articles/${position}.html`);

  /** A replaced site and a live one of the same pages, the first `changed` of them rendered again (the rest one file in both). */
  async function sites(changed: number): Promise<{ cache: string; replaced: string; live: string; before: Map<string, OutputRecord>; after: Map<string, OutputRecord> }> {
    const cache = await tempDir();
    const [replaced, live] = [join(cache, 'replaced'), join(cache, 'live')];
    await Promise.all([mkdir(join(replaced, 'articles'), { recursive: true }), mkdir(join(live, 'articles'), { recursive: true })]);
    const before = new Map<string, OutputRecord>();
    const after = new Map<string, OutputRecord>();
    const record = (tree: string, path: string): OutputRecord => ({ key: 'k', sha256: 'a'.repeat(64), bytes: 4, stamp: inodeStamp(join(tree, path)) as string });
    for (const [position, path] of pages.entries()) {
      await writeFile(join(replaced, path), 'old');
      if (position < changed) await writeFile(join(live, path), 'new');
      else await link(join(replaced, path), join(live, path));
      before.set(path, record(replaced, path));
      after.set(path, record(live, path));
    }
    return { cache, replaced, live, before, after };
  }

  it('keeps it, with the records where it differs, when most of it is the new site', async () => {
    const { cache, replaced, live, before, after } = await sites(10);
    const ownPage = (await stat(join(replaced, pages[0] as string))).ino;
    const spare = await keepAsSpare(replaced, live, cache, join(cache, 'trash'), before, new Set(), after);
    expect(spare?.differs.map(([path]) => path)).toEqual(pages.slice(0, 10));
    // The replaced site itself, its own pages and all.
    expect((await stat(join(cache, `spare-${spare?.id}`, pages[0] as string))).ino).toBe(ownPage);
  });

  it('makes it anew of the new site when most of it differs (a layout changed)', async () => {
    const { cache, replaced, live, before, after } = await sites(pages.length);
    const spare = await keepAsSpare(replaced, live, cache, join(cache, 'trash'), before, new Set(), after);
    expect(spare?.differs).toEqual([]);
    for (const path of [pages[0], pages.at(-1)] as string[]) {
      expect((await stat(join(cache, `spare-${spare?.id}`, path))).ino, path).toBe((await stat(join(live, path))).ino);
    }
    await expect(stat(replaced)).rejects.toThrow(/ENOENT/);
  });
});
