// Numbers as the reader sees them: the digits the site asks for, never Intl's default, and no grouping.
import { describe, expect, it } from 'vitest';
import { formatArabicNumber } from '../../scripts/lib/arabic/format-number.ts';

describe('formatArabicNumber', () => {
  it.each([
    [2017, 'latn', '2017'],
    [2017, 'arab', '٢٠١٧'],
    [0, 'arab', '٠'],
    [1234567, 'latn', '1234567'],
    [1234567, 'arab', '١٢٣٤٥٦٧'],
  ] as const)('writes %i in %s digits as %s, without grouping', (value, numberingSystem, expected) => {
    expect(formatArabicNumber(value, numberingSystem)).toBe(expected);
  });
});
