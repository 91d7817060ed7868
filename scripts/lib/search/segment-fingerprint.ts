// Fingerprints that say when a segment of the search index must be indexed again: a
// segment's bundle is a function of what Pagefind is given for its pages, in order (each
// page's URL, the parts of it Pagefind sees and the vocabulary its variant tokens come from),
// and of the search step's own code and settings, so a fingerprint of those names a bundle
// that can be taken from the cache. The rest of a page (masthead, footer, links to its
// neighbours) can change without indexing anything again.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { version as esbuildVersion } from 'esbuild';

/** Bumped when the cache's layout or the bundle's post-processing changes without a source file below changing. */
const CACHE_FORMAT = 2;

/**
 * The code that decides what goes into a bundle: the Arabic normaliser (the variant
 * tokens), the indexed part of a page, how pages are fed to Pagefind and its bundle pruned,
 * and which pages share a vocabulary (the segment).
 */
const SOURCES = ['../arabic/search-normalise.ts', '../arabic/normalise.ts', './indexed-page.ts', './pagefind-segment.ts', './search-segments.ts'];

export interface SearchStepSettings {
  /** The index's language (Pagefind's forceLanguage). */
  language: string;
  /** Whether the variant tokens are appended to each page. */
  variantTokens: boolean;
}

function pagefindVersion(): string {
  const main = fileURLToPath(import.meta.resolve('pagefind'));
  const manifest = JSON.parse(readFileSync(join(dirname(main), '..', 'package.json'), 'utf8')) as { name?: string; version?: string };
  if (manifest.name !== 'pagefind' || !manifest.version) throw new Error(`search index: no version in Pagefind's package.json beside ${main}`);
  return manifest.version;
}

/** What every segment's bundle depends on besides its pages. */
export function searchStepFingerprint(settings: SearchStepSettings): string {
  const hash = createHash('sha256');
  // esbuild minifies Pagefind's script (pagefind-segment.ts).
  hash.update(`format ${CACHE_FORMAT}\0pagefind ${pagefindVersion()}\0esbuild ${esbuildVersion}\0language ${settings.language}\0variant tokens ${settings.variantTokens}\0`);
  for (const source of SOURCES) {
    hash.update(`${source}\0`).update(readFileSync(join(import.meta.dirname, source))).update('\0');
  }
  return hash.digest('hex');
}

/** What a segment's fingerprint takes of each page. */
export interface FingerprintedPage {
  /** The URL Pagefind records. */
  url: string;
  /** The group of pages whose words make its variant tokens (PageToIndex's vocabulary). */
  vocabulary: string;
  /** SHA-256 of the parts of the page Pagefind is given (indexedPartsHash in indexed-page.ts). */
  indexedSha256: string;
}

/**
 * A segment's inputs: the step's fingerprint, then each page in the order Pagefind gets them.
 * The vocabularies need no more: each is made of the indexed text of the segment's own pages.
 */
export function segmentFingerprint(stepFingerprint: string, pages: readonly FingerprintedPage[]): string {
  // The same bytes as one update a page, in one: at 120,000 pages the updates were a tenth of a second.
  let text = `${stepFingerprint}\n`;
  for (const page of pages) text += `${JSON.stringify([page.url, page.vocabulary, page.indexedSha256])}\n`;
  return createHash('sha256').update(text).digest('hex');
}
