// Where the service worker looks for the answer to a request, in order: a decision table
// over plain facts (pure, tested with tables; service-worker.ts carries it out). It keeps a
// saved copy whole: a page served from the copy gets the copy's files and never the
// network's or the shell's, so its search page, scripts and index are of one build.

import { SEARCH_SHARDS_FILE } from './search-shards.ts';

export interface RequestFacts {
  /** A page load (the request's mode is 'navigate'). */
  navigation: boolean;
  /** Site-relative, decoded, without the query: articles/x/, pagefind/pagefind.js. */
  path: string;
  /** The copy's version the requesting page was served from, if it was. */
  pinned?: string;
  /** The saved copy, if any: its version and whether it holds the path. */
  copy?: { version: string; holds: boolean };
  /** Whether this worker's shell holds the path. */
  shellHolds: boolean;
  /** This worker's build. */
  workerVersion: string;
}

/**
 * A place to look: the network (its failure means offline: what follows is marked as an
 * offline copy), the saved copy, the visited pages, the worker's shell, an archive of an
 * older worker, the offline page.
 */
export type Source = 'network' | 'copy' | 'visited' | 'shell' | 'legacy' | 'offline-page';

/** Pagefind's files named by their content (…/ar_1a2b3c.pf_index): the same name is the same bytes. */
const namedByContent = (path: string): boolean => /\.pf_[a-z]+$/.test(path);

/** The index's entry files, which name the rest: the site's newest whenever it can be reached. */
const isIndexEntry = (path: string): boolean => path.endsWith('/pagefind-entry.json') || path === `pagefind/${SEARCH_SHARDS_FILE}`;

export function requestPlan(facts: RequestFacts): Source[] {
  const { copy, path } = facts;
  const copyHolds = copy?.holds === true;
  if (facts.navigation) {
    // The site first; offline, the copy (whole), then the page as last seen, then the shell.
    return ['network', ...(copyHolds ? ['copy' as const] : []), 'visited', ...(facts.shellHolds ? ['shell' as const] : []), 'legacy', 'offline-page'];
  }
  // A page from the copy: the copy's files only, never a mix.
  if (copyHolds && facts.pinned !== undefined && facts.pinned === copy?.version) return ['copy'];
  const fallback: Source[] = [...(copyHolds ? ['copy' as const] : []), 'legacy'];
  // This build's assets: from the shell the worker installed.
  if (facts.shellHolds) return ['shell', 'network', ...fallback];
  // The index's files: from the copy when their name says their bytes or the copy is this build's.
  if (copyHolds && path.startsWith('pagefind/') && !isIndexEntry(path) && (namedByContent(path) || copy?.version === facts.workerVersion)) {
    return ['copy', 'network', 'legacy'];
  }
  return ['network', ...fallback];
}
