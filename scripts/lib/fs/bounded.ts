// Concurrency helpers: work on many files at once, but only so many, and in an order the
// results can be committed in deterministically.

/**
 * Runs prepare on up to `concurrency` items at once and hands the results to commit in
 * the items' order, so decisions that depend on what came first (duplicates) are the same
 * on every run.
 */
export async function prepareInParallelCommitInOrder<T, R>(
  items: AsyncIterable<T> | Iterable<T>,
  concurrency: number,
  prepare: (item: T) => Promise<R>,
  commit: (result: R) => Promise<void> | void,
): Promise<void> {
  const window: Promise<R>[] = [];
  for await (const item of items) {
    window.push(prepare(item));
    if (window.length >= concurrency) await commit(await (window.shift() as Promise<R>));
  }
  while (window.length > 0) await commit(await (window.shift() as Promise<R>));
}

/** Keeps at most `limit` background tasks running; `add` waits for room. */
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
 * Delivers results in the order they were pushed, while up to `limit` of them are still
 * being worked out: slow writes overlap, the report stays in file order.
 */
export class OrderedOutlet<T> {
  private readonly pending: Promise<T>[] = [];

  constructor(private readonly limit: number, private readonly deliver: (value: T) => void) {}

  async push(value: T | Promise<T>): Promise<void> {
    this.pending.push(Promise.resolve(value));
    while (this.pending.length >= this.limit) this.deliver(await (this.pending.shift() as Promise<T>));
  }

  async drain(): Promise<void> {
    while (this.pending.length > 0) this.deliver(await (this.pending.shift() as Promise<T>));
  }
}
