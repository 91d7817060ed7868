import { describe, expect, it } from 'vitest';
import { leadExcerpt } from '../../scripts/lib/ingest/lead-excerpt.ts';
import { createRandom } from '../../scripts/tools/bench/prng.ts';

const ELLIPSIS = '…';
const length = (text: string): number => [...text].length;


describe('leadExcerpt', () => {
  it.each([
    ['a short paragraph', 'أكدت إيران أن التنسيق ضروري.', 'أكدت إيران أن التنسيق ضروري.'],
    ['an empty paragraph', '', ''],
    ['a paragraph of exactly the maximum length', 'أ'.repeat(200), 'أ'.repeat(200)],
  ])('keeps %s unchanged', (_case, paragraph, expected) => {
    expect(leadExcerpt(paragraph, 200)).toBe(expected);
  });

  it('collapses runs of white space and trims the ends', () => {
    expect(leadExcerpt('  أكدت   إيران\u00a0\u00a0أن\tالتنسيق  ', 200)).toBe('أكدت إيران أن التنسيق');
  });

  it('cuts a long paragraph between words and adds an ellipsis, within the limit', () => {
    const words = Array.from({ length: 80 }, (_, index) => `كلمة${index}`);
    const excerpt = leadExcerpt(words.join(' '), 200);
    expect(excerpt.endsWith(ELLIPSIS)).toBe(true);
    expect(length(excerpt)).toBeLessThanOrEqual(200);
    const kept = excerpt.slice(0, -1).split(' ');
    expect(kept).toEqual(words.slice(0, kept.length));
    expect(length(excerpt)).toBeGreaterThan(200 - length(` كلمة79${ELLIPSIS}`) - 1);
  });

  it('drops punctuation and spaces left before the ellipsis', () => {
    expect(leadExcerpt('أكدت إيران، أن التنسيق ضروري', 15)).toBe(`أكدت إيران${ELLIPSIS}`);
    expect(leadExcerpt('أكدت إيران: أن التنسيق ضروري', 15)).toBe(`أكدت إيران${ELLIPSIS}`);
  });

  it('cuts a single word longer than the limit where it must, at exactly the limit', () => {
    const excerpt = leadExcerpt('ب'.repeat(500), 200);
    expect(excerpt).toBe(`${'ب'.repeat(199)}${ELLIPSIS}`);
    expect(length(excerpt)).toBe(200);
  });

  it('counts characters, not UTF-16 code units', () => {
    const excerpt = leadExcerpt(`${'😀'.repeat(10)} ${'😀'.repeat(10)}`, 15);
    expect(excerpt).toBe(`${'😀'.repeat(10)}${ELLIPSIS}`);
  });

  it('holds its promises for 500 random paragraphs', () => {
    const random = createRandom(20170706).next;
    const alphabet = [...'سوريةطهرانموسك abc،.:؛-«»'];
    for (let run = 0; run < 500; run += 1) {
      const size = Math.floor(random() * 400);
      const paragraph = Array.from({ length: size }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      const clean = paragraph.replace(/\s+/gu, ' ').trim();
      const maxLength = 20 + Math.floor(random() * 200);
      const excerpt = leadExcerpt(paragraph, maxLength);
      expect(length(excerpt)).toBeLessThanOrEqual(maxLength);
      if (length(clean) <= maxLength) {
        expect(excerpt).toBe(clean);
      } else {
        expect(excerpt.endsWith(ELLIPSIS)).toBe(true);
        const kept = excerpt.slice(0, -ELLIPSIS.length);
        expect(clean.startsWith(kept)).toBe(true);
        // Cut between words: what follows the kept text is a space or punctuation, unless one word filled the room.
        const next = clean.slice(kept.length, kept.length + 1);
        if (kept.includes(' ')) expect(next).toMatch(/^[\s،,.:;؛-]$/u);
      }
    }
  });
});
