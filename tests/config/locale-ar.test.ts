// The Arabic locale: CLDR's six plural categories, counted nouns in the right form, and
// every string a reader sees written in Arabic.
import { describe, expect, it } from 'vitest';
import { COUNTED, countWithNoun, fillPlaceholders, pluralCategory, STRINGS } from '../../scripts/lib/config/locale-ar.ts';

const latinDigits = (n: number): string => String(n);
const arabicDigits = (n: number): string => new Intl.NumberFormat('ar-u-nu-arab', { useGrouping: false }).format(n);

describe('pluralCategory', () => {
  it.each([
    [0, 'zero'], [1, 'one'], [2, 'two'], [3, 'few'], [10, 'few'], [11, 'many'], [99, 'many'],
    [100, 'other'], [101, 'other'], [102, 'other'], [103, 'few'], [111, 'many'],
    [1000, 'other'], [1003, 'few'], [1011, 'many'],
  ])('puts %i in the Arabic category %s', (count, category) => {
    expect(pluralCategory(count)).toBe(category);
  });
});

describe('countWithNoun', () => {
  it.each([
    [0, 'لا مقالات'],
    [1, 'مقال واحد'],
    [2, 'مقالان'],
    [3, '3 مقالات'],
    [10, '10 مقالات'],
    [11, '11 مقالاً'],
    [99, '99 مقالاً'],
    [100, '100 مقال'],
    [101, '101 مقال'],
    [102, '102 مقال'],
    [103, '103 مقالات'],
    [111, '111 مقالاً'],
  ])('writes %i articles as «%s»', (count, expected) => {
    expect(countWithNoun(count, COUNTED.articles, latinDigits)).toBe(expected);
  });

  it.each([
    [3, '٣ مقالات'],
    [11, '١١ مقالاً'],
    [2017, '٢٠١٧ مقالاً'],
  ])('writes %i with the digits it is given: «%s»', (count, expected) => {
    expect(countWithNoun(count, COUNTED.articles, arabicDigits)).toBe(expected);
  });

  it.each([
    ['pages', 2, 'صفحتان'],
    ['pages', 9, '9 صفحات'],
    ['results', 0, 'لا نتائج'],
    ['results', 25, '25 نتيجة'],
  ] as const)('counts %s too: %i → «%s»', (noun, count, expected) => {
    expect(countWithNoun(count, COUNTED[noun], latinDigits)).toBe(expected);
  });
});

describe('fillPlaceholders', () => {
  it.each([
    ['both placeholders', STRINGS.pageDates, { from: '٢ آب', to: '٩ آب' }, 'من ٢ آب إلى ٩ آب'],
    ['a number', STRINGS.page, { x: 3 }, 'صفحة 3'],
    ['a repeated placeholder', '{a} و{a}', { a: 'دمشق' }, 'دمشق ودمشق'],
    ['a missing value, left as written', STRINGS.pageDates, { from: 'أمس' }, 'من أمس إلى {to}'],
    ['a value that looks like a placeholder, not filled again', '{a} {b}', { a: '{b}', b: 'ب' }, '{b} ب'],
    ['a name only the object prototype has', 'صفحة {constructor} {toString}', {}, 'صفحة {constructor} {toString}'],
    ['no placeholders', 'الأقسام', { x: 1 }, 'الأقسام'],
  ])('fills %s', (_case, template, values, expected) => {
    expect(fillPlaceholders(template, values)).toBe(expected);
  });
});

describe('reading time in minutes', () => {
  it.each([
    [0, 'أقل من دقيقة'], [1, 'دقيقة واحدة'], [2, 'دقيقتان'], [3, '3 دقائق'], [10, '10 دقائق'], [11, '11 دقيقة'], [100, '100 دقيقة'],
  ])('writes %i minutes as «%s»', (count, expected) => {
    expect(countWithNoun(count, COUNTED.minutes, latinDigits)).toBe(expected);
  });
});

describe('STRINGS', () => {
  it.each(Object.entries(STRINGS))('%s is Arabic text', (_key, value) => {
    expect(value.trim()).not.toBe('');
    expect(value).toMatch(/[\u0621-\u064a]/);
  });

  it.each(Object.entries(COUNTED).flatMap(([noun, forms]) => Object.entries(forms).map(([category, form]) => [noun, category, form])))(
    'the %s form for %s is Arabic text',
    (_noun, category, form) => {
      expect(form).toMatch(/[\u0621-\u064a]/);
      // Zero, one and two spell the number out; the others show it.
      expect(form.includes('{n}')).toBe(!['zero', 'one', 'two'].includes(category));
    },
  );
});
