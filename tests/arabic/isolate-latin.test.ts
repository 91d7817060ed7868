import { describe, expect, it } from 'vitest';
import { isolateLatinInText, splitHeadline } from '../../scripts/lib/arabic/isolate-latin.ts';

/** The Latin runs a headline is split into. */
const runs = (text: string): string[] => splitHeadline(text).parts.filter((part) => part.latin).map((part) => part.text);

describe('splitHeadline', () => {
  it('splits the issue\'s headline into its Arabic text and three Latin runs, losing nothing', () => {
    const text = 'Google تفتح مكتباً في دبي: نمو 12.5% في عام 2023 و«COVID-19» يتراجع';
    const headline = splitHeadline(text);
    expect(headline.direction).toBe('rtl');
    expect(headline.parts.map((part) => part.text).join('')).toBe(text);
    expect(runs(text)).toEqual(['Google', '12.5%', 'COVID-19']);
    expect(headline.parts[0]).toEqual({ text: 'Google', latin: true });
    expect(headline.parts.at(-1)).toEqual({ text: '» يتراجع', latin: false });
  });

  it.each([
    ['words joined by spaces into one run', 'أبل تطلق iPhone 15 Pro اليوم', ['iPhone 15 Pro']],
    ['a hyphenated name', 'تراجع إصابات COVID-19 في دمشق', ['COVID-19']],
    ['a percentage', 'التضخم 12.5% هذا العام', ['12.5%']],
    ['a negative percentage', 'انخفاض -3% في الصادرات', ['-3%']],
    ['a range of years', 'خطة 2020-2021 للتنمية', ['2020-2021']],
    ['digits grouped by spaces', 'بيع 10 000 سيارة', ['10 000']],
    ['an ampersand', 'صفقة بين AT&T و Verizon', ['AT&T', 'Verizon']],
    ['an apostrophe', 'تقرير Moody\'s عن سورية', ['Moody\'s']],
    ['an abbreviation with its last dot', 'وفد من U.S. يزور بيروت', ['U.S.']],
    ['a full stop that ends the headline, left out', 'فاز فريق Barcelona.', ['Barcelona']],
    ['a comma after a run, left out', 'قال Macron، ثم غادر', ['Macron']],
    ['C++', 'دورة في C++ للطلاب', ['C++']],
    ['a Latin word glued to an Arabic letter', 'أعلنت الـBBC عن برنامج', ['BBC']],
    ['accented Latin letters', 'زيارة Müller وRenée إلى حلب', ['Müller', 'Renée']],
  ])('isolates %s', (_case, text, expected) => {
    expect(runs(text)).toEqual(expected);
  });

  it.each([
    ['a year', 'موازنة عام 2017'],
    ['a decimal number', 'نمو بنسبة 12.5 بالمئة'],
    ['a thousands separator', 'بيع 1,000 سيارة'],
    ['a time', 'الاجتماع الساعة 10:30 صباحاً'],
    ['a date', 'قرار صادر في 2017/07/31'],
    ['Arabic-Indic digits, which are Arabic numbers', 'موازنة عام ٢٠١٧ بنسبة ١٢٫٥٪'],
    ['a headline with no Latin at all', 'الحكومة تقر الموازنة: «لا ضرائب جديدة»'],
    ['an empty headline', ''],
  ])('leaves %s alone: the bidi algorithm sets it in place', (_case, text) => {
    expect(splitHeadline(text)).toEqual({ direction: 'rtl', parts: text ? [{ text, latin: false }] : [] });
  });

  it('treats a headline written wholly in Latin as left to right, in one part', () => {
    expect(splitHeadline('Interview: John Smith, 2017!')).toEqual({ direction: 'ltr', parts: [{ text: 'Interview: John Smith, 2017!', latin: false }] });
  });

  it('keeps markup-looking text as text', () => {
    const headline = splitHeadline('<img src=x> خبر');
    expect(headline.parts.map((part) => part.text).join('')).toBe('<img src=x> خبر');
  });
});

describe('isolateLatinInText', () => {
  it('wraps a headline with Latin runs in RLI … PDI and each run in LRI … PDI', () => {
    expect(isolateLatinInText('Google تفتح مكتباً و«COVID-19» يتراجع'))
      .toBe('\u2067\u2066Google\u2069 تفتح مكتباً و«\u2066COVID-19\u2069» يتراجع\u2069');
  });

  it.each([
    ['an Arabic headline without Latin', 'الحكومة تقر الموازنة'],
    ['a headline wholly in Latin', 'Interview with John Smith'],
  ])('leaves %s unchanged', (_case, text) => {
    expect(isolateLatinInText(text)).toBe(text);
  });
});
