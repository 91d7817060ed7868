// Download sizes and percentages in Arabic, in the site's digits.
import { describe, expect, it } from 'vitest';
import { formatByteSize, formatPercent } from '../../scripts/lib/arabic/format-size.ts';

describe('formatByteSize', () => {
  it.each([
    [850_000, 'latn', '850 كيلوبايت'],
    [1_400_000, 'latn', '1.4 ميغابايت'],
    [12_000_000, 'latn', '12 ميغابايت'],
    [200, 'latn', '1 كيلوبايت'],
    [850_000, 'arab', '٨٥٠ كيلوبايت'],
  ] as const)('writes %i bytes (%s) as %s', (bytes, digits, expected) => {
    expect(formatByteSize(bytes, digits)).toBe(expected);
  });
});

describe('formatPercent', () => {
  it('uses the site\'s digits', () => {
    expect(formatPercent(0.45, 'latn')).toContain('45');
    expect(formatPercent(0.45, 'arab')).toContain('٤٥');
  });
});
