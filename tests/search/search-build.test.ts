// The search step of a build, through `npm run build`'s own entry point: the Pagefind index
// holds the articles and nothing else (no list page), with their filters, sort key and meta;
// the offline archive lists what it must; the same content and "now" give the same bytes.
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../scripts/lib/build/build-site.ts';
import { siteSettings } from '../support/site-settings.ts';
import type { ArchiveManifest } from '../../assets/js/cache-names.ts';
import { readArchiveManifest } from '../support/archive-manifest.ts';
import type { SearchShardsFile } from '../../assets/js/search-shards.ts';
import { createFixtureSite, makeArticles, PROJECT_DIR, type FixtureSite } from '../support/fixture-site.ts';
import { isPrecompressedCopy } from '../../scripts/lib/site/precompress.ts';

const NOW = '2017-08-01T12:00:00+03:00';
const articles = makeArticles(45);
const run = promisify(execFile);

interface Fragment {
  url: string;
  content: string;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
}

let site: FixtureSite;
let files: string[];
let fragments: Fragment[];

/** The fragments of every segment of the index (one per quarter: 2017-q3 and 2017-q2 here). */
async function readFragments(bundleDir: string): Promise<Fragment[]> {
  const { shards } = JSON.parse(await readFile(join(bundleDir, 'search-shards.json'), 'utf8')) as SearchShardsFile;
  const fragments = await Promise.all(shards.map(async (segment) => {
    const folder = join(bundleDir, segment.path, 'fragment');
    return Promise.all((await readdir(folder)).map(async (name) => {
      const text = gunzipSync(await readFile(join(folder, name))).toString('utf8');
      return JSON.parse(text.replace(/^pagefind_dcd/, '')) as Fragment;
    }));
  }));
  return fragments.flat();
}

beforeAll(async () => {
  site = await createFixtureSite(articles);
  // `npm run build` runs scripts/build.ts: the same entry point, on the fixture's content.
  await run(process.execPath, ['--import', 'tsx', 'scripts/build.ts', '--input', site.contentDir, '--output', site.outputDir], {
    cwd: PROJECT_DIR, env: { ...process.env, SITE_NOW: NOW },
  });
  files = await site.files();
  fragments = await readFragments(join(site.outputDir, 'pagefind'));
});

afterAll(() => site?.remove());

describe('the search index of npm run build', () => {
  it('is written into the site', () => {
    expect(files).toEqual(expect.arrayContaining(['pagefind/pagefind-entry.json', 'pagefind/pagefind.js', 'pagefind/wasm.unknown.pagefind']));
  });

  it('holds every article page and nothing else: no home, section, tag, archive or search page', async () => {
    const articleUrls = articles.map((item) => `/articles/${item.frontMatter.id}/`).sort();
    expect(fragments.map((fragment) => fragment.url).sort()).toEqual(articleUrls);
    const { shards } = JSON.parse(await site.read('pagefind/search-shards.json')) as SearchShardsFile;
    expect(shards.map((segment) => [segment.path, segment.pages, segment.years])).toEqual([['', 31, ['2017']], ['2017-q2/', 14, ['2017']]]);
    for (const segment of shards) {
      const entry = JSON.parse(await site.read(`pagefind/${segment.path}pagefind-entry.json`)) as { languages: Record<string, { page_count: number }> };
      expect(entry.languages.qaa?.page_count).toBe(segment.pages);
    }
    // The list pages exist, and are simply not indexed.
    expect(files).toEqual(expect.arrayContaining(['index.html', 'page/1/index.html', 'sections/syria/index.html', 'tags/damascus/index.html', 'archive/2017/07/index.html', 'search/index.html']));
  });

  it('gives each article its section and year as filters (the filters the page offers) and its title, date, section and summary as meta', () => {
    const first = fragments.find((fragment) => fragment.url === `/articles/${articles[0]!.frontMatter.id}/`)!;
    // No tags filter: the page has no control for it (the largest filter file, never used).
    expect(first.filters).toEqual({ section: ['سورية'], year: ['2017'] });
    expect(first.meta).toEqual({
      title: 'خبر رقم 1 عن الأحداث في دمشق', date: 'الاثنين 31 تموز 2017', section: 'سورية', summary: 'ملخص الخبر رقم 1.',
    });
  });

  it('indexes the headline, byline and text, not the section name or date line', () => {
    const first = fragments.find((fragment) => fragment.url === `/articles/${articles[0]!.frontMatter.id}/`)!;
    expect(first.content.startsWith('خبر رقم 1 عن الأحداث في دمشق. وكالات ملخص الخبر رقم 1.')).toBe(true);
    expect(first.content).not.toContain('تموز');
  });

  it('sorts by a numeric date every article has', async () => {
    const html = await site.read(`articles/${articles[0]!.frontMatter.id}/index.html`);
    expect(html).toContain('data-pagefind-sort="date:2017-07-31T00:00:00"');
  });

  it('keeps the variant tokens out of the published page', async () => {
    const html = await site.read(`articles/${articles[0]!.frontMatter.id}/index.html`);
    expect(html).not.toContain('⁂');
    expect(fragments.every((fragment) => fragment.content.includes('⁂'))).toBe(true);
  });

  it('ships none of the Pagefind UIs the site does not use', () => {
    expect(files.filter((file) => /pagefind\/(.*\/)?pagefind-(component-|modular-)?ui|highlight/.test(file))).toEqual([]);
    // The search page loads Pagefind's scripts and WebAssembly from the newest segment only.
    expect(files).toEqual(expect.arrayContaining(['pagefind/2017-q2/pagefind-entry.json']));
    expect(files.filter((file) => file.startsWith('pagefind/2017-q2/') && (file.endsWith('.js') || file.includes('wasm')))).toEqual([]);
  });
});

describe('the offline archive', () => {
  let manifest: ArchiveManifest;
  beforeAll(async () => {
    manifest = await readArchiveManifest(site.outputDir);
  });

  it('lists the whole index and every article page, with their sizes', async () => {
    const paths = manifest.files.map((file) => file.path);
    // Not the precompressed .br and .gz beside the text files (precompress.ts): a browser asks for the file itself.
    expect(paths).toEqual(expect.arrayContaining(files.filter((file) => file.startsWith('pagefind/') && !file.startsWith('pagefind/wasm.unknown') && !isPrecompressedCopy(file))));
    expect(paths.filter((path) => isPrecompressedCopy(path))).toEqual([]);
    expect(paths).toEqual(expect.arrayContaining(articles.map((item) => `articles/${item.frontMatter.id}/`)));
    const entry = manifest.files.find((file) => file.path === 'pagefind/pagefind-entry.json')!;
    expect(entry.bytes).toBe(Buffer.byteLength(await site.read('pagefind/pagefind-entry.json')));
    expect(manifest.bytes).toBe(manifest.files.reduce((sum, file) => sum + file.bytes, 0));
  });

  it('is summed up for the search page in a small file that does not grow with the archive', async () => {
    const summary = JSON.parse(await site.read('offline-archive-summary.json')) as { version: string; bytes: number; searchBytes: number; files: number };
    expect(summary).toEqual({ version: manifest.version, bytes: manifest.bytes, searchBytes: manifest.searchBytes, files: manifest.files.length });
    expect(Buffer.byteLength(await site.read('offline-archive-summary.json'))).toBeLessThan(120);
    expect(await site.read('sw.js')).toContain('offline-archive-summary.json');
  });

  it('gives the service worker its version', async () => {
    expect(manifest.version).toMatch(/^[0-9a-f]{16}$/);
    expect(await site.read('sw.js')).toContain(`"${manifest.version}"`);
  });

  it('is the same, index and service worker included, for the same content and now', async () => {
    const again = join(site.dir, '_site-again');
    await buildSite({
      projectDir: PROJECT_DIR, inputDir: site.contentDir, outputDir: again,
      context: { site: siteSettings, now: new Date(NOW), includeDrafts: false },
    });
    const searchFiles = files.filter((file) => file.startsWith('pagefind/') || file.startsWith('offline-archive/') || ['sw.js', 'offline-archive.json', 'offline-archive-summary.json', 'assets/js/search.js', 'assets/js/offline.js', 'assets/js/offline-notice.js'].includes(file));
    for (const file of searchFiles) expect(await readFile(join(again, file)), file).toEqual(await readFile(join(site.outputDir, file)));
  });
});
