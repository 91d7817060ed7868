// The search step as the incremental build runs it: with a warm cache, after one page changed,
// it writes the bytes a run from scratch writes (index, manifest, summary, sw.js), indexing
// only the changed page's segment, and none when what changed is outside what Pagefind is
// given (a layout's footer, the links to a page's neighbours); a damaged cache is never
// trusted; and it never writes into a file it did not create (the staging folder's files are
// hard links to the live site's).
import { cp, link, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchShardsFile } from '../../assets/js/search-shards.ts';
import { siteSettings } from '../support/site-settings.ts';
import { compareTrees, differences, hashTree } from '../../scripts/lib/fs/compare-trees.ts';
import { buildSearch, type SearchBuildOptions } from '../../scripts/lib/search/build-search.ts';
import { hashBytes, type FileHash } from '../../scripts/lib/fs/file-hashes.ts';
import { siteAssets } from '../../scripts/lib/site/asset-fingerprint.ts';
import { createFixtureSite, makeArticles, PROJECT_DIR, type FixtureArticle, type FixtureSite } from '../support/fixture-site.ts';
import { useSuiteTempDirs } from '../support/temp-dir.ts';

const makeTempDir = useSuiteTempDirs('build-search-');

// Sixteen articles, one every 25 days back from 2017-07-31: five quarters, 2016-q3 to 2017-q3.
const articles: FixtureArticle[] = makeArticles(16).map((article, index) => {
  const date = new Date(Date.UTC(2017, 6, 31 - index * 25)).toISOString().slice(0, 10);
  // An old article with a word after ل that no page has on its own (لكازاخستان): whether it
  // gets the token كازاخستان depends on its segment's vocabulary, never on the newest page.
  const paragraphs = index === 12 ? [...article.paragraphs, 'وصل الوفد لكازاخستان أمس.'] : article.paragraphs;
  return { frontMatter: { ...article.frontMatter, date }, paragraphs };
});
const NEWEST = `articles/${articles[0]!.frontMatter.id}/index.html`;
// 2017-03-28: the 2017-q1 segment.
const OLDER = `articles/${articles[5]!.frontMatter.id}/index.html`;
const OLDER_SEGMENT = 'pagefind/2017-q1/';
const SEARCH_OUTPUTS = ['pagefind', 'sw.js', 'offline-archive.json', 'offline-archive', 'offline-archive-summary.json', 'assets/js/search.js', 'assets/js/offline.js', 'assets/js/more-menu.js', 'assets/js/offline-notice.js', ...siteAssets(PROJECT_DIR).written.map(({ path }) => path.slice(1))];

let site: FixtureSite;

beforeAll(async () => {
  site = await createFixtureSite(articles);
  await site.build();
});

afterAll(() => site?.remove());

/** A copy of the built site without the search step's output: what the renderer leaves. */
async function renderedSite(): Promise<string> {
  const dir = join(await makeTempDir(), 'site');
  await cp(site.outputDir, dir, { recursive: true });
  for (const path of SEARCH_OUTPUTS) await rm(join(dir, path), { recursive: true, force: true });
  return dir;
}

async function copyOf(dir: string): Promise<string> {
  const copy = join(await makeTempDir(), 'site');
  await cp(dir, copy, { recursive: true });
  return copy;
}

/** The engine's view of a folder: every file's hash and size. */
async function fileHashesOf(dir: string): Promise<Map<string, FileHash>> {
  const hashes = new Map<string, FileHash>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    hashes.set(path.slice(dir.length + 1).split('\\').join('/'), hashBytes(await readFile(path)));
  }
  return hashes;
}

/** Replaces a page the way the engine does: a new file, never a write into the old one. */
async function replacePage(dir: string, path: string, edit: (html: string) => string): Promise<void> {
  const html = await readFile(join(dir, path), 'utf8');
  const edited = edit(html);
  expect(edited).not.toBe(html);
  await rm(join(dir, path));
  await writeFile(join(dir, path), edited);
}

const addKazakhstan = (html: string): string => html.replace('فقرة ثانية من نص الخبر.', 'فقرة ثانية من نص الخبر عن كازاخستان.');

const run = (dir: string, options?: SearchBuildOptions) => buildSearch(dir, siteSettings, undefined, options);

async function segmentsOf(dir: string): Promise<SearchShardsFile['shards']> {
  return (JSON.parse(await readFile(join(dir, 'pagefind/search-shards.json'), 'utf8')) as SearchShardsFile).shards;
}

describe('the search step with a segment cache', () => {
  let live: string;
  let cacheDir: string;

  beforeAll(async () => {
    live = await renderedSite();
    cacheDir = join(await makeTempDir(), 'cache', 'search');
  });

  it('indexes every segment into an empty cache, and writes what a run without a cache writes', async () => {
    const result = await run(live, { cacheDir });
    expect(result).toMatchObject({ segments: 5, reindexedSegments: 5 });
    // What it wrote, with the hashes the engine records: every file of the index and the rest.
    const onDisk = await fileHashesOf(live);
    const written = [...onDisk.keys()].filter((path) => SEARCH_OUTPUTS.some((output) => path === output || path.startsWith(`${output}/`)));
    expect([...result.written.keys()].sort()).toEqual(written.sort());
    for (const [path, hash] of result.written) expect(hash, path).toEqual(onDisk.get(path));
    expect((await segmentsOf(live)).map((segment) => segment.path)).toEqual(['', '2017-q2/', '2017-q1/', '2016-q4/', '2016-q3/']);
    const scratch = await renderedSite();
    expect(await run(scratch)).toMatchObject({ segments: 5, reindexedSegments: 5 });
    expect(await compareTrees(scratch, live)).toEqual([]);
  });

  it('after one page changed, indexes its segment only and writes what a run from scratch on the same pages writes', async () => {
    await replacePage(live, NEWEST, addKazakhstan);
    const scratch = await copyOf(live);
    for (const path of SEARCH_OUTPUTS) await rm(join(scratch, path), { recursive: true, force: true });

    // What a run killed between its two renames leaves: the bundle it was replacing, beside the site's.
    await mkdir(join(live, '.pagefind-replaced'), { recursive: true });
    await writeFile(join(live, '.pagefind-replaced', 'pagefind-entry.json'), '{}');
    const result = await run(live, { cacheDir, fileHashes: await fileHashesOf(live) });
    expect(result).toMatchObject({ segments: 5, reindexedSegments: 1 });
    expect(await run(scratch)).toMatchObject({ reindexedSegments: 5 });
    expect(await compareTrees(scratch, live)).toEqual([]);
    // The old bundle is renamed away before the new one is renamed in, and removed: nothing is left beside it.
    expect((await readdir(live)).filter((name) => name.startsWith('.pagefind'))).toEqual([]);
  });

  it('takes everything from the cache when nothing changed, with or without the engine\'s hashes', async () => {
    const before = await hashTree(live);
    expect(await run(live, { cacheDir })).toMatchObject({ segments: 5, reindexedSegments: 0 });
    expect(await run(live, { cacheDir, fileHashes: await fileHashesOf(live) })).toMatchObject({ reindexedSegments: 0 });
    expect(await hashTree(live)).toEqual(before);
  });

  it('indexes nothing again when every page changed outside what Pagefind is given, and writes what a run from scratch writes', async () => {
    const hashes = await fileHashesOf(live);
    const pages = [...hashes.keys()].filter((path) => path.endsWith('.html') && !path.startsWith('pagefind/'));
    // A comment in the layout's footer, on every page.
    for (const path of pages) await replacePage(live, path, (html) => html.replace('<footer class="site-footer">', '<footer class="site-footer"><!-- ٢٠٢٦ -->'));
    // Text after the article; a new headline in an ignored box outside it (a neighbour's).
    await replacePage(live, NEWEST, (html) => html.replace('</article>', '</article><p>نص بعد الخبر عن كازاخستان</p>'));
    await replacePage(live, OLDER, (html) => html.replace(/(<nav class="section-neighbours"[^>]*data-pagefind-ignore[^>]*>[\s\S]*?<bdi dir="rtl">)/, '$1عنوان جديد لخبر مجاور: '));
    const scratch = await copyOf(live);
    for (const path of SEARCH_OUTPUTS) await rm(join(scratch, path), { recursive: true, force: true });
    const index = await hashTree(join(live, 'pagefind'));

    expect(await run(live, { cacheDir, fileHashes: await fileHashesOf(live) })).toMatchObject({ segments: 5, reindexedSegments: 0 });
    expect(await hashTree(join(live, 'pagefind'))).toEqual(index);
    expect(await run(scratch)).toMatchObject({ reindexedSegments: 5 });
    expect(await compareTrees(scratch, live)).toEqual([]);
  });

  it('remembers a changed page once read: the next run need not read it again', async () => {
    const hashes = await fileHashesOf(live);
    const saved = await readFile(join(live, NEWEST));
    await rm(join(live, NEWEST));
    try {
      expect(await run(live, { cacheDir, fileHashes: hashes })).toMatchObject({ reindexedSegments: 0 });
    } finally {
      await writeFile(join(live, NEWEST), saved);
    }
  });

  it('after a change inside a page\'s indexed part, indexes exactly that page\'s segment', async () => {
    await replacePage(live, OLDER, addKazakhstan);
    const scratch = await copyOf(live);
    for (const path of SEARCH_OUTPUTS) await rm(join(scratch, path), { recursive: true, force: true });
    const before = await hashTree(live);

    expect(await run(live, { cacheDir, fileHashes: await fileHashesOf(live) })).toMatchObject({ segments: 5, reindexedSegments: 1 });
    const changed = differences(before, await hashTree(live)).filter((path) => path.startsWith('pagefind/'));
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.filter((path) => !path.startsWith(OLDER_SEGMENT))).toEqual([]);
    await run(scratch);
    expect(await compareTrees(scratch, live)).toEqual([]);
  });

  it('reads no page of a cached segment when given the engine\'s hashes', async () => {
    const hashes = await fileHashesOf(live);
    const before = await hashTree(live);
    // Gone from disk, but still listed: nothing may need its bytes.
    const saved = await readFile(join(live, OLDER));
    await rm(join(live, OLDER));
    try {
      expect(await run(live, { cacheDir, fileHashes: hashes })).toMatchObject({ reindexedSegments: 0 });
    } finally {
      await writeFile(join(live, OLDER), saved);
    }
    expect(await hashTree(live)).toEqual(before);
  });

  it('keeps only the entries the last run used', async () => {
    const entries = (await readdir(join(cacheDir, 'segments'))).sort();
    expect(entries).toHaveLength(5);
    expect(entries.every((name) => /^[0-9a-f]{64}$/.test(name))).toBe(true);
  });

  it('ignores damaged entries and garbage, indexes those segments again, and writes the same bytes', async () => {
    const before = await hashTree(live);
    const entries = await readdir(join(cacheDir, 'segments'));
    // A fragment with other bytes; a list of files that is not JSON; an entry without its list.
    const fragments = join(cacheDir, 'segments', entries[0]!, 'bundle', 'fragment');
    const fragment = join(fragments, (await readdir(fragments))[0]!);
    const bytes = await readFile(fragment);
    await rm(fragment);
    await writeFile(fragment, Buffer.from(bytes.map((byte) => byte ^ 0xff)));
    await writeFile(join(cacheDir, 'segments', entries[1]!, 'files.json'), '{"fingerprint": "');
    await rm(join(cacheDir, 'segments', entries[2]!, 'files.json'));
    await writeFile(join(cacheDir, 'segments', 'not-a-fingerprint'), 'garbage');
    await mkdir(join(cacheDir, 'segments', '.writing-000000000000', 'bundle'), { recursive: true });
    await writeFile(join(cacheDir, 'pages.json'), '[1, 2');

    expect(await run(live, { cacheDir, fileHashes: await fileHashesOf(live) })).toMatchObject({ segments: 5, reindexedSegments: 3 });
    expect(await hashTree(live)).toEqual(before);
    expect((await readdir(join(cacheDir, 'segments'))).sort()).toEqual([...entries].sort());
    expect(await run(live, { cacheDir })).toMatchObject({ reindexedSegments: 0 });
  });

  it('moves the newest segment into a folder of its own when a new quarter begins, and indexes only the new one', async () => {
    const next = await copyOf(live);
    // The newest article moves to October: 2017-q4 is new, 2017-q3 loses it.
    await replacePage(next, NEWEST, (html) => html.replace('data-pagefind-sort="date:2017-07-31T00:00:00"', 'data-pagefind-sort="date:2017-10-01T00:00:00"'));
    const scratch = await copyOf(next);
    expect(await run(next, { cacheDir, fileHashes: await fileHashesOf(next) })).toMatchObject({ segments: 6, reindexedSegments: 2 });
    expect((await segmentsOf(next)).map((segment) => segment.path)).toEqual(['', '2017-q3/', '2017-q2/', '2017-q1/', '2016-q4/', '2016-q3/']);
    const newestOnly = ['pagefind.js', 'wasm.unknown.pagefind'];
    expect((await readdir(join(next, 'pagefind/2017-q3'))).filter((name) => newestOnly.includes(name))).toEqual([]);
    expect(await readdir(join(next, 'pagefind'))).toEqual(expect.arrayContaining(newestOnly));
    await run(scratch);
    expect(await compareTrees(scratch, next)).toEqual([]);
  });
});

describe('the search step in a served folder (npm start\'s _site)', () => {
  it('places only what differs, by rename, sweeps what no record names, and leaves what a run from scratch writes', async () => {
    const served = await renderedSite();
    const servedCache = join(await makeTempDir(), 'cache', 'search');
    await run(served, { cacheDir: servedCache });
    await replacePage(served, OLDER, addKazakhstan);
    const scratch = await copyOf(served);
    for (const path of SEARCH_OUTPUTS) await rm(join(scratch, path), { recursive: true, force: true });
    // What the last build recorded of the folder, then what no record names: a file left by
    // hand, and a temporary file of a run killed mid-rename.
    const present = await fileHashesOf(served);
    const inodes = new Map<string, number>();
    for (const path of present.keys()) if (path.startsWith('pagefind/')) inodes.set(path, (await stat(join(served, path))).ino);
    await writeFile(join(served, 'pagefind', '2016-q3', 'left-by-hand.pf_fragment'), 'x');
    await writeFile(join(served, 'pagefind', '.pagefind-entry.json.0123456789ab.tmp'), '{}');

    const result = await run(served, { cacheDir: servedCache, fileHashes: await fileHashesOf(served), present, served: true });
    expect(result).toMatchObject({ segments: 5, reindexedSegments: 1 });
    await run(scratch);
    expect(await compareTrees(scratch, served)).toEqual([]);
    // Every file of the index outside the changed segment is the very file it was (not linked again); the changed segment's entry is another.
    const kept = [...inodes].filter(([path]) => !path.startsWith(OLDER_SEGMENT) && path !== 'pagefind/search-shards.json');
    expect(kept.length).toBeGreaterThan(20);
    for (const [path, ino] of kept) expect((await stat(join(served, path))).ino, path).toBe(ino);
    expect((await stat(join(served, OLDER_SEGMENT, 'pagefind-entry.json'))).ino).not.toBe(inodes.get(`${OLDER_SEGMENT}pagefind-entry.json`));
    for (const [path] of kept) expect(result.untouched.has(path), path).toBe(true);
  });
});

/** A folder whose every file is a hard link to the other's: the staging folder of an incremental build. */
async function hardLinkedClone(dir: string): Promise<string> {
  const clone = join(await makeTempDir(), 'staging');
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const target = join(clone, path.slice(dir.length + 1));
    await mkdir(dirname(target), { recursive: true });
    await link(path, target);
  }
  return clone;
}

describe('the search step in a folder of hard links to the live site', () => {
  it('never changes a byte of the live site, through a cold and a warm cache', async () => {
    const live = await renderedSite();
    await run(live);
    // Scripts the live site's build wrote that this build writes anew: a write into them
    // would show even where the bytes written are the same.
    for (const path of ['assets/js/search.js', 'assets/js/offline.js', 'assets/js/offline-notice.js', 'sw.js']) {
      await writeFile(join(live, path), `${await readFile(join(live, path), 'utf8')}\n// the live site's\n`);
    }
    const before = await hashTree(live);
    const cacheDir = join(await makeTempDir(), 'search-cache');

    const staging = await hardLinkedClone(live);
    await replacePage(staging, NEWEST, addKazakhstan);
    expect(await run(staging, { cacheDir, fileHashes: await fileHashesOf(staging) })).toMatchObject({ reindexedSegments: 5 });
    expect(await hashTree(live)).toEqual(before);

    // The next build: its staging folder links to this one's output, index and all (whose
    // files are themselves links into the cache).
    const next = await hardLinkedClone(staging);
    const beforeNext = await hashTree(staging);
    const cacheBefore = await hashTree(cacheDir);
    await replacePage(next, OLDER, addKazakhstan);
    expect(await run(next, { cacheDir, fileHashes: await fileHashesOf(next) })).toMatchObject({ reindexedSegments: 1 });
    expect(await hashTree(staging)).toEqual(beforeNext);
    expect(await hashTree(live)).toEqual(before);
    // The cache's bundles were linked into both sites: the entries kept are as they were.
    const cacheAfter = await hashTree(cacheDir);
    for (const [path, hash] of cacheAfter) if (path.startsWith('segments/') && cacheBefore.has(path)) expect(hash, path).toBe(cacheBefore.get(path));
  });
});
