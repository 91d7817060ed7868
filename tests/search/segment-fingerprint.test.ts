// A segment's fingerprint changes exactly when what Pagefind is given for one of its pages
// does (its URL, the indexed parts of it, its vocabulary, the order they go to Pagefind in)
// or when the search step's own code or settings do.
import { describe, expect, it } from 'vitest';
import { searchStepFingerprint, segmentFingerprint, type FingerprintedPage } from '../../scripts/lib/search/segment-fingerprint.ts';

const STEP = 'f'.repeat(64);
const pages: FingerprintedPage[] = [
  { url: '/articles/a/', vocabulary: '2017-q3', indexedSha256: '1'.repeat(64) },
  { url: '/articles/b/', vocabulary: '2017-q3', indexedSha256: '2'.repeat(64) },
  { url: '/articles/c/', vocabulary: '2017-q3', indexedSha256: '3'.repeat(64) },
];

describe('segmentFingerprint', () => {
  it('is the same for the same pages', () => {
    expect(segmentFingerprint(STEP, pages)).toBe(segmentFingerprint(STEP, pages.map((page) => ({ ...page }))));
    expect(segmentFingerprint(STEP, pages)).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each<[string, FingerprintedPage[]]>([
    ['the indexed part of a page changes', pages.map((page, position) => (position === 1 ? { ...page, indexedSha256: '4'.repeat(64) } : page))],
    ['a page moves to another URL', pages.map((page, position) => (position === 2 ? { ...page, url: '/articles/d/' } : page))],
    ['a page takes its tokens from another vocabulary', pages.map((page, position) => (position === 0 ? { ...page, vocabulary: '2017-q2' } : page))],
    ['a page is added', [...pages, { url: '/articles/d/', vocabulary: '2017-q3', indexedSha256: '4'.repeat(64) }]],
    ['a page is removed', pages.slice(1)],
    ['the order changes', [pages[1]!, pages[0]!, pages[2]!]],
  ])('changes when %s', (_label, changed) => {
    expect(segmentFingerprint(STEP, changed)).not.toBe(segmentFingerprint(STEP, pages));
  });

  it('cannot be fooled by a URL that spells out another page', () => {
    const joined = [{ url: `/articles/a/","2017-q3","${'1'.repeat(64)}"]\n["/articles/b/`, vocabulary: '2017-q3', indexedSha256: '2'.repeat(64) }];
    expect(segmentFingerprint(STEP, joined)).not.toBe(segmentFingerprint(STEP, pages.slice(0, 2)));
    const shifted = [{ url: '/articles/a/', vocabulary: `2017-q3","${'1'.repeat(64)}`, indexedSha256: '' }];
    expect(segmentFingerprint(STEP, shifted)).not.toBe(segmentFingerprint(STEP, pages.slice(0, 1)));
  });

  it('changes with the step\'s fingerprint', () => {
    expect(segmentFingerprint('e'.repeat(64), pages)).not.toBe(segmentFingerprint(STEP, pages));
  });
});

describe('searchStepFingerprint', () => {
  it('is stable, and changes with the language and the variant tokens', () => {
    const arabic = searchStepFingerprint({ language: 'ar', variantTokens: true });
    expect(searchStepFingerprint({ language: 'ar', variantTokens: true })).toBe(arabic);
    expect(searchStepFingerprint({ language: 'en', variantTokens: true })).not.toBe(arabic);
    expect(searchStepFingerprint({ language: 'ar', variantTokens: false })).not.toBe(arabic);
  });
});
