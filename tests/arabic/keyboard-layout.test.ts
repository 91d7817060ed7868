// The Arabic the keys give when the keyboard was left on its Latin layout.
import { describe, expect, it } from 'vitest';
import { arabicFromLatinKeys } from '../../scripts/lib/arabic/keyboard-layout.ts';

describe('arabicFromLatinKeys', () => {
  it.each([
    ['hguvhr', 'العراق'],
    [']lar', 'دمشق'],
    ['sdhvm', 'سيارة'],
    ['hgHv]k', 'الأردن'], ['p,hv hgHw]rhx', 'حوار الأصدقاء'],
  ])('gives %s as %s', (typed, arabic) => {
    expect(arabicFromLatinKeys(typed)).toBe(arabic);
  });

  it.each([['Google'], ['COVID-19'], ['2017'], ['دمشق'], [''], ['iPhone 15']])('leaves %s alone: a Latin word typed on purpose, or no letter key', (typed) => {
    expect(arabicFromLatinKeys(typed)).toBeUndefined();
  });
});
