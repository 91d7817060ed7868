// A Pagefind lane indexes a segment in a worker thread of its own: the bundle it writes is the
// one any lane writes from the same pages (each lane has its own Pagefind process), a failed
// segment rejects with what went wrong while the lane goes on with the next, and closing it
// ends its worker and its Pagefind process.
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareTrees } from '../../scripts/lib/fs/compare-trees.ts';
import { SEARCH_INDEX_LANGUAGE } from '../../scripts/lib/arabic/search-normalise.ts';
import { openPagefindLane } from '../../scripts/lib/search/pagefind-lane.ts';
import type { PageToIndex } from '../../scripts/lib/search/pagefind-segment.ts';
import { createFixtureSite, makeArticles, type FixtureSite } from '../support/fixture-site.ts';
import { useSuiteTempDirs } from '../support/temp-dir.ts';

const makeTempDir = useSuiteTempDirs('pagefind-lane-');
const settings = { language: SEARCH_INDEX_LANGUAGE, variantTokens: true };
const articles = makeArticles(3);

let site: FixtureSite;
let pages: PageToIndex[];
beforeAll(async () => {
  site = await createFixtureSite(articles);
  await site.build();
  pages = articles.map(({ frontMatter }) => ({ url: `/articles/${frontMatter.id}/`, file: join(site.outputDir, 'articles', frontMatter.id, 'index.html'), vocabulary: 'one' }));
});
afterAll(() => site?.remove());

/** This process's Pagefind children, from /proc: '<pid> <state>' each (Z: exited, never waited for). */
function pagefindChildren(): string[] {
  const children: string[] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let stat: string;
    try { stat = readFileSync(`/proc/${pid}/stat`, 'utf8'); } catch { continue; }
    // pid (comm) state ppid …: comm may hold spaces, so read from its closing parenthesis.
    const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(ppid) === process.pid && comm.startsWith('pagefind')) children.push(`${pid} ${state}`);
  }
  return children;
}

const pageCount = async (bundle: string): Promise<number> => {
  const entry = JSON.parse(await readFile(join(bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
};

describe('a Pagefind lane', () => {
  it('writes the same bundle as another lane from the same pages, each in its own process at once', async () => {
    const [first, second] = [openPagefindLane(), openPagefindLane()];
    const [a, b] = [join(await makeTempDir(), 'bundle'), join(await makeTempDir(), 'bundle')];
    try {
      await Promise.all([first.index(pages, a, settings), second.index(pages, b, settings)]);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
    expect(await pageCount(a)).toBe(3);
    expect(await compareTrees(a, b)).toEqual([]);
  });

  it('rejects a segment it cannot index, naming the page, and indexes the next one', async () => {
    const lane = openPagefindLane();
    try {
      const missing = { url: '/articles/gone/', file: join(site.outputDir, 'articles', 'gone', 'index.html'), vocabulary: 'one' };
      await expect(lane.index([...pages, missing], join(await makeTempDir(), 'bundle'), settings)).rejects.toThrow(/articles\/gone\/index\.html/);
      const next = join(await makeTempDir(), 'bundle');
      await lane.index(pages.slice(0, 2), next, settings);
      expect(await pageCount(next)).toBe(2);
    } finally {
      await lane.close();
    }
  });

  it('leaves no Pagefind process behind once closed, not even one waiting to be reaped', async () => {
    const lane = openPagefindLane();
    try {
      await lane.index(pages, join(await makeTempDir(), 'bundle'), settings);
      expect(pagefindChildren()).toHaveLength(1);
    } finally {
      await lane.close();
    }
    expect(pagefindChildren()).toEqual([]);
  });

  it('turns away work once closed', async () => {
    const lane = openPagefindLane();
    await lane.close();
    await expect(lane.index(pages, join(await makeTempDir(), 'bundle'), settings)).rejects.toThrow(/Pagefind lane stopped/);
  });
});
