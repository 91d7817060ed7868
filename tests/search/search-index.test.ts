// How many Pagefind processes index segments at once: the machine's cores, as far as its memory goes.
import { describe, expect, it } from 'vitest';
import { pagefindProcesses } from '../../scripts/lib/search/search-index.ts';

const GiB = 1024 ** 3;

describe('pagefindProcesses', () => {
  it.each([
    ['this machine: 2 cores, 24 GiB', 2, 24 * GiB, 2],
    ['8 cores, 32 GiB', 8, 32 * GiB, 8],
    ['8 cores, 6 GiB: memory for four besides the build', 8, 6 * GiB, 4],
    ['one core', 1, 64 * GiB, 1],
    ['too little memory for even one: still one', 4, 2 * GiB, 1],
  ])('%s → %i', (_machine, cores, memory, expected) => {
    expect(pagefindProcesses(cores, memory)).toBe(expected);
  });
});
