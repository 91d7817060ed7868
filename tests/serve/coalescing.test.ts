// The dev server's search step runs in the background, one run at a time: asked again while
// it runs, it runs exactly once more afterwards, however often it was asked.
import { describe, expect, it } from 'vitest';
import { coalescing } from '../../scripts/lib/serve/coalescing.ts';

function gate(): { wait: Promise<void>; open: () => void } {
  let open = (): void => {};
  const wait = new Promise<void>((resolve) => { open = resolve; });
  return { wait, open };
}

describe('coalescing', () => {
  it('runs once per call when calls do not overlap', async () => {
    let runs = 0;
    const run = coalescing(async () => { runs += 1; });
    await run();
    await run();
    expect(runs).toBe(2);
  });

  it('runs once more after the current run, however many calls came during it', async () => {
    const gates = [gate(), gate()];
    let runs = 0;
    const run = coalescing(async () => {
      runs += 1;
      await gates[runs - 1]?.wait;
    });
    const first = run();
    void run();
    void run();
    const last = run();
    expect(runs).toBe(1);
    gates[0]?.open();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(runs).toBe(2);
    gates[1]?.open();
    await Promise.all([first, last]);
    expect(runs).toBe(2);
    await run();
    expect(runs).toBe(3);
  });

  it('recovers after a failing run', async () => {
    let runs = 0;
    const run = coalescing(async () => {
      runs += 1;
      if (runs === 1) throw new Error('disk full');
    });
    await expect(run()).rejects.toThrow('disk full');
    await run();
    expect(runs).toBe(2);
  });
});
