import { describe, expect, it } from 'vitest';
import { formatStepTimes, StepTimes } from '../../scripts/lib/build/step-times.ts';

describe('step times', () => {
  it('times each step from the mark before it, in the order they ran', async () => {
    const steps = new StepTimes();
    await new Promise((resolve) => setTimeout(resolve, 30));
    steps.mark('slow');
    steps.mark('quick');
    expect(steps.steps.map(({ step }) => step)).toEqual(['slow', 'quick']);
    const [slow, quick] = steps.steps.map(({ seconds }) => seconds) as [number, number];
    expect(slow).toBeGreaterThanOrEqual(0.025);
    expect(quick).toBeGreaterThanOrEqual(0);
    expect(quick).toBeLessThan(slow);
  });

  it('prints a line a step, the seconds aligned', () => {
    expect(formatStepTimes([{ step: 'state loaded', seconds: 1.024 }, { step: 'render', seconds: 12.5 }]))
      .toBe('  state loaded    1.02 s\n  render         12.50 s\n');
    expect(formatStepTimes([])).toBe('');
  });
});
