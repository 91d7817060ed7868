// Where the service worker looks for the answer to a request, in order: a decision table
// over plain facts (pure, tested with tables; service-worker.ts carries it out, taking the
// first place that has the file). It keeps a saved copy whole: a page served from the copy
// gets the copy's files first, so its search page, scripts and index are of one build. No
// step needs the saved copy's manifest read before it is reached, so a page loaded online
// never waits on it.

import { SEARCH_SHARDS_FILE } from './search-shards.ts';

export interface RequestFacts {
  /** A page load (the request's mode is 'navigate'). */
  navigation: boolean;
  /** Site-relative, decoded, without the query: articles/x/, pagefind/pagefind.js. */
  path: string;
  /** Whether the requesting page was served from the saved copy. */
  pinned: boolean;
  /** Whether this worker's shell holds the path. */
  shellHolds: boolean;
}

/**
 * A place to look: the network (its failure means offline: a page found after it is marked
 * as an offline copy); the saved copy (`pinned-copy`: only if it is the copy the page came
 * from; `same-build-copy`: only if it is this worker's build); the visited pages; the
 * worker's shell; an archive of an older worker; the offline page.
 */
export type Source = 'network' | 'copy' | 'pinned-copy' | 'same-build-copy' | 'visited' | 'shell' | 'legacy' | 'offline-page';

/** Pagefind's files named by their content (…/ar_1a2b3c.pf_index): the same name is the same bytes. */
const namedByContent = (path: string): boolean => /\.pf_[a-z]+$/.test(path);

/** The index's entry files, which name the rest: the site's newest whenever it can be reached. */
const isIndexEntry = (path: string): boolean => path.endsWith('/pagefind-entry.json') || path === `pagefind/${SEARCH_SHARDS_FILE}`;

export function requestPlan(facts: RequestFacts): Source[] {
  const { path } = facts;
  // The site first; offline, the copy (whole), then the page as last seen, then the shell.
  if (facts.navigation) return ['network', 'copy', 'visited', 'shell', 'legacy', 'offline-page'];
  const plan: Source[] = facts.pinned ? ['pinned-copy'] : [];
  // This build's assets: from the shell the worker installed.
  if (facts.shellHolds) return [...plan, 'shell', 'network', 'copy', 'legacy'];
  // The index's other files: from the copy when their name says their bytes, or when the copy
  // is this build's (Pagefind's script and WebAssembly); its entry files from the site first.
  if (path.startsWith('pagefind/') && !isIndexEntry(path)) {
    if (namedByContent(path)) return [...plan, 'copy', 'network', 'legacy'];
    return [...plan, 'same-build-copy', 'network', 'copy', 'legacy'];
  }
  return [...plan, 'network', 'copy', 'legacy'];
}
