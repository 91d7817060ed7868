import { describe, expect, it } from 'vitest';
import { cssString } from '../../scripts/lib/site/css-string.ts';

describe('cssString', () => {
  it.each([
    ['Arabic text as it is', 'هذه خلاصة أخبار', '"هذه خلاصة أخبار"'],
    ['a double quote', 'قال "نعم"', '"قال \\22 نعم\\22 "'],
    ['a backslash', 'a\\b', '"a\\5c b"'],
    ['a line break', 'سطر\nسطر', '"سطر\\a سطر"'],
    ['nothing', undefined, '""'],
  ])('writes %s', (_case, text, expected) => {
    expect(cssString(text)).toBe(expected);
  });
});
