// Concurrency: at most so many at once, and results committed in input order where asked.
import { describe, expect, it } from 'vitest';
import { OrderedOutlet, prepareInParallelCommitInOrder, TaskPool } from '../../scripts/lib/fs/bounded.ts';

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

describe('OrderedOutlet', () => {
  it('delivers in the order pushed, whatever order the values are worked out in', async () => {
    const delivered: number[] = [];
    const outlet = new OrderedOutlet<number>(3, (value) => void delivered.push(value));
    const delays = [25, 1, 15, 5, 1, 10];
    for (const [index, delay] of delays.entries()) await outlet.push(pause(delay).then(() => index));
    await outlet.drain();
    expect(delivered).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('keeps fewer than `limit` values pending after a push', async () => {
    const delivered: string[] = [];
    const outlet = new OrderedOutlet<string>(2, (value) => void delivered.push(value));
    await outlet.push('a');
    expect(delivered).toEqual([]);
    await outlet.push('b');
    expect(delivered).toEqual(['a']);
    await outlet.drain();
    expect(delivered).toEqual(['a', 'b']);
  });

  it('waits for an asynchronous delivery before the next', async () => {
    const events: string[] = [];
    const outlet = new OrderedOutlet<number>(1, async (value) => {
      events.push(`start ${value}`);
      await pause(5);
      events.push(`end ${value}`);
    });
    await outlet.push(1);
    await outlet.push(2);
    await outlet.drain();
    expect(events).toEqual(['start 1', 'end 1', 'start 2', 'end 2']);
  });
});
