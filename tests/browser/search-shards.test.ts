// A search index in segments finds what one index finds: a generated corpus over ten years,
// ingested and built, its index made again with segments of at most RUN_PAGES pages (so most
// quarters are cut into runs, as a large daily's are at 500), and a copy of the site indexed
// in one segment; then the same searches on the search page in Chromium: the same results
// and counts, the same newest-first order, the same results under section and year filters,
// and a year's search loads that year's segments only.
import { cp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchShardsFile } from '../../assets/js/search-shards.ts';
import { writeCorpus } from '../../scripts/tools/bench/generate-corpus.ts';
import { runIngestCommand } from '../../scripts/lib/ingest/ingest-command.ts';
import { startStaticServer, type RunningServer } from '../../scripts/lib/serve/static-server.ts';
import { writeSearchIndex } from '../../scripts/lib/search/search-index.ts';
import { launchChromium } from '../support/chromium.ts';
import { createFixtureSite, type FixtureSite } from '../support/fixture-site.ts';
import { useSuiteTempDirs } from '../support/temp-dir.ts';

const makeTempDir = useSuiteTempDirs('search-shards-');

const ARTICLES = 150;
/** About four articles a quarter: most quarters are cut into two runs, some into one or three. */
const RUN_PAGES = 2;

interface Built {
  root: string;
  server: RunningServer;
  shards: SearchShardsFile['shards'];
}

let site: FixtureSite;
let single: Built;
let segmented: Built;
let browser: Browser;
let page: Page;

async function served(root: string): Promise<Built> {
  const shards = (JSON.parse(await readFile(join(root, 'pagefind/search-shards.json'), 'utf8')) as SearchShardsFile).shards;
  const server = await startStaticServer({ root, pathPrefix: '/' });
  return { root, server, shards };
}

interface Found {
  status: string;
  urls: string[];
  /** Segment folders whose entry file the page fetched ('' for the bundle root). */
  segmentsLoaded: string[];
}

/** Every result of a search, through the page's own deep link and «more» button. */
async function searchAll(built: Built, params: Record<string, string>): Promise<Found> {
  const query = new URLSearchParams(params);
  const segmentsLoaded: string[] = [];
  const onRequest = (request: { url(): string }): void => {
    const entry = /\/pagefind\/(.*?)pagefind-entry\.json/.exec(request.url());
    if (entry) segmentsLoaded.push(entry[1] ?? '');
  };
  page.on('request', onRequest);
  await page.goto(`${built.server.url}search/?${query}`);
  await page.waitForFunction((term) => document.querySelector('[data-search-status]')?.textContent?.endsWith(`«${term}»`), params.q);
  const more = page.locator('[data-search-more]');
  while (await more.isVisible()) {
    const shown = await page.locator('.search-result').count();
    await more.click();
    await page.waitForFunction((count) => document.querySelectorAll('.search-result').length > count, shown);
  }
  page.off('request', onRequest);
  return {
    status: await page.locator('[data-search-status]').innerText(),
    urls: await page.locator('.search-result__link').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? '')),
    segmentsLoaded: [...new Set(segmentsLoaded)].sort(),
  };
}

const consoleErrors: string[] = [];

beforeAll(async () => {
  const raw = await makeTempDir();
  await writeCorpus({ articles: ARTICLES, outDir: raw, seed: 7 });
  site = await createFixtureSite([]);
  const code = await runIngestCommand([raw, '--out', join(site.contentDir, 'articles')], { stdout: () => {}, stderr: () => {}, isTerminal: false, cwd: site.dir });
  if (code !== 0) throw new Error(`ingest of the generated corpus exited with ${code}`);
  await site.build({ now: new Date('2026-01-01T00:00:00Z') });
  // The same site, its index in one segment; each page's variant tokens still from its run's vocabulary.
  const oneIndex = join(await makeTempDir(), 'site');
  await cp(site.outputDir, oneIndex, { recursive: true });
  await writeSearchIndex({ siteDir: site.outputDir, language: 'ar', segmentPages: RUN_PAGES });
  await writeSearchIndex({ siteDir: oneIndex, language: 'ar', oneSegment: true, segmentPages: RUN_PAGES });
  segmented = await served(site.outputDir);
  single = await served(oneIndex);
  browser = await launchChromium();
  page = await browser.newPage();
  page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(message.text()); });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all([single, segmented].map((built) => built?.server.close()));
  await site?.remove();
});

const SEARCHES: Record<string, string>[] = [
  { q: 'دمشق' },
  { q: 'دمشق', sort: 'newest' },
  { q: 'الحكومية' },
  { q: 'الحكومية', sort: 'newest' },
  { q: 'وزير الاقتصاد' },
  // Several words: a quarter without one of them must not answer with the others alone.
  { q: 'وزير الاقتصاد', sort: 'newest' },
  { q: 'وزير الاقتصاد', section: 'اقتصاد' },
  { q: 'وزير الاقتصاد', year: '2020' },
  { q: 'وزير الاقتصاد', year: '2020', sort: 'newest' },
  { q: 'سوريا', sort: 'newest' },
  { q: 'دمشق', section: 'اقتصاد' },
  { q: 'دمشق', section: 'اقتصاد', sort: 'newest' },
  { q: 'الحكومية', year: '2019' },
  { q: 'الحكومية', year: '2019', sort: 'newest' },
  { q: 'دمشق', year: '2024', sort: 'newest' },
  { q: 'الحكومية', section: 'سورية', sort: 'newest' },
  { q: 'لدمشق', sort: 'newest' },
];

describe('the index of the generated corpus', () => {
  it('is one segment in one site and runs of quarters, newest first, in the other', async () => {
    expect(single.shards).toHaveLength(1);
    expect(segmented.shards.length).toBeGreaterThanOrEqual(60);
    expect(segmented.shards.every((shard) => shard.pages >= 1 && shard.pages <= RUN_PAGES)).toBe(true);
    expect(segmented.shards.reduce((sum, shard) => sum + shard.pages, 0)).toBe(single.shards[0]?.pages);
    const names = segmented.shards.slice(1).map((shard) => shard.path);
    expect(names.every((name) => /^\d{4}-q[1-4](-\d+)?\/$/.test(name))).toBe(true);
    expect(names.filter((name) => /-\d+\/$/.test(name)).length).toBeGreaterThan(20);
    // Newest first: by quarter, then by run.
    const place = (name: string): [string, number] => [name.slice(0, 7), Number(/-(\d+)\/$/.exec(name)?.[1] ?? 1)];
    const sorted = [...names].sort((a, b) => (place(a)[0] !== place(b)[0] ? (place(a)[0] < place(b)[0] ? 1 : -1) : place(b)[1] - place(a)[1]));
    expect(names).toEqual(sorted);
    expect(segmented.shards.every((shard) => shard.years.length === 1)).toBe(true);
    const entry = JSON.parse(await readFile(join(segmented.root, 'pagefind', segmented.shards[1]?.path ?? '', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect(entry.languages.qaa?.page_count).toBe(segmented.shards[1]?.pages);
  });
});

describe('searching an index in segments', () => {
  it.each(SEARCHES.map((params) => [new URLSearchParams(params).toString(), params] as const))('finds what one index finds: %s', async (_label, params) => {
    const one = await searchAll(single, params);
    const many = await searchAll(segmented, params);
    expect(one.urls.length).toBeGreaterThan(0);
    expect(many.status).toBe(one.status);
    if (params.sort === 'newest') expect(many.urls).toEqual(one.urls);
    else expect([...many.urls].sort()).toEqual([...one.urls].sort());
    // A year's search loads the newest segment (Pagefind itself) and that year's segments only.
    const expected = params.year
      ? ['', ...segmented.shards.filter((shard) => shard.years.includes(params.year!)).map((shard) => shard.path)]
      : segmented.shards.map((shard) => shard.path);
    expect(many.segmentsLoaded).toEqual([...new Set(expected)].sort());
  });

  it('shows the first results from the newest segments only, says the count is so far, and asks older ones on «المزيد»', async () => {
    const entries: string[] = [];
    const onRequest = (request: { url(): string }): void => {
      const entry = /\/pagefind\/(.*?)pagefind-entry\.json/.exec(request.url());
      if (entry) entries.push(entry[1] ?? '');
    };
    page.on('request', onRequest);
    await page.goto(`${segmented.server.url}search/?q=${encodeURIComponent('دمشق')}`);
    await page.waitForFunction(() => document.querySelector('[data-search-status]')?.textContent?.endsWith('«دمشق»'));
    const firstShown = await page.locator('.search-result').count();
    expect(firstShown).toBe(10);
    expect(await page.locator('[data-search-status]').innerText()).toMatch(/حتى الآن للبحث عن «دمشق»$/);
    expect(await page.locator('[data-search-status]').getAttribute('data-complete')).toBe('false');
    expect(new Set(entries).size).toBeLessThan(segmented.shards.length / 2);
    await page.locator('[data-search-more]').click();
    await page.waitForFunction(() => document.querySelectorAll('.search-result').length > 10);
    expect(new Set(entries).size).toBeGreaterThan(1);
    page.off('request', onRequest);
  });

  it('logs no error to the console', () => {
    expect(consoleErrors).toEqual([]);
  });
});
