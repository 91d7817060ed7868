// A sharded search index finds what one index finds: a generated corpus, ingested and built
// twice — in one shard, and in shards of 25 articles — then the same searches on the search
// page in Chromium: the same results and counts, the same newest-first order, the same
// results under section and year filters.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchShardsFile } from '../../assets/js/search-shards.ts';
import { writeCorpus } from '../../scripts/lib/bench/generate-corpus.ts';
import { runIngestCommand } from '../../scripts/lib/ingest/ingest-command.ts';
import { startStaticServer, type RunningServer } from '../../scripts/lib/serve/static-server.ts';
import { launchChromium } from '../support/chromium.ts';
import { createFixtureSite, type FixtureSite } from '../support/fixture-site.ts';
import { useSuiteTempDirs } from '../support/temp-dir.ts';

const makeTempDir = useSuiteTempDirs('search-shards-');

const ARTICLES = 150;
const PAGES_PER_SHARD = 25;

interface Built {
  site: FixtureSite;
  server: RunningServer;
  shards: SearchShardsFile['shards'];
}

let single: Built;
let sharded: Built;
let browser: Browser;
let page: Page;

async function builtSite(rawDir: string, pagesPerShard: number): Promise<Built> {
  const site = await createFixtureSite([]);
  const code = await runIngestCommand([rawDir, '--out', join(site.contentDir, 'articles')], { stdout: () => {}, stderr: () => {}, isTerminal: false, cwd: site.dir });
  if (code !== 0) throw new Error(`ingest of the generated corpus exited with ${code}`);
  await site.build({ now: new Date('2026-01-01T00:00:00Z'), site: { searchPagesPerShard: pagesPerShard } });
  const shards = (JSON.parse(await site.read('pagefind/search-shards.json')) as SearchShardsFile).shards;
  const server = await startStaticServer({ root: site.outputDir, pathPrefix: '/' });
  return { site, server, shards };
}

interface Found {
  status: string;
  urls: string[];
}

/** Every result of a search, through the page's own deep link and «more» button. */
async function searchAll(built: Built, params: Record<string, string>): Promise<Found> {
  const query = new URLSearchParams(params);
  await page.goto(`${built.server.url}search/?${query}`);
  await page.waitForFunction((term) => document.querySelector('[data-search-status]')?.textContent?.endsWith(`«${term}»`), params.q);
  const more = page.locator('[data-search-more]');
  while (await more.isVisible()) {
    const shown = await page.locator('.search-result').count();
    await more.click();
    await page.waitForFunction((count) => document.querySelectorAll('.search-result').length > count, shown);
  }
  return {
    status: await page.locator('[data-search-status]').innerText(),
    urls: await page.locator('.search-result__link').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? '')),
  };
}

beforeAll(async () => {
  const raw = await makeTempDir();
  await writeCorpus({ articles: ARTICLES, outDir: raw, seed: 7 });
  single = await builtSite(raw, 1_000_000);
  sharded = await builtSite(raw, PAGES_PER_SHARD);
  browser = await launchChromium();
  page = await browser.newPage();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all([single, sharded].map(async (built) => {
    await built?.server.close();
    await built?.site.remove();
  }));
});

const SEARCHES: Record<string, string>[] = [
  { q: 'دمشق' },
  { q: 'دمشق', sort: 'newest' },
  { q: 'الحكومة' },
  { q: 'الحكومة', sort: 'newest' },
  { q: 'وزير الاقتصاد' },
  { q: 'سوريا', sort: 'newest' },
  { q: 'دمشق', section: 'اقتصاد' },
  { q: 'دمشق', section: 'اقتصاد', sort: 'newest' },
  { q: 'الحكومة', year: '2019' },
  { q: 'الحكومة', year: '2019', sort: 'newest' },
  { q: 'دمشق', year: '2024', sort: 'newest' },
  { q: 'الحكومة', section: 'سورية', sort: 'newest' },
  { q: 'لدمشق', sort: 'newest' },
];

describe('the index of the generated corpus', () => {
  it('is one shard in one build and several, of contiguous dates, in the other', async () => {
    expect(single.shards).toHaveLength(1);
    expect(sharded.shards.length).toBeGreaterThanOrEqual(ARTICLES / PAGES_PER_SHARD - 1);
    expect(sharded.shards.reduce((sum, shard) => sum + shard.pages, 0)).toBe(single.shards[0]?.pages);
    const entry = JSON.parse(await readFile(join(sharded.site.outputDir, 'pagefind', sharded.shards[1]?.path ?? '', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect(entry.languages.ar?.page_count).toBe(sharded.shards[1]?.pages);
  });
});

describe('searching a sharded index', () => {
  it.each(SEARCHES.map((params) => [new URLSearchParams(params).toString(), params] as const))('finds what one index finds: %s', async (_label, params) => {
    const one = await searchAll(single, params);
    const many = await searchAll(sharded, params);
    expect(one.urls.length).toBeGreaterThan(0);
    expect(many.status).toBe(one.status);
    if (params.sort === 'newest') expect(many.urls).toEqual(one.urls);
    else expect([...many.urls].sort()).toEqual([...one.urls].sort());
  });
});
