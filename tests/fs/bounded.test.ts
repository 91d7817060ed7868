import { describe, expect, it } from 'vitest';
import { prepareInParallelCommitInOrder, TaskPool } from '../../scripts/lib/fs/bounded.ts';

const pause = (milliseconds: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, milliseconds));

describe('prepareInParallelCommitInOrder', () => {
  it('commits in item order even when later items are prepared first', async () => {
    const committed: number[] = [];
    const delays = [30, 5, 20, 1, 10, 2, 25, 1];
    await prepareInParallelCommitInOrder(delays.keys(), 4, async (index) => {
      await pause(delays[index] ?? 0);
      return index;
    }, (index) => {
      committed.push(index);
    });
    expect(committed).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('never prepares more than `concurrency` items at once', async () => {
    let running = 0;
    let most = 0;
    async function* items(): AsyncGenerator<number> {
      for (let index = 0; index < 20; index += 1) yield index;
    }
    await prepareInParallelCommitInOrder(items(), 3, async (index) => {
      running += 1;
      most = Math.max(most, running);
      await pause(2);
      running -= 1;
      return index;
    }, async () => pause(1));
    expect(most).toBe(3);
  });

  it('commits nothing for no items', async () => {
    const committed: unknown[] = [];
    await prepareInParallelCommitInOrder([], 4, async (item) => item, (item) => void committed.push(item));
    expect(committed).toEqual([]);
  });
});

describe('TaskPool', () => {
  it('keeps at most `limit` tasks running and runs every task', async () => {
    const pool = new TaskPool(2);
    let running = 0;
    let most = 0;
    const done: number[] = [];
    for (let index = 0; index < 10; index += 1) {
      await pool.add(async () => {
        running += 1;
        most = Math.max(most, running);
        await pause(index % 3);
        running -= 1;
        done.push(index);
      });
    }
    await pool.drain();
    expect(most).toBe(2);
    expect([...done].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
