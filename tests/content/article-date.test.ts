// Article dates: the two forms, and every conversion of one (days, instants, sort keys, feed formats, folders).
import { describe, expect, it } from 'vitest';
import {
  articleCalendarDay, articleInstant, articleMonthFolder, articleSortKey, articleTimestamp, articleYear, calendarDayInZone,
  formatCalendarDay, isArticleDate, isoInZone, isRealDay, machineDate, parseCalendarDay, parseIsoInstant, rfc3339, rfc822,
} from '../../scripts/lib/content/article-date.ts';

const DAMASCUS = 'Asia/Damascus';

describe('isRealDay', () => {
  it.each([
    [2017, 7, 6, true],
    [2017, 2, 28, true],
    [2017, 2, 29, false],
    [2016, 2, 29, true],
    [2000, 2, 29, true],
    [1900, 2, 29, false],
    [2017, 4, 31, false],
    [2017, 12, 31, true],
    [2017, 13, 1, false],
    [2017, 0, 1, false],
    [2017, 7, 0, false],
  ])('%i-%i-%i is a real day: %s', (year, month, day, expected) => {
    expect(isRealDay({ year, month, day })).toBe(expected);
  });
});

describe('formatCalendarDay', () => {
  it('pads month and day to two digits and the year to four', () => {
    expect(formatCalendarDay({ year: 2017, month: 7, day: 6 })).toBe('2017-07-06');
    expect(formatCalendarDay({ year: 987, month: 12, day: 31 })).toBe('0987-12-31');
  });
});

describe('parseCalendarDay', () => {
  it.each([
    ['2017-07-06', { year: 2017, month: 7, day: 6 }],
    ['2016-02-29', { year: 2016, month: 2, day: 29 }],
    ['2017-02-29', undefined],
    ['2017-7-6', undefined],
    ['2017-07-06T09:30:00+03:00', undefined],
    [' 2017-07-06', undefined],
    ['06/07/2017', undefined],
  ])('reads «%s»', (text, expected) => {
    expect(parseCalendarDay(text)).toEqual(expected);
  });
});

describe('parseIsoInstant', () => {
  it.each([
    ['UTC', '2017-07-06T06:30:00Z', '2017-07-06T06:30:00.000Z'],
    ['an offset with a colon', '2017-07-06T09:30:00+03:00', '2017-07-06T06:30:00.000Z'],
    ['an offset without a colon', '2017-07-06T09:30:00+0300', '2017-07-06T06:30:00.000Z'],
    ['a negative offset', '2017-07-05T22:30:00-08:00', '2017-07-06T06:30:00.000Z'],
    ['no seconds', '2017-07-06T09:30+03:00', '2017-07-06T06:30:00.000Z'],
    ['fractions of a second', '2017-07-06T09:30:00.250+03:00', '2017-07-06T06:30:00.250Z'],
  ])('reads an instant with %s', (_case, text, expected) => {
    expect(parseIsoInstant(text)?.toISOString()).toBe(expected);
  });

  it.each([
    ['no offset', '2017-07-06T09:30:00'],
    ['a calendar day only', '2017-07-06'],
    ['hour 24', '2017-07-06T24:00:00Z'],
    ['minute 60', '2017-07-06T09:60:00Z'],
    ['second 60', '2017-07-06T09:30:60Z'],
    ['a day that does not exist', '2017-02-30T09:30:00Z'],
    ['a space instead of T', '2017-07-06 09:30:00Z'],
    ['an impossible offset', '2017-07-06T09:30:00+25:00'],
  ])('rejects an instant with %s', (_case, text) => {
    expect(parseIsoInstant(text)).toBeUndefined();
  });
});

describe('isArticleDate', () => {
  it.each([
    ['2017-07-06', true],
    ['2017-07-06T09:30:00+03:00', true],
    ['2017-02-30', false],
    ['2017-07-06T09:30:00', false],
    ['6 تموز 2017', false],
    ['', false],
  ])('«%s» is a front-matter date: %s', (text, expected) => {
    expect(isArticleDate(text)).toBe(expected);
  });
});

describe('calendarDayInZone', () => {
  it('counts a late-evening UTC instant on the next day in Damascus', () => {
    expect(calendarDayInZone(new Date('2017-07-31T22:30:00Z'), DAMASCUS)).toEqual({ year: 2017, month: 8, day: 1 });
  });

  it('counts the same instant on its UTC day in UTC', () => {
    expect(calendarDayInZone(new Date('2017-07-31T22:30:00Z'), 'UTC')).toEqual({ year: 2017, month: 7, day: 31 });
  });

  // It reads the day from one formatted string: checked against each part as Intl gives it,
  // at pairs of instants 61 minutes apart every four days or so, over years with clock
  // changes, in zones of odd offsets.
  it.each(['Asia/Damascus', 'UTC', 'America/St_Johns', 'Asia/Kathmandu', 'Pacific/Kiritimati', 'Asia/Beirut'])('agrees with Intl\'s parts in %s', (timeZone) => {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' });
    const from = Date.UTC(1994, 0, 1);
    const to = Date.UTC(2026, 0, 1);
    let checked = 0;
    for (let time = from; time < to; time += 61 * 60_000 * 97) {
      for (const instant of [new Date(time), new Date(time + 61 * 60_000)]) {
        const field = (type: string): number => Number(parts.formatToParts(instant).find((part) => part.type === type)?.value);
        expect(calendarDayInZone(instant, timeZone)).toEqual({ year: field('year'), month: field('month'), day: field('day') });
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(5_000);
  });
});

describe('isoInZone', () => {
  it.each([
    ['summer 2017 (daylight time, +03:00)', '2017-07-06T06:30:00Z', '2017-07-06T09:30:00+03:00'],
    ['winter 2017 (standard time, +02:00)', '2017-01-10T10:00:00Z', '2017-01-10T12:00:00+02:00'],
    ['a new year in Damascus but not in UTC', '2016-12-31T23:15:45Z', '2017-01-01T01:15:45+02:00'],
    ['fractions of a second, dropped', '2017-07-06T06:30:00.999Z', '2017-07-06T09:30:00+03:00'],
  ])('writes %s with the site\'s offset', (_case, instant, expected) => {
    expect(isoInZone(new Date(instant), DAMASCUS)).toBe(expected);
  });

  it('writes a zone west of UTC with a negative offset', () => {
    expect(isoInZone(new Date('2017-07-06T06:30:00Z'), 'America/New_York')).toBe('2017-07-06T02:30:00-04:00');
  });

  it('round-trips through parseIsoInstant to the same whole second', () => {
    const instant = new Date('2017-03-31T21:59:59Z');
    expect(parseIsoInstant(isoInZone(instant, DAMASCUS))?.getTime()).toBe(instant.getTime());
  });
});

describe('articleCalendarDay', () => {
  it.each([
    ['a calendar day', '2017-07-06', { year: 2017, month: 7, day: 6 }],
    ['an instant, read in Damascus', '2017-07-31T22:30:00Z', { year: 2017, month: 8, day: 1 }],
    ['an instant written with the site offset', '2017-07-06T09:30:00+03:00', { year: 2017, month: 7, day: 6 }],
    ['text that is no date', 'أمس', undefined],
  ])('gives the day of %s', (_case, date, expected) => {
    expect(articleCalendarDay(date, DAMASCUS)).toEqual(expected);
  });
});

describe('articleTimestamp', () => {
  it.each([
    ['a calendar day, at its midnight UTC', '2017-07-05', Date.UTC(2017, 6, 5)],
    ['an instant with the Damascus offset', '2017-07-05T09:30:00+03:00', Date.UTC(2017, 6, 5, 6, 30)],
    ['an instant in UTC', '2017-07-05T09:30:00Z', Date.UTC(2017, 6, 5, 9, 30)],
    ['an instant with fractional seconds', '2017-07-05T09:30:00.500Z', Date.UTC(2017, 6, 5, 9, 30, 0, 500)],
  ])('reads %s', (_case, date, expected) => {
    expect(articleTimestamp(date)).toBe(expected);
  });

  it.each(['', 'أمس', '2017-02-30', '2017-07-05T10:00:00', '5'])('is NaN for the invalid date %j', (date) => {
    expect(articleTimestamp(date)).toBeNaN();
  });

  it('orders instants and days by time', () => {
    const dates = ['2017-07-05T09:30:00+03:00', '2017-07-04', '2017-07-06', '2017-07-05T01:00:00+03:00'];
    expect([...dates].sort((a, b) => articleTimestamp(a) - articleTimestamp(b))).toEqual([
      '2017-07-04', '2017-07-05T01:00:00+03:00', '2017-07-05T09:30:00+03:00', '2017-07-06',
    ]);
  });
});

describe('articleInstant', () => {
  it('is the moment of the timestamp, a day at its midnight UTC', () => {
    expect(articleInstant('2017-07-05').toISOString()).toBe('2017-07-05T00:00:00.000Z');
    expect(articleInstant('2017-07-05T09:30:00+03:00').toISOString()).toBe('2017-07-05T06:30:00.000Z');
  });

  it('is an invalid Date for what is no article date', () => {
    expect(articleInstant('أمس').getTime()).toBeNaN();
  });
});

describe('machineDate', () => {
  it.each([
    ['a calendar day as written', '2017-07-05', '2017-07-05'],
    ['an instant with the site offset as written', '2017-07-05T09:30:00+03:00', '2017-07-05T09:30:00+03:00'],
    ['an instant in UTC at the site offset', '2017-07-05T06:30:00Z', '2017-07-05T09:30:00+03:00'],
    ['an instant without seconds, with them', '2017-01-05T08:30+02:00', '2017-01-05T08:30:00+02:00'],
  ])('%s', (_case, date, expected) => {
    expect(machineDate(date, DAMASCUS)).toBe(expected);
  });
});

describe('articleMonthFolder', () => {
  it.each([
    ['a calendar day', '2017-07-05', '2017/07'],
    ['an instant, by its day in Damascus', '2017-07-31T22:30:00Z', '2017/08'],
    ['text that is no date', 'أمس', '0000/00'],
  ])('puts %s in its year and month', (_case, date, folder) => {
    expect(articleMonthFolder(date, DAMASCUS)).toBe(folder);
  });
});

describe('articleSortKey', () => {
  it.each([
    ['a calendar day is its midnight', '2017-07-05', '2017-07-05T00:00:00'],
    ['an instant is read in the site\'s time zone', '2017-07-05T09:30:00+03:00', '2017-07-05T09:30:00'],
    ['an instant in another offset is moved into the site\'s zone', '2017-07-04T22:15:00Z', '2017-07-05T01:15:00'],
  ])('%s', (_rule, date, expected) => {
    expect(articleSortKey(date, DAMASCUS)).toBe(expected);
  });

  it('orders as the dates do, as text', () => {
    const keys = ['2016-12-31', '2017-07-05T23:59:00+03:00', '2017-07-05', '2017-07-06'].map((date) => articleSortKey(date, DAMASCUS));
    expect([...keys].sort()).toEqual([keys[0], keys[2], keys[1], keys[3]]);
  });

  it('is never read as a number, which Pagefind would round to a 32-bit float', () => {
    // Articles an hour apart: as 14 digits (20170705090000, 20170705100000) both are the same float.
    const keys = ['2017-07-05T09:00:00+03:00', '2017-07-05T10:00:00+03:00'].map((date) => articleSortKey(date, DAMASCUS));
    expect(keys.map(Number)).toEqual([Number.NaN, Number.NaN]);
    expect(Math.fround(20170705090000)).toBe(Math.fround(20170705100000));
  });

  it('refuses what is not an article date', () => {
    expect(() => articleSortKey('5 July', DAMASCUS)).toThrow(/not an article date/);
  });
});

describe('articleYear', () => {
  it.each([
    ['2017-07-05', '2017'],
    // 22:30 UTC on New Year's Eve is already the new year in Damascus.
    ['2016-12-31T22:30:00Z', '2017'],
  ])('puts %s in %s', (date, year) => {
    expect(articleYear(date, DAMASCUS)).toBe(year);
  });
});

describe('rfc3339', () => {
  it.each([
    ['a calendar day, at its midnight UTC', '2017-07-05', '2017-07-05T00:00:00Z'],
    ['an instant, in UTC', '2017-07-05T09:30:00+03:00', '2017-07-05T06:30:00Z'],
    ['an instant without its fraction of a second', '2017-07-05T09:30:00.500Z', '2017-07-05T09:30:00Z'],
  ])('writes %s', (_case, date, expected) => {
    expect(rfc3339(date)).toBe(expected);
  });
});

describe('rfc822', () => {
  it.each([
    ['an instant, at the zone\'s summer offset', '2017-07-05T06:30:00Z', DAMASCUS, 'Wed, 05 Jul 2017 09:30:00 +0300'],
    ['an instant, at the zone\'s winter offset', '2017-01-05T06:30:00Z', DAMASCUS, 'Thu, 05 Jan 2017 08:30:00 +0200'],
    ['a calendar day, its midnight UTC at the zone\'s offset', '2017-07-05', DAMASCUS, 'Wed, 05 Jul 2017 03:00:00 +0300'],
    ['an offset west of Greenwich', '2017-07-05T06:30:00Z', 'America/St_Johns', 'Wed, 05 Jul 2017 04:00:00 -0230'],
    ['UTC itself', '2017-07-05T06:30:00Z', 'UTC', 'Wed, 05 Jul 2017 06:30:00 +0000'],
  ])('writes %s', (_case, date, timeZone, expected) => {
    expect(rfc822(date, timeZone)).toBe(expected);
  });
});
