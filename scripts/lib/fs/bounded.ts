// Concurrency, the project's one home for it: work on many files at once, but only so many,
// and, where what comes first decides something (duplicates, page numbers, report lines),
// results committed in the order the work was handed in, so every run is the same.

/** Keeps at most `limit` background tasks running, in no particular order; `add` waits for room. */
export class TaskPool {
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly limit: number) {}

  async add(task: () => Promise<void>): Promise<void> {
    while (this.running.size >= this.limit) await Promise.race(this.running);
    const promise = task().finally(() => this.running.delete(promise));
    this.running.add(promise);
  }

  async drain(): Promise<void> {
    await Promise.all(this.running);
  }
}

/**
 * Hands results to `deliver` in the order they were pushed, one at a time, while up to
 * `limit` of them are still being worked out: slow work overlaps, what it decides and
 * reports stays in input order. `push` waits, delivering the oldest, while `limit` are pending.
 */
export class OrderedOutlet<T> {
  private readonly pending: Promise<T>[] = [];

  constructor(private readonly limit: number, private readonly deliver: (value: T) => Promise<void> | void) {}

  async push(value: T | Promise<T>): Promise<void> {
    this.pending.push(Promise.resolve(value));
    while (this.pending.length >= this.limit) await this.deliver(await (this.pending.shift() as Promise<T>));
  }

  async drain(): Promise<void> {
    while (this.pending.length > 0) await this.deliver(await (this.pending.shift() as Promise<T>));
  }
}

/**
 * Runs prepare on up to `concurrency` items at once and hands the results to commit in
 * the items' order (an OrderedOutlet over the items), so decisions that depend on what
 * came first (duplicates) are the same on every run.
 */
export async function prepareInParallelCommitInOrder<T, R>(
  items: AsyncIterable<T> | Iterable<T>,
  concurrency: number,
  prepare: (item: T) => Promise<R>,
  commit: (result: R) => Promise<void> | void,
): Promise<void> {
  const outlet = new OrderedOutlet(concurrency, commit);
  for await (const item of items) await outlet.push(prepare(item));
  await outlet.drain();
}
