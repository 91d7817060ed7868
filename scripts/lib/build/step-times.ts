// Where a build's time went, step by step: what `npm run build -- --timings` prints, and
// where a slow publish looks first. Wall time between marks on the build's own thread; work
// running beside it (the stamp worker, the pages' compression) shows in the step that waits for it.

export interface StepTime {
  step: string;
  seconds: number;
}

export class StepTimes {
  readonly steps: StepTime[] = [];
  #last = performance.now();

  /** Ends the step that ran since the last mark (or since the clock was made). */
  mark(step: string): void {
    const now = performance.now();
    this.steps.push({ step, seconds: (now - this.#last) / 1000 });
    this.#last = now;
  }
}

/** One line a step, its seconds aligned: "  state load      1.02 s". */
export function formatStepTimes(steps: readonly StepTime[]): string {
  const width = Math.max(0, ...steps.map(({ step }) => step.length));
  return steps.map(({ step, seconds }) => `  ${step.padEnd(width)}  ${seconds.toFixed(2).padStart(6)} s\n`).join('');
}
