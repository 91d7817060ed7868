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
