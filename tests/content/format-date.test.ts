// An article's dates as the reader sees them: Levantine month names, the weekday of the
// day in Damascus, and the digits the site asks for (never Intl's default).
import { describe, expect, it } from 'vitest';
import {
  formatArabicDate, formatArabicMonth, formatHijriDate, type DateDisplaySettings,
} from '../../scripts/lib/content/format-date.ts';

const LATN: DateDisplaySettings = { numberingSystem: 'latn', timeZone: 'Asia/Damascus' };
const ARAB: DateDisplaySettings = { numberingSystem: 'arab', timeZone: 'Asia/Damascus' };

describe('formatArabicDate', () => {
  it('writes a calendar day with its weekday and Levantine month', () => {
    expect(formatArabicDate('2017-07-05', LATN)).toBe('الأربعاء 5 تموز 2017');
  });

  it.each([
    ['late evening UTC in summer, already the next day in Damascus (+03:00)', '2017-07-06T23:30:00+00:00', 'الجمعة 7 تموز 2017'],
    ['the same instant written with the Damascus offset', '2017-07-07T02:30:00+03:00', 'الجمعة 7 تموز 2017'],
    ['21:30 UTC in summer: past midnight in Damascus', '2017-07-06T21:30:00Z', 'الجمعة 7 تموز 2017'],
    ['21:30 UTC in winter: still the same day in Damascus (+02:00)', '2017-01-06T21:30:00Z', 'الجمعة 6 كانون الثاني 2017'],
    ['22:30 UTC in winter: past midnight in Damascus', '2017-01-06T22:30:00Z', 'السبت 7 كانون الثاني 2017'],
    ['an instant from another zone', '2017-07-05T09:00:00-05:00', 'الأربعاء 5 تموز 2017'],
  ])('counts the day of an instant in Damascus: %s', (_case, date, expected) => {
    expect(formatArabicDate(date, LATN)).toBe(expected);
  });

  it('uses Arabic-Indic digits when the site asks for them', () => {
    expect(formatArabicDate('2017-07-05', ARAB)).toBe('الأربعاء ٥ تموز ٢٠١٧');
    expect(formatArabicDate('2017-12-25', ARAB)).toBe('الاثنين ٢٥ كانون الأول ٢٠١٧');
  });

  it.each([
    ['2017-01-01', 'الأحد 1 كانون الثاني 2017'],
    ['2017-02-01', 'الأربعاء 1 شباط 2017'],
    ['2017-03-01', 'الأربعاء 1 آذار 2017'],
    ['2017-04-01', 'السبت 1 نيسان 2017'],
    ['2017-05-01', 'الاثنين 1 أيار 2017'],
    ['2017-06-01', 'الخميس 1 حزيران 2017'],
    ['2017-07-01', 'السبت 1 تموز 2017'],
    ['2017-08-01', 'الثلاثاء 1 آب 2017'],
    ['2017-09-01', 'الجمعة 1 أيلول 2017'],
    ['2017-10-01', 'الأحد 1 تشرين الأول 2017'],
    ['2017-11-01', 'الأربعاء 1 تشرين الثاني 2017'],
    ['2017-12-01', 'الجمعة 1 كانون الأول 2017'],
  ])('writes %s as «%s»', (date, expected) => {
    expect(formatArabicDate(date, LATN)).toBe(expected);
  });

  it.each([
    ['empty text', ''],
    ['words', 'أمس'],
    ['a day that does not exist', '2017-02-30'],
    ['a thirteenth month', '2017-13-01'],
    ['an hour past 23', '2017-07-05T25:00:00+03:00'],
    ['an instant without an offset', '2017-07-05T10:00:00'],
    ['a day written the other way round', '05-07-2017'],
  ])('gives the empty string for %s', (_case, date) => {
    expect(formatArabicDate(date, LATN)).toBe('');
    expect(formatHijriDate(date, LATN)).toBe('');
  });
});

describe('formatArabicMonth', () => {
  it.each([
    [1, 'كانون الثاني'], [2, 'شباط'], [3, 'آذار'], [4, 'نيسان'], [5, 'أيار'], [6, 'حزيران'],
    [7, 'تموز'], [8, 'آب'], [9, 'أيلول'], [10, 'تشرين الأول'], [11, 'تشرين الثاني'], [12, 'كانون الأول'],
  ])('names month %i «%s»', (month, name) => {
    expect(formatArabicMonth(2017, month, 'latn')).toBe(`${name} 2017`);
    expect(formatArabicMonth(2017, month, 'arab')).toBe(`${name} ٢٠١٧`);
  });
});

describe('formatHijriDate', () => {
  it('writes the Umm al-Qura date in Arabic with the هـ era mark', () => {
    const hijri = formatHijriDate('2017-07-05', LATN);
    expect(hijri).toMatch(/[\u0621-\u064a]/);
    expect(hijri).toContain('هـ');
    expect(hijri).toContain('شوال');
    expect(hijri).toContain('1438');
    expect(hijri).toMatch(/(^|\D)11(\D|$)/);
  });

  it('follows the site\'s digits', () => {
    const hijri = formatHijriDate('2017-07-05', ARAB);
    expect(hijri).toContain('١٤٣٨');
    expect(hijri).not.toMatch(/[0-9]/);
  });

  it('takes the day of an instant in Damascus', () => {
    expect(formatHijriDate('2017-07-06T23:30:00+00:00', LATN)).toMatch(/(^|\D)13(\D|$)/);
  });
});
