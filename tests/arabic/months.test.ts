import { describe, expect, it } from 'vitest';
import { LEVANTINE_MONTHS, monthNumber, WEEKDAYS, weekdayNumber } from '../../scripts/lib/arabic/months.ts';

describe('monthNumber', () => {
  it.each(LEVANTINE_MONTHS.map((name, index) => [name, index + 1] as const))('reads the Levantine month %s as %i', (name, number) => {
    expect(monthNumber(name)).toBe(number);
  });

  it.each([
    ['يناير', 1], ['فبراير', 2], ['مارس', 3], ['أبريل', 4], ['إبريل', 4], ['مايو', 5], ['يونيو', 6],
    ['يونية', 6], ['يوليو', 7], ['يولية', 7], ['أغسطس', 8], ['سبتمبر', 9], ['أكتوبر', 10], ['نوفمبر', 11], ['ديسمبر', 12],
  ] as const)('reads the Egyptian month %s as %i', (name, number) => {
    expect(monthNumber(name)).toBe(number);
  });

  it.each([
    ['ايار', 5], ['اذار', 3], ['اب', 8], ['ايلول', 9], ['تشرين الاول', 10], ['كانون الاول', 12],
    ['ابريل', 4], ['اغسطس', 8], ['اكتوبر', 10],
  ] as const)('reads %s, written without hamza or madda, as %i', (name, number) => {
    expect(monthNumber(name)).toBe(number);
  });

  it.each([
    ['extra spaces inside a two-word name', 'كانون   الثاني', 1],
    ['spaces around the name', ' تموز ', 7],
    ['diacritics', 'تَمُّوز', 7],
  ] as const)('reads a month name with %s', (_case, name, number) => {
    expect(monthNumber(name)).toBe(number);
  });

  it.each(['رمضان', 'تشرين', 'كانون', 'July', ''])('knows no month called «%s»', (name) => {
    expect(monthNumber(name)).toBeUndefined();
  });
});

describe('weekdayNumber', () => {
  it.each(WEEKDAYS.map((name, index) => [name, index] as const))('reads %s as day %i of the week', (name, index) => {
    expect(weekdayNumber(name)).toBe(index);
  });

  it.each([['الإثنين', 1], ['الاربعاء', 3], ['الجمعه', 5]] as const)('reads the variant spelling %s as day %i', (name, index) => {
    expect(weekdayNumber(name)).toBe(index);
  });

  it.each(['دمشق', 'Thursday', 'الخميسي'])('knows no weekday called «%s»', (name) => {
    expect(weekdayNumber(name)).toBeUndefined();
  });
});
