// An article's dateline: the time of day only when the front matter has one, «آخر تحديث»
// only when it has an `updated` date, in Damascus time and the site's digits.
import { describe, expect, it } from 'vitest';
import { formatArabicTime, type DateDisplaySettings } from '../../scripts/lib/content/format-date.ts';
import { articleTimes, formatArticleDate } from '../../scripts/lib/site/article-times.ts';

const LATN: DateDisplaySettings = { numberingSystem: 'latn', timeZone: 'Asia/Damascus' };
const ARAB: DateDisplaySettings = { numberingSystem: 'arab', timeZone: 'Asia/Damascus' };

describe('formatArabicTime', () => {
  it.each([
    ['an instant at the Damascus offset', '2017-07-05T09:30:00+03:00', '09:30'],
    ['an instant in UTC, shown in Damascus summer time', '2017-07-05T06:30:00Z', '09:30'],
    ['an instant in UTC, shown in Damascus winter time', '2017-01-05T06:30:00Z', '08:30'],
    ['the evening, on a 24-hour clock', '2017-07-05T21:05:00+03:00', '21:05'],
    ['midnight', '2017-07-05T00:00:00+03:00', '00:00'],
    ['a calendar day, which has no time', '2017-07-05', ''],
    ['an invalid date', '2017-07-05T25:00:00+03:00', ''],
  ])('%s', (_case, date, expected) => {
    expect(formatArabicTime(date, LATN)).toBe(expected);
  });

  it('writes the time in Arabic-Indic digits when the site asks for them', () => {
    expect(formatArabicTime('2017-07-05T09:05:00+03:00', ARAB)).toBe('٠٩:٠٥');
  });
});

describe('formatArticleDate', () => {
  it('adds the time of day to an instant', () => {
    expect(formatArticleDate('2017-07-05T09:30:00+03:00', LATN)).toBe('الأربعاء 5 تموز 2017، الساعة 09:30');
  });

  it('writes a calendar day alone', () => {
    expect(formatArticleDate('2017-07-05', LATN)).toBe('الأربعاء 5 تموز 2017');
  });

  it('counts the day and the hour in Damascus for an instant written in UTC', () => {
    expect(formatArticleDate('2017-07-05T22:15:00Z', ARAB)).toBe('الخميس ٦ تموز ٢٠١٧، الساعة ٠١:١٥');
  });
});

describe('articleTimes', () => {
  it('shows no update when the front matter has none', () => {
    expect(articleTimes({ date: '2017-07-05T09:30:00+03:00' }, LATN)).toEqual({
      published: { datetime: '2017-07-05T09:30:00+03:00', text: 'الأربعاء 5 تموز 2017، الساعة 09:30' },
    });
  });

  it('shows «آخر تحديث» with the time of the update', () => {
    const times = articleTimes({ date: '2017-07-05T09:30:00+03:00', updated: '2017-07-05T14:10:00+03:00' }, LATN);
    expect(times.updated).toEqual({ datetime: '2017-07-05T14:10:00+03:00', text: 'الأربعاء 5 تموز 2017، الساعة 14:10', before: 'آخر تحديث: ', after: '' });
  });

  it('shows an update dated by day alone without a time', () => {
    expect(articleTimes({ date: '2017-07-05', updated: '2017-07-06' }, LATN).updated?.text).toBe('الخميس 6 تموز 2017');
  });

  it('takes an update at the same instant, however written, for no update', () => {
    expect(articleTimes({ date: '2017-07-05T09:30:00+03:00', updated: '2017-07-05T06:30:00Z' }, LATN).updated).toBeUndefined();
  });
});
