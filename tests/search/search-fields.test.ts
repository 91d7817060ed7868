// The numeric sort key and the year filter an article gives the search index.
import { describe, expect, it } from 'vitest';
import { articleSortKey, articleYear } from '../../scripts/lib/search/search-fields.ts';

describe('articleSortKey', () => {
  it.each([
    ['a calendar day is its midnight', '2017-07-05', '2017-07-05T00:00:00'],
    ['an instant is read in the site\'s time zone', '2017-07-05T09:30:00+03:00', '2017-07-05T09:30:00'],
    ['an instant in another offset is moved into the site\'s zone', '2017-07-04T22:15:00Z', '2017-07-05T01:15:00'],
  ])('%s', (_rule, date, expected) => {
    expect(articleSortKey(date, 'Asia/Damascus')).toBe(expected);
  });

  it('orders as the dates do, as text', () => {
    const keys = ['2016-12-31', '2017-07-05T23:59:00+03:00', '2017-07-05', '2017-07-06'].map((date) => articleSortKey(date, 'Asia/Damascus'));
    expect([...keys].sort()).toEqual([keys[0], keys[2], keys[1], keys[3]]);
  });

  it('is never read as a number, which Pagefind would round to a 32-bit float', () => {
    // Articles an hour apart: as 14 digits (20170705090000, 20170705100000) both are the same float.
    const keys = ['2017-07-05T09:00:00+03:00', '2017-07-05T10:00:00+03:00'].map((date) => articleSortKey(date, 'Asia/Damascus'));
    expect(keys.map(Number)).toEqual([Number.NaN, Number.NaN]);
    expect(Math.fround(20170705090000)).toBe(Math.fround(20170705100000));
  });

  it('refuses what is not an article date', () => {
    expect(() => articleSortKey('5 July', 'Asia/Damascus')).toThrow(/not an article date/);
  });
});

describe('articleYear', () => {
  it.each([
    ['2017-07-05', '2017'],
    // 22:30 UTC on New Year's Eve is already the new year in Damascus.
    ['2016-12-31T22:30:00Z', '2017'],
  ])('puts %s in %s', (date, year) => {
    expect(articleYear(date, 'Asia/Damascus')).toBe(year);
  });
});
