// A task run at most once at a time, for the preview server: a save made while a build runs
// is built by one more run after it, however many saves came in the meantime.

/** A task run at most once at a time: asked again while it runs, it runs once more after. */
export function coalescing(task: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  let again = false;
  const run = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await task();
      } while (again);
    })().finally(() => { running = undefined; });
    return running;
  };
  return run;
}
