// Builds never lose the site: a build that fails half way or is killed leaves the last
// good site byte for byte, and two builds of the same content at the same "now" are
// byte-identical.
import { spawn } from 'node:child_process';
import { readdir, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderArticleDocument } from '../../scripts/lib/ingest/article-document.ts';
import { createFixtureSite, makeArticles, PROJECT_DIR, type FixtureSite } from '../support/fixture-site.ts';
import { differences, hashTree } from '../../scripts/lib/fs/compare-trees.ts';

const NOW = new Date('2017-08-01T12:00:00+03:00');
let site: FixtureSite;

beforeAll(async () => {
  site = await createFixtureSite(makeArticles(300));
  await site.build({ now: NOW });
});
afterAll(() => site?.remove());

async function leftovers(): Promise<string[]> {
  return (await readdir(site.dir)).filter((name) => name.startsWith('._site-'));
}

describe('a build that fails half way', () => {
  it('leaves the previous site byte-identical and no staging folder behind', async () => {
    const before = await hashTree(site.outputDir);
    const bad = join(site.contentDir, 'articles/2017/07/ffff000000000001.md');
    const article = makeArticles(1)[0]!;
    await writeFile(bad, renderArticleDocument({ ...article.frontMatter, id: 'ffff000000000001' }, article.paragraphs).replace(/^date: .*$/m, "date: 'not a date'"));
    try {
      await expect(site.build({ now: NOW })).rejects.toThrow(/ffff000000000001\.md:\d+ \(date\): .* date is not a real date/);
    } finally {
      await rm(bad);
    }
    expect(differences(before, await hashTree(site.outputDir))).toEqual([]);
    expect(await leftovers()).toEqual([]);
  });
});

describe('a build killed with SIGKILL', () => {
  it('leaves the previous site byte-identical, and the next build cleans up after it', async () => {
    const before = await hashTree(site.outputDir);
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/build.ts',
      '--input', relative(PROJECT_DIR, site.contentDir), '--output', relative(PROJECT_DIR, site.outputDir)], {
      cwd: PROJECT_DIR, env: { ...process.env, SITE_NOW: NOW.toISOString() }, stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
    // Kill as soon as the build has started writing pages into its staging folder.
    for (let waited = 0; waited < 60_000; waited += 20) {
      const staging = (await leftovers()).find((name) => name.startsWith('._site-build-'));
      if (staging && (await readdir(join(site.dir, staging), { recursive: true })).length > 20) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(await leftovers()).not.toEqual([]);
    expect(differences(before, await hashTree(site.outputDir))).toEqual([]);

    await site.build({ now: NOW });
    expect(await leftovers()).toEqual([]);
    expect(differences(before, await hashTree(site.outputDir))).toEqual([]);
  });
});

describe('two builds of the same content at the same now', () => {
  it('are byte-identical', async () => {
    const first = await hashTree(site.outputDir);
    await site.build({ now: NOW });
    expect(differences(first, await hashTree(site.outputDir))).toEqual([]);
    expect(first.size).toBeGreaterThan(300);
  });
});

describe('a build rendered in several Eleventy runs', () => {
  it('writes the same site as one run', async () => {
    const first = await hashTree(site.outputDir);
    await site.build({ now: NOW, clean: true, pagesPerRun: 37 });
    expect(differences(first, await hashTree(site.outputDir))).toEqual([]);
  });
});
