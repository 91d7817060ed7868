// A small seeded random source for the benchmark corpus: mulberry32 for the draws, and a
// 64-bit mix of (seed, index) so every article has a stream and an id of its own, the same
// on every run and independent of the order articles are generated in.

const MASK_64 = (1n << 64n) - 1n;

/** The splitmix64 finaliser: a bijection on 64-bit integers, so distinct inputs never collide. */
function mix64(value: bigint): bigint {
  let z = value & MASK_64;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK_64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK_64;
  return (z ^ (z >> 31n)) & MASK_64;
}

/** True for the seeds the generator accepts: whole numbers from 0 to 2^32 − 1. */
export function isValidSeed(seed: number): boolean {
  return Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff;
}

/** 64 bits that stand for article `index` of the corpus generated with `seed`; unique per (seed, index). */
function articleBits(seed: number, index: number): bigint {
  return mix64((BigInt(seed) << 32n) | BigInt(index >>> 0));
}

/** The 16 hex digits of an article's file name: unique within a corpus, stable for (seed, index). */
export function articleHexId(seed: number, index: number): string {
  return articleBits(seed, index).toString(16).padStart(16, '0');
}

/** The 32-bit seed of one article's own random stream. */
export function articleStreamSeed(seed: number, index: number): number {
  return Number(mix64(articleBits(seed, index) ^ 0x5eed5eedn) & 0xffffffffn);
}

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** A whole number in [min, max], both included. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** An item drawn with probability proportional to its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
}

/** mulberry32: 32 bits of state, fast, good enough to shuffle sentences. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    weighted: (items) => {
      const total = items.reduce((sum, [, weight]) => sum + weight, 0);
      let draw = next() * total;
      for (const [item, weight] of items) {
        draw -= weight;
        if (draw < 0) return item;
      }
      const last = items[items.length - 1];
      if (!last) throw new Error('weighted draw from an empty list');
      return last[0];
    },
  };
  return random;
}
