// Where the service worker answers each request from (the first place that has the file):
// the site while it can be reached, the saved copy whole for a page that came from it, the
// shell for this build's assets.
import { describe, expect, it } from 'vitest';
import { requestPlan, type RequestFacts } from '../../assets/js/request-plan.ts';

const facts = (more: Partial<RequestFacts>): RequestFacts => ({ navigation: false, path: 'x', pinned: false, shellHolds: false, ...more });

describe('requestPlan', () => {
  it.each([
    ['a saved article', facts({ navigation: true, path: 'articles/a/' })],
    ['the search page', facts({ navigation: true, path: 'search/', shellHolds: true })],
    ['the home page', facts({ navigation: true, path: '', shellHolds: true })],
  ])('loads %s from the site first, then offline from the copy, the visited pages, the shell', (_label, request) => {
    expect(requestPlan(request)).toEqual(['network', 'copy', 'visited', 'shell', 'legacy', 'offline-page']);
  });

  it.each([
    ['its script', 'assets/js/search.js', true],
    ['Pagefind\'s script', 'pagefind/pagefind.js', false],
    ['an index entry', 'pagefind/pagefind-entry.json', false],
    ['the list of segments', 'pagefind/search-shards.json', false],
    ['an index chunk', 'pagefind/index/ar_1a2b.pf_index', false],
  ] as const)('gives a page served from the copy the copy\'s file first: %s', (_label, path, shellHolds) => {
    expect(requestPlan(facts({ path, pinned: true, shellHolds }))[0]).toBe('pinned-copy');
  });

  it.each([
    ['an asset, from this build\'s shell', facts({ path: 'assets/js/search.js', shellHolds: true }), ['shell', 'network', 'copy', 'legacy']],
    ['an index entry, from the site first', facts({ path: 'pagefind/2017-q2/pagefind-entry.json' }), ['network', 'copy', 'legacy']],
    ['the list of segments, from the site first', facts({ path: 'pagefind/search-shards.json' }), ['network', 'copy', 'legacy']],
    ['a file named by its content, from any copy', facts({ path: 'pagefind/index/ar_1a2b.pf_index' }), ['copy', 'network', 'legacy']],
    ['Pagefind\'s script, from a copy of this build only', facts({ path: 'pagefind/pagefind.js' }), ['same-build-copy', 'network', 'copy', 'legacy']],
    ['anything else', facts({ path: 'feed.xml' }), ['network', 'copy', 'legacy']],
  ] as const)('serves a page from the site %s', (_label, request, plan) => {
    expect(requestPlan(request)).toEqual(plan);
  });
});
