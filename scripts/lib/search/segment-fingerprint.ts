// Fingerprints that say when a segment of the search index must be indexed again: a
// segment's bundle is a function of its pages' bytes, in order, and of the search step's own
// code and settings, so a fingerprint of those names a bundle that can be taken from the cache.

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Bumped when the cache's layout or the bundle's post-processing changes without a source file below changing. */
const CACHE_FORMAT = 1;

/**
 * The code that decides what goes into a bundle: the Arabic normaliser (the variant
 * tokens), the indexed part of a page, how pages are fed to Pagefind and its bundle pruned,
 * and which pages share a vocabulary (the quarter).
 */
const SOURCES = ['../arabic/search-normalise.ts', '../arabic/normalise.ts', './indexed-page.ts', './pagefind-segment.ts', './search-segments.ts'];

export interface SearchStepSettings {
  /** The index's language (Pagefind's forceLanguage). */
  language: string;
  /** Whether the variant tokens are appended to each page. */
  variantTokens: boolean;
}

async function pagefindVersion(): Promise<string> {
  const main = fileURLToPath(import.meta.resolve('pagefind'));
  const manifest = JSON.parse(await readFile(join(dirname(main), '..', 'package.json'), 'utf8')) as { name?: string; version?: string };
  if (manifest.name !== 'pagefind' || !manifest.version) throw new Error(`search index: no version in Pagefind's package.json beside ${main}`);
  return manifest.version;
}

/** What every segment's bundle depends on besides its pages. */
export async function searchStepFingerprint(settings: SearchStepSettings): Promise<string> {
  const hash = createHash('sha256');
  hash.update(`format ${CACHE_FORMAT}\0pagefind ${await pagefindVersion()}\0language ${settings.language}\0variant tokens ${settings.variantTokens}\0`);
  for (const source of SOURCES) {
    hash.update(`${source}\0`).update(await readFile(join(import.meta.dirname, source))).update('\0');
  }
  return hash.digest('hex');
}

/** A segment's inputs: the step's fingerprint, then each page's URL and content hash in the order Pagefind gets them. */
export function segmentFingerprint(stepFingerprint: string, pages: readonly { url: string; sha256: string }[]): string {
  const hash = createHash('sha256').update(`${stepFingerprint}\n`);
  for (const page of pages) hash.update(`${JSON.stringify(page.url)} ${page.sha256}\n`);
  return hash.digest('hex');
}
