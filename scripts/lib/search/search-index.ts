// Indexes a built site with Pagefind's Node API: the pages that mark their searchable part
// (data-pagefind-body: the articles), each with its block of Arabic variant tokens. A large
// archive is indexed in shards (search-shards.ts), two at a time, each by its own Pagefind
// process; the search page merges them (assets/js/search-shards.ts).

import { readFileSync } from 'node:fs';
import { readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { SEARCH_SHARDS_FILE, type SearchShardsFile } from '../../../assets/js/search-shards.ts';
import { addToVocabulary, emptyVocabulary, variantTokenizer } from '../arabic/search-normalise.ts';
import { prepareInParallelCommitInOrder, TaskPool } from '../fs/bounded.ts';
import { walkFiles } from '../fs/walk-files.ts';
import { indexedText, isIndexedPage, pageDateKeys, documentForIndex } from './indexed-page.ts';
import { splitIntoShards, type SearchShard, type ShardablePage } from './search-shards.ts';

export interface SearchIndexOptions {
  /** The built site. */
  siteDir: string;
  /** Folder of the search bundle, relative to siteDir. Default 'pagefind'. */
  bundleDir?: string;
  /** ISO 639-1 language of the whole index (the site is one language). */
  language: string;
  /**
   * Append the variant tokens of search-normalise.ts to each page (default true). Off, the
   * pages are indexed as published: how `npm run search:recall` measures plain Pagefind.
   */
  variantTokens?: boolean;
  /** Pages in one shard of the index (default: all in one). */
  pagesPerShard?: number;
}

export interface SearchIndexResult {
  /** URLs of the indexed pages (site-relative, without the path prefix), in path order. */
  pages: string[];
  /** The shards written, newest first, as listed in the bundle's SEARCH_SHARDS_FILE. */
  shards: SearchShardsFile['shards'];
}

type PagefindModule = typeof import('pagefind');

interface IndexedPage extends ShardablePage {
  file: string;
}

// Pagefind writes every UI it has; the site uses its JS API only. In shards after the
// first, its scripts are not loaded either (the page loads the first shard's).
const UNUSED_BUNDLE_FILES = [
  'pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css',
  'pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-highlight.js',
];
const SCRIPTS_OF_THE_FIRST_SHARD = ['pagefind.js', 'pagefind-worker.js'];

const PAGES_IN_FLIGHT = 16;
/** Pagefind processes at work at once: one per core of this machine's two, each a shard. */
const PAGEFIND_PROCESSES = 2;

function pageUrl(siteDir: string, file: string): string {
  const path = relative(siteDir, file).split(sep).join('/');
  return `/${path.replace(/(^|\/)index\.html$/, '$1')}`;
}

function assertNoErrors(step: string, errors: string[]): void {
  if (errors.length > 0) throw new Error(`search index: ${step} failed:\n${errors.join('\n')}`);
}

// The pagefind module keeps one Pagefind process (its "service") per module instance.
// Imported under a query, the same file is a second module instance with a process of its
// own: how two shards are indexed at once. Each lane is closed when its work is done; builds
// running at the same time in one process (tests) each have their own lanes.
let lanesOpened = 0;
async function openPagefindLane(): Promise<PagefindModule> {
  lanesOpened += 1;
  return (await import(`${import.meta.resolve('pagefind')}?lane=${lanesOpened}`)) as PagefindModule;
}

/**
 * One built page as text. Synchronously: fs/promises' readFile with an encoding took four
 * times as long (5.2 s against 1.2 s for the 12,400 pages of a 10,000-article site).
 */
function readPage(file: string): string {
  return readFileSync(file, 'utf8');
}

/** Reads every indexed page once: its URL and date keys, and its words for the vocabulary. */
async function readIndexedPages(siteDir: string, bundleDir: string, learnWords: ((text: string) => void) | undefined): Promise<IndexedPage[]> {
  const pages: IndexedPage[] = [];
  for await (const file of walkFiles(siteDir)) {
    if (!file.endsWith('.html') || file.startsWith(bundleDir + sep)) continue;
    const html = readPage(file);
    if (!isIndexedPage(html)) continue;
    const url = pageUrl(siteDir, file);
    const keys = pageDateKeys(html);
    if (!keys) throw new Error(`search index: ${url} has no data-pagefind-sort date and year filter`);
    learnWords?.(indexedText(html));
    pages.push({ file, url, ...keys });
  }
  return pages;
}

async function indexShard(
  pagefind: PagefindModule,
  shard: SearchShard<IndexedPage>,
  outputPath: string,
  options: { language: string; tokensOf: ((text: string) => string[]) | undefined },
): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: options.language });
  assertNoErrors('starting Pagefind', errors);
  if (!index) throw new Error('search index: Pagefind returned no index');
  try {
    // Pages go to Pagefind several at a time (one at a time, Node sat idle waiting on each
    // answer), but strictly in shard order: Pagefind numbers pages as they arrive, and the
    // same site must give the same index. The HTML is read again here rather than kept: at
    // 100,000 articles it would be gigabytes.
    const inFlight = new TaskPool(PAGES_IN_FLIGHT);
    await prepareInParallelCommitInOrder(shard.pages, PAGES_IN_FLIGHT, async (page) => {
      const html = readPage(page.file);
      return { url: page.url, content: documentForIndex(html, options.tokensOf ? options.tokensOf(indexedText(html)) : []) };
    }, (prepared) => inFlight.add(async () => {
      const added = await index.addHTMLFile(prepared);
      assertNoErrors(`indexing ${prepared.url}`, added.errors);
    }));
    await inFlight.drain();
    const written = await index.writeFiles({ outputPath });
    assertNoErrors('writing the bundle', written.errors);
  } finally {
    await index.deleteIndex();
  }
}

/** Drops what the page never loads from a shard's folder: other UIs, unused WebAssembly. */
async function pruneShard(dir: string, isFirst: boolean): Promise<void> {
  if (!(await stat(join(dir, 'pagefind-entry.json')).catch(() => undefined))) {
    throw new Error(`search index: Pagefind wrote no pagefind-entry.json into ${dir}`);
  }
  const entry = JSON.parse(await readFile(join(dir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { wasm?: string }> };
  const wasmInUse = new Set(Object.values(entry.languages).map((language) => `wasm.${language.wasm ?? 'unknown'}.pagefind`));
  const unused = (await readdir(dir)).filter((name) =>
    UNUSED_BUNDLE_FILES.includes(name) || (!isFirst && SCRIPTS_OF_THE_FIRST_SHARD.includes(name)) || (name.startsWith('wasm.') && !wasmInUse.has(name)));
  await Promise.all(unused.map((name) => rm(join(dir, name), { force: true })));
}

export async function writeSearchIndex(options: SearchIndexOptions): Promise<SearchIndexResult> {
  const bundleDir = join(options.siteDir, options.bundleDir ?? 'pagefind');
  const withTokens = options.variantTokens !== false;
  const vocabulary = emptyVocabulary();
  const pages = await readIndexedPages(options.siteDir, bundleDir, withTokens ? (text) => addToVocabulary(vocabulary, text) : undefined);
  const shards = splitIntoShards(pages, options.pagesPerShard ?? Math.max(1, pages.length));
  const tokensOf = withTokens ? variantTokenizer(vocabulary) : undefined;

  // Every shard is written beside the bundle, then moved into place: the first becomes the
  // bundle folder, the others its shard-N/ folders.
  const writing = `${bundleDir}.shards`;
  await rm(writing, { recursive: true, force: true });
  const lanes = await Promise.all(Array.from({ length: Math.min(PAGEFIND_PROCESSES, shards.length) }, openPagefindLane));
  try {
    const queue = shards.entries();
    await Promise.all(lanes.map(async (pagefind) => {
      for (const [position, shard] of queue) {
        await indexShard(pagefind, shard, join(writing, String(position)), { language: options.language, tokensOf });
      }
    }));
  } finally {
    await Promise.all(lanes.map((pagefind) => pagefind.close()));
  }
  await rm(bundleDir, { recursive: true, force: true });
  for (const [position, shard] of shards.entries()) {
    const target = join(bundleDir, shard.path);
    await rename(join(writing, String(position)), target);
    await pruneShard(target, position === 0);
  }
  await rm(writing, { recursive: true, force: true });

  const listed: SearchShardsFile = {
    shards: shards.map((shard) => ({ path: shard.path, pages: shard.pages.length, years: shard.years })),
  };
  await writeFile(join(bundleDir, SEARCH_SHARDS_FILE), `${JSON.stringify(listed)}\n`);
  return { pages: pages.map(({ url }) => url), shards: listed.shards };
}
