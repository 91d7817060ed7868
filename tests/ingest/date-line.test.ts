import { describe, expect, it } from 'vitest';
import { LEVANTINE_MONTHS } from '../../scripts/lib/arabic/months.ts';
import { parseDateLine } from '../../scripts/lib/ingest/date-line.ts';

const EGYPTIAN_MONTHS = ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'];
const twoDigits = (n: number): string => String(n).padStart(2, '0');

describe('parseDateLine', () => {
  it.each([
    ['ISO', '2017-07-06', '2017-07-06'],
    ['ISO without leading zeros', '2017-7-6', '2017-07-06'],
    ['a weekday, an Arabic comma and a Levantine month', 'الخميس، 6 تموز 2017', '2017-07-06'],
    ['a weekday and a Latin comma', 'الخميس, 6 تموز 2017', '2017-07-06'],
    ['a weekday with no space after the comma', 'الخميس،6 تموز 2017', '2017-07-06'],
    ['Arabic-Indic digits', '٧ تموز ٢٠١٧', '2017-07-07'],
    ['Arabic-Indic digits in ISO form', '٢٠١٧-٠٧-٠٧', '2017-07-07'],
    ['an Egyptian month', '5 يوليو 2017', '2017-07-05'],
    ['a two-digit day', '15 آب 2017', '2017-08-15'],
    ['a two-word month', '12 تشرين الأول 2017', '2017-10-12'],
    ['the other two-word months', '3 كانون الثاني 2018', '2018-01-03'],
    ['a weekday before a two-word month', 'الأحد، 31 كانون الأول 2017', '2017-12-31'],
    ['أيار with hamza', '2 أيار 2017', '2017-05-02'],
    ['ايار without hamza', '2 ايار 2017', '2017-05-02'],
    ['آذار with madda', '1 آذار 2017', '2017-03-01'],
    ['اذار without madda', '1 اذار 2017', '2017-03-01'],
    ['a weekday without hamza', 'الاثنين، 3 تموز 2017', '2017-07-03'],
    ['extra spaces and a trailing no-break space', '  6   تموز   2017\u00a0', '2017-07-06'],
    ['a leap day', '29 شباط 2016', '2016-02-29'],
  ])('reads a date line with %s', (_form, line, date) => {
    expect(parseDateLine(line)).toEqual({ kind: 'date', date, warnings: [] });
  });

  it.each(LEVANTINE_MONTHS.map((name, index) => [name, index + 1] as const))('reads the Levantine month %s', (name, month) => {
    expect(parseDateLine(`15 ${name} 2017`)).toEqual({ kind: 'date', date: `2017-${twoDigits(month)}-15`, warnings: [] });
  });

  it.each(EGYPTIAN_MONTHS.map((name, index) => [name, index + 1] as const))('reads the Egyptian month %s', (name, month) => {
    expect(parseDateLine(`15 ${name} 2017`)).toEqual({ kind: 'date', date: `2017-${twoDigits(month)}-15`, warnings: [] });
  });

  it('warns when the weekday does not match the date, and keeps the date', () => {
    expect(parseDateLine('الجمعة، 6 تموز 2017')).toEqual({
      kind: 'date',
      date: '2017-07-06',
      warnings: ['the date line says الجمعة but 2017-07-06 was a الخميس'],
    });
  });

  it.each([
    ['31 شباط 2017', 'the date line «31 شباط 2017» names no real day'],
    ['29 شباط 2017', 'the date line «29 شباط 2017» names no real day'],
    ['31 نيسان 2017', 'the date line «31 نيسان 2017» names no real day'],
    ['0 تموز 2017', 'the date line «0 تموز 2017» names no real day'],
    ['2017-02-30', 'the date line «2017-02-30» names no real day'],
    ['2017-13-01', 'the date line «2017-13-01» names no real day'],
    ['الخميس، 31 شباط 2017', 'the date line «الخميس، 31 شباط 2017» names no real day'],
  ])('calls «%s» an invalid date line', (line, reason) => {
    expect(parseDateLine(line)).toEqual({ kind: 'invalid', reason });
  });

  it.each([
    ['a body sentence that mentions a date', 'في 6 تموز 2017 افتتح المعرض'],
    ['a month and year with no day', 'تموز 2017'],
    ['a weekday with no comma', 'الخميس 6 تموز 2017'],
    ['a word that is not a weekday before the comma', 'دمشق، 6 تموز 2017'],
    ['a Hijri month', '12 رمضان 1438'],
    ['a two-digit year', '6 تموز 17'],
    ['slashes', '06/07/2017'],
    ['a byline', '| وكالات'],
    ['an empty line', ''],
  ])('says %s is not a date line', (_case, line) => {
    expect(parseDateLine(line)).toEqual({ kind: 'none' });
  });
});
