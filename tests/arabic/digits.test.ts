import { describe, expect, it } from 'vitest';
import { toWesternDigits } from '../../scripts/lib/arabic/digits.ts';

describe('toWesternDigits', () => {
  it.each([
    ['Arabic-Indic digits', '٠١٢٣٤٥٦٧٨٩', '0123456789'],
    ['Persian digits', '۰۱۲۳۴۵۶۷۸۹', '0123456789'],
    ['a date line in Arabic-Indic digits', '٧ تموز ٢٠١٧', '7 تموز 2017'],
    ['Western digits', 'عام 2017', 'عام 2017'],
    ['text with no digits', 'سورية', 'سورية'],
    ['the Arabic decimal separator, which is not a digit', '٣٫٥', '3٫5'],
  ])('converts %s', (_case, input, expected) => {
    expect(toWesternDigits(input)).toBe(expected);
  });
});
