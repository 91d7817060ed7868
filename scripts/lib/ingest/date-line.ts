// Reads the optional date line of a raw article: 2017-07-06, الخميس، 6 تموز 2017,
// ٧ تموز ٢٠١٧, 5 يوليو 2017 — Levantine or Egyptian months, Western or Arabic-Indic
// digits, an optional weekday before a comma.

import { toWesternDigits } from '../arabic/digits.ts';
import { monthNumber, weekdayNumber, WEEKDAYS } from '../arabic/months.ts';
import { formatCalendarDay, isRealDay, type CalendarDay } from '../content/article-date.ts';

export type DateLineResult =
  /** Not a date line at all: the line belongs to the body. */
  | { kind: 'none' }
  /** A date line naming a real day; warnings say what looked off (a weekday that does not match). */
  | { kind: 'date'; date: string; warnings: string[] }
  /** Shaped like a date line, but no such day exists: dropped, with a warning. */
  | { kind: 'invalid'; reason: string };

const ISO_DAY = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
// [weekday][،,] day month-name year — month names are one or two words (تشرين الأول).
const NAMED_MONTH_DAY = /^(?:(\p{L}+)\s*[،,]\s*)?(\d{1,2})\s+(\p{L}+(?:\s+\p{L}+)?)\s+(\d{4})$/u;

function checkedDate(day: CalendarDay, line: string, weekdayName?: string): DateLineResult {
  if (!isRealDay(day)) return { kind: 'invalid', reason: `the date line «${line}» names no real day` };
  const warnings: string[] = [];
  if (weekdayName !== undefined) {
    const named = weekdayNumber(weekdayName);
    const actual = new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay();
    if (named !== undefined && named !== actual) {
      warnings.push(`the date line says ${weekdayName} but ${formatCalendarDay(day)} was a ${WEEKDAYS[actual]}`);
    }
  }
  return { kind: 'date', date: formatCalendarDay(day), warnings };
}

/** Classifies one line as a date line (and reads it), an impossible date, or not a date. */
export function parseDateLine(rawLine: string): DateLineResult {
  const line = toWesternDigits(rawLine).replace(/\s+/g, ' ').trim();
  const iso = ISO_DAY.exec(line);
  if (iso) return checkedDate({ year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) }, rawLine.trim());
  const named = NAMED_MONTH_DAY.exec(line);
  if (!named) return { kind: 'none' };
  const [, weekdayName, dayText, monthName, yearText] = named;
  const month = monthNumber(monthName ?? '');
  if (month === undefined) return { kind: 'none' };
  if (weekdayName !== undefined && weekdayNumber(weekdayName) === undefined) return { kind: 'none' };
  return checkedDate({ year: Number(yearText), month, day: Number(dayText) }, rawLine.trim(), weekdayName);
}
