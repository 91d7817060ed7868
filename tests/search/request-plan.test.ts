// Where the service worker answers each request from: the site while it can be reached, the
// saved copy whole when a page came from it, the shell for this build's assets.
import { describe, expect, it } from 'vitest';
import { requestPlan, type RequestFacts } from '../../assets/js/request-plan.ts';

const facts = (more: Partial<RequestFacts>): RequestFacts => ({ navigation: false, path: 'x', shellHolds: false, workerVersion: 'v2', ...more });
const COPY_V1 = { version: 'v1', holds: true };
const COPY_V2 = { version: 'v2', holds: true };
const NOT_IN_COPY = { version: 'v1', holds: false };

describe('requestPlan', () => {
  it.each([
    ['a saved article', facts({ navigation: true, path: 'articles/a/', copy: COPY_V1 }), ['network', 'copy', 'visited', 'legacy', 'offline-page']],
    ['the search page, saved and in the shell', facts({ navigation: true, path: 'search/', copy: COPY_V1, shellHolds: true }), ['network', 'copy', 'visited', 'shell', 'legacy', 'offline-page']],
    ['the home page (never in a copy)', facts({ navigation: true, path: '', copy: NOT_IN_COPY, shellHolds: true }), ['network', 'visited', 'shell', 'legacy', 'offline-page']],
    ['a section page, nothing saved', facts({ navigation: true, path: 'sections/economy/' }), ['network', 'visited', 'legacy', 'offline-page']],
  ] as const)('loads %s from the site, then offline from what is kept', (_label, request, plan) => {
    expect(requestPlan(request)).toEqual(plan);
  });

  it.each([
    ['its script', 'assets/js/search.js', true],
    ['Pagefind\'s script', 'pagefind/pagefind.js', false],
    ['an index entry', 'pagefind/pagefind-entry.json', false],
    ['the list of segments', 'pagefind/search-shards.json', false],
  ] as const)('gives a page served from the copy the copy\'s files only: %s', (_label, path, shellHolds) => {
    expect(requestPlan(facts({ path, pinned: 'v1', copy: COPY_V1, shellHolds }))).toEqual(['copy']);
  });

  it('gives a page from an older copy, replaced since, what any page gets', () => {
    expect(requestPlan(facts({ path: 'pagefind/pagefind-entry.json', pinned: 'v1', copy: COPY_V2 }))).toEqual(['network', 'copy', 'legacy']);
  });

  it.each([
    ['an asset, from this build\'s shell', facts({ path: 'assets/js/search.js', shellHolds: true, copy: COPY_V1 }), ['shell', 'network', 'copy', 'legacy']],
    ['an index entry, from the site first', facts({ path: 'pagefind/2017-q2/pagefind-entry.json', copy: COPY_V2 }), ['network', 'copy', 'legacy']],
    ['a file named by its content, from any copy', facts({ path: 'pagefind/index/ar_1a2b.pf_index', copy: COPY_V1 }), ['copy', 'network', 'legacy']],
    ['Pagefind\'s script from a copy of this build', facts({ path: 'pagefind/pagefind.js', copy: COPY_V2 }), ['copy', 'network', 'legacy']],
    ['Pagefind\'s script from a copy of another build', facts({ path: 'pagefind/pagefind.js', copy: COPY_V1 }), ['network', 'copy', 'legacy']],
    ['anything else, nothing saved', facts({ path: 'feed.xml' }), ['network', 'legacy']],
  ] as const)('serves a page from the site %s', (_label, request, plan) => {
    expect(requestPlan(request)).toEqual(plan);
  });
});
