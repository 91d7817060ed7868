// Indexes a built site with Pagefind's Node API: the pages that mark their searchable part
// (data-pagefind-body: the articles), each with its block of Arabic variant tokens.

import { readFile, rm, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { close, createIndex } from 'pagefind';
import { addToVocabulary, emptyVocabulary, variantTokenizer } from '../arabic/search-normalise.ts';
import { TaskPool } from '../fs/bounded.ts';
import { walkFiles } from '../fs/walk-files.ts';
import { indexedText, isIndexedPage, withVariantBlock } from './indexed-page.ts';

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
}

export interface SearchIndexResult {
  /** URLs of the indexed pages (site-relative, without the path prefix), in path order. */
  pages: string[];
}

// Pagefind writes every UI it has; the site uses its JS API only.
const UNUSED_BUNDLE_FILES = [
  'pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css',
  'pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-highlight.js',
];

const PAGES_IN_FLIGHT = 16;

// createIndex starts one Pagefind service per process; close() stops it. Builds running at
// the same time in one process (tests) must not stop it under each other.
let openIndexes = 0;

function pageUrl(siteDir: string, file: string): string {
  const path = relative(siteDir, file).split(sep).join('/');
  return `/${path.replace(/(^|\/)index\.html$/, '$1')}`;
}

function assertNoErrors(step: string, errors: string[]): void {
  if (errors.length > 0) throw new Error(`search index: ${step} failed:\n${errors.join('\n')}`);
}

export async function writeSearchIndex(options: SearchIndexOptions): Promise<SearchIndexResult> {
  const bundleDir = join(options.siteDir, options.bundleDir ?? 'pagefind');
  const pages: { url: string; html: string }[] = [];
  for await (const file of walkFiles(options.siteDir)) {
    if (!file.endsWith('.html') || file.startsWith(bundleDir + sep)) continue;
    const html = await readFile(file, 'utf8');
    if (isIndexedPage(html)) pages.push({ url: pageUrl(options.siteDir, file), html });
  }
  const vocabulary = emptyVocabulary();
  const texts = pages.map(({ html }) => indexedText(html));
  if (options.variantTokens !== false) for (const text of texts) addToVocabulary(vocabulary, text);

  openIndexes += 1;
  try {
    const { index, errors } = await createIndex({ forceLanguage: options.language });
    assertNoErrors('starting Pagefind', errors);
    if (!index) throw new Error('search index: Pagefind returned no index');
    try {
      // Pages go to Pagefind's service several at a time: one at a time, Node sat idle
      // waiting on each answer (three quarters of the step at 10k articles).
      const inFlight = new TaskPool(PAGES_IN_FLIGHT);
      const variantTokens = variantTokenizer(vocabulary);
      for (const [position, page] of pages.entries()) {
        const content = options.variantTokens === false ? page.html : withVariantBlock(page.html, variantTokens(texts[position] ?? ''));
        await inFlight.add(async () => {
          const added = await index.addHTMLFile({ url: page.url, content });
          assertNoErrors(`indexing ${page.url}`, added.errors);
        });
      }
      await inFlight.drain();
      await rm(bundleDir, { recursive: true, force: true });
      const written = await index.writeFiles({ outputPath: bundleDir });
      assertNoErrors('writing the bundle', written.errors);
    } finally {
      await index.deleteIndex();
    }
  } finally {
    openIndexes -= 1;
    if (openIndexes === 0) await close();
  }
  await Promise.all(UNUSED_BUNDLE_FILES.map((name) => rm(join(bundleDir, name), { force: true })));
  if (!(await stat(join(bundleDir, 'pagefind-entry.json')).catch(() => undefined))) {
    throw new Error(`search index: Pagefind wrote no pagefind-entry.json into ${bundleDir}`);
  }
  return { pages: pages.map(({ url }) => url) };
}
