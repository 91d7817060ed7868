// The corpus's random source: reproducible streams, and article ids that never collide.

import { describe, expect, it } from 'vitest';
import { articleHexId, articleStreamSeed, createRandom, isValidSeed } from '../../scripts/tools/bench/prng.ts';

describe('createRandom (mulberry32)', () => {
  it('draws the same sequence from the same seed and another from another seed', () => {
    const draw = (seed: number): number[] => {
      const random = createRandom(seed);
      return Array.from({ length: 5 }, () => random.next());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('keeps draws in range', () => {
    const random = createRandom(1);
    for (let index = 0; index < 1000; index += 1) {
      const value = random.next();
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
      const whole = random.int(600, 900);
      expect(whole).toBeGreaterThanOrEqual(600);
      expect(whole).toBeLessThanOrEqual(900);
    }
  });

  it('draws weighted items in proportion to their weights', () => {
    const random = createRandom(5);
    const counts = { common: 0, rare: 0 };
    for (let index = 0; index < 10_000; index += 1) counts[random.weighted([['common', 9], ['rare', 1]] as const)] += 1;
    expect(counts.common).toBeGreaterThan(8500);
    expect(counts.rare).toBeGreaterThan(700);
  });

  it('refuses to pick from nothing', () => {
    expect(() => createRandom(1).pick([])).toThrow('empty');
  });
});

describe('article ids', () => {
  it('are 16 hex digits, stable for (seed, index)', () => {
    expect(articleHexId(1, 0)).toMatch(/^[0-9a-f]{16}$/);
    expect(articleHexId(1, 0)).toBe(articleHexId(1, 0));
    expect(articleHexId(1, 0)).not.toBe(articleHexId(2, 0));
    expect(articleStreamSeed(1, 0)).toBe(articleStreamSeed(1, 0));
  });

  it('never collide within a corpus of 100,000 articles', () => {
    const ids = new Set(Array.from({ length: 100_000 }, (_, index) => articleHexId(7, index)));
    expect(ids.size).toBe(100_000);
  });

  it.each([
    [0, true], [1, true], [4294967295, true], [-1, false], [4294967296, false], [1.5, false],
  ])('takes %d as a seed: %s', (seed, valid) => {
    expect(isValidSeed(seed)).toBe(valid);
  });
});
