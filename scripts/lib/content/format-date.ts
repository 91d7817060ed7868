// An article's dates as the reader sees them: «الأربعاء 5 تموز 2017» with Levantine month
// names and the site's digits (arabic/format-number.ts), the day and time counted in the
// site's zone by the article model's conversions (article-date.ts).

import { formatArabicNumber, type NumberingSystem } from '../arabic/format-number.ts';
import { LEVANTINE_MONTHS, WEEKDAYS } from '../arabic/months.ts';
import { articleCalendarDay, articleTimeOfDay, type CalendarDay } from './article-date.ts';

export interface DateDisplaySettings {
  numberingSystem: NumberingSystem;
  timeZone: string;
}

function weekdayOf({ year, month, day }: CalendarDay): string {
  return WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()] ?? '';
}

/** «الأربعاء 5 تموز 2017» for a front-matter date; the empty string for an invalid one. */
export function formatArabicDate(date: string, settings: DateDisplaySettings): string {
  const day = articleCalendarDay(date, settings.timeZone);
  if (!day) return '';
  const number = (value: number): string => formatArabicNumber(value, settings.numberingSystem);
  return `${weekdayOf(day)} ${number(day.day)} ${LEVANTINE_MONTHS[day.month - 1]} ${number(day.year)}`;
}

/**
 * «09:30», a 24-hour clock in the site's time zone and digits, for a front-matter date that
 * is an instant; the empty string for a calendar day (it has no time of day) or an invalid one.
 */
export function formatArabicTime(date: string, settings: DateDisplaySettings): string {
  const time = articleTimeOfDay(date, settings.timeZone);
  if (!time) return '';
  const twoDigits = (value: number): string => formatArabicNumber(value, settings.numberingSystem).padStart(2, formatArabicNumber(0, settings.numberingSystem));
  return `${twoDigits(time.hour)}:${twoDigits(time.minute)}`;
}

/** «تموز 2017» for an archive month. */
export function formatArabicMonth(year: number, month: number, numberingSystem: NumberingSystem): string {
  return `${LEVANTINE_MONTHS[month - 1] ?? ''} ${formatArabicNumber(year, numberingSystem)}`;
}

/** The Hijri (Umm al-Qura) date of a front-matter date, e.g. «11 شوال 1438 هـ». */
export function formatHijriDate(date: string, settings: DateDisplaySettings): string {
  const day = articleCalendarDay(date, settings.timeZone);
  if (!day) return '';
  const noonUtc = new Date(Date.UTC(day.year, day.month - 1, day.day, 12));
  return new Intl.DateTimeFormat(`ar-u-ca-islamic-umalqura-nu-${settings.numberingSystem}`, {
    timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric',
  }).format(noonUtc);
}
