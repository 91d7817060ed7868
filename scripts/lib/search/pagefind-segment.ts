// Indexes one segment of the search index with Pagefind's Node API: its pages, each with the
// Arabic variant tokens of a vocabulary learnt from the pages of its own segment only (so a
// segment's bundle is a function of its own pages), into a folder, pruned of what the search
// page never loads. It runs in a lane's worker thread (pagefind-lane.ts); several segments are
// indexed at once, each by its own lane.

import { readFileSync } from 'node:fs';
import { readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { transform } from 'esbuild';
import { join } from 'node:path';
import { addWordsToVocabulary, distinctWords, emptyVocabulary, variantTokenizer, type SearchVocabulary } from '../arabic/search-normalise.ts';
import { TaskPool } from '../fs/bounded.ts';
import { documentForIndex, indexedHeadline, indexedParts, indexedText, type IndexedParts, type PageTokens } from './indexed-page.ts';

/** The pagefind module: one Pagefind process per instance of it (pagefind-lane.ts gives each lane its own). */
export type PagefindModule = typeof import('pagefind');

export interface PageToIndex {
  /** Site-relative URL Pagefind records (/articles/x/). */
  url: string;
  /** The built page on disk. */
  file: string;
  /**
   * The pages whose words make its vocabulary: its segment's (search-segments.ts). An index
   * in one segment (the tests' reference) still gives each page its segment's tokens.
   */
  vocabulary: string;
}

export interface SegmentIndexSettings {
  /** ISO 639-1 language of the whole index (the site is one language). */
  language: string;
  /** Append the variant tokens of search-normalise.ts to each page. */
  variantTokens: boolean;
}

// Pagefind writes every UI it has; the site uses its JS API only, on the page's own thread
// (assets/js/search-engine.ts sets noWorker), so its web worker script is never loaded either.
const UNUSED_BUNDLE_FILES = [
  'pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css',
  'pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-highlight.js', 'pagefind-worker.js',
];
/**
 * What the search page loads from the newest segment only (the bundle root): Pagefind's
 * script and its WebAssembly (merged segments reuse it). Kept in every segment's bundle in
 * the cache, since the newest segment becomes the second once a newer one begins.
 */
export function onlyInTheNewestSegment(path: string): boolean {
  return path === 'pagefind.js' || /^wasm\.[^/]+\.pagefind$/.test(path);
}

const PAGES_IN_FLIGHT = 16;

function assertNoErrors(step: string, errors: string[]): void {
  if (errors.length > 0) throw new Error(`search index: ${step} failed:\n${errors.join('\n')}`);
}

/**
 * One built page as text. Synchronously: fs/promises' readFile with an encoding took four
 * times as long (5.2 s against 1.2 s for the 12,400 pages of a 10,000-article site).
 */
function readPage(file: string): string {
  return readFileSync(file, 'utf8');
}

/** A page of the segment as read once: what Pagefind is given of it, and its words. */
interface ReadPage {
  page: PageToIndex;
  /** Its indexed parts; the whole page when it has none (Pagefind is then given it as it is). */
  document: IndexedParts | string;
  /** Distinct words of its indexed text and of its headline, as written. */
  words: string[];
  headlineWords: string[];
}

/**
 * Each page read and parsed once, for both the vocabulary and the document Pagefind gets.
 * Its parts are slices of the page, which they keep in memory: a lane holds one segment's
 * pages at a time (about 13 MB for 500 pages).
 */
function readSegment(pages: readonly PageToIndex[], settings: SegmentIndexSettings): ReadPage[] {
  return pages.map((page) => {
    const html = readPage(page.file);
    const parts = indexedParts(html);
    if (!parts || !settings.variantTokens) return { page, document: parts ?? html, words: [], headlineWords: [] };
    return { page, document: parts, words: distinctWords(indexedText(parts)), headlineWords: distinctWords(indexedHeadline(parts)) };
  });
}

/** The variant tokens of each page, from the vocabulary of its group's pages only. */
function segmentTokens(read: readonly ReadPage[], settings: SegmentIndexSettings): (page: ReadPage) => PageTokens {
  if (!settings.variantTokens) return () => ({ headline: [], text: [] });
  const vocabularies = new Map<string, SearchVocabulary>();
  for (const { page, words } of read) {
    let vocabulary = vocabularies.get(page.vocabulary);
    if (!vocabulary) vocabularies.set(page.vocabulary, vocabulary = emptyVocabulary());
    addWordsToVocabulary(vocabulary, words);
  }
  const tokenizers = new Map([...vocabularies].map(([group, vocabulary]) => [group, variantTokenizer(vocabulary)]));
  return ({ page, words, headlineWords }) => {
    const tokensOf = tokenizers.get(page.vocabulary) as (words: readonly string[]) => string[];
    return { headline: tokensOf(headlineWords), text: tokensOf(words) };
  };
}

/**
 * Pagefind's script as it ships is readable ES2022 (47 kB); minified by esbuild it is 32 kB,
 * a tenth of what a reader's first search may download (issue 12: ≤ 150 kB at 10,000
 * articles). A transform of the whole file, deterministic, that changes no behaviour; the
 * browser tests run the minified script.
 */
async function minifyPagefindScript(dir: string): Promise<void> {
  const file = join(dir, 'pagefind.js');
  const source = await readFile(file, 'utf8').catch(() => undefined);
  if (source === undefined) return;
  const { code } = await transform(source, { minify: true, format: 'esm', target: 'es2022', charset: 'utf8', legalComments: 'none' });
  await writeFile(file, code);
}

/** Drops what the page never loads from a bundle (other UIs, unused WebAssembly) and minifies Pagefind's script. */
async function pruneBundle(dir: string): Promise<void> {
  if (!(await stat(join(dir, 'pagefind-entry.json')).catch(() => undefined))) {
    throw new Error(`search index: Pagefind wrote no pagefind-entry.json into ${dir}`);
  }
  const entry = JSON.parse(await readFile(join(dir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { wasm?: string }> };
  const wasmInUse = new Set(Object.values(entry.languages).map((language) => `wasm.${language.wasm ?? 'unknown'}.pagefind`));
  const unused = (await readdir(dir)).filter((name) => UNUSED_BUNDLE_FILES.includes(name) || (name.startsWith('wasm.') && !wasmInUse.has(name)));
  await Promise.all(unused.map((name) => rm(join(dir, name), { force: true })));
  await minifyPagefindScript(dir);
}

/**
 * Writes the bundle of one segment's pages, given in the order Pagefind must number them,
 * into outputDir (which must not exist yet).
 */
export async function indexSegment(pagefind: PagefindModule, pages: readonly PageToIndex[], outputDir: string, settings: SegmentIndexSettings): Promise<void> {
  const read = readSegment(pages, settings);
  const tokensOf = segmentTokens(read, settings);
  const { index, errors } = await pagefind.createIndex({ forceLanguage: settings.language });
  assertNoErrors('starting Pagefind', errors);
  if (!index) throw new Error('search index: Pagefind returned no index');
  try {
    // Pages go to Pagefind several at a time (one at a time, Node sat idle waiting on each
    // answer), but handed over strictly in segment order: Pagefind numbers pages as they
    // arrive, and the same pages must give the same bundle.
    const inFlight = new TaskPool(PAGES_IN_FLIGHT);
    for (const page of read) {
      const prepared = { url: page.page.url, content: documentForIndex(page.document, tokensOf(page)) };
      await inFlight.add(async () => {
        const added = await index.addHTMLFile(prepared);
        assertNoErrors(`indexing ${prepared.url}`, added.errors);
      });
    }
    await inFlight.drain();
    const written = await index.writeFiles({ outputPath: outputDir });
    assertNoErrors('writing the bundle', written.errors);
  } finally {
    await index.deleteIndex();
  }
  await pruneBundle(outputDir);
}
