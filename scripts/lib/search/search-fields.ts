// The values an article gives the search index besides its text: a numeric date to sort
// by and the year to filter by, both read in the site's time zone.

import { articleCalendarDay, formatCalendarDay, isoInZone, parseCalendarDay, parseIsoInstant } from '../content/article-date.ts';

/**
 * The article's date as local time, YYYY-MM-DDThh:mm:ss (a calendar day is its midnight).
 * Text, never a number: Pagefind reads a sort value that parses as a number as a 32-bit
 * float, and 14 digits (YYYYMMDDhhmmss) in one tied every article of about two days.
 * Fixed-width, so text order is time order (but for the hour a clock turned back repeats).
 */
export function articleSortKey(date: string, timeZone: string): string {
  const day = parseCalendarDay(date);
  if (day) return `${formatCalendarDay(day)}T00:00:00`;
  const instant = parseIsoInstant(date);
  if (!instant) throw new Error(`not an article date: «${date}»`);
  return isoInZone(instant, timeZone).slice(0, 19);
}

/** The year the article was published in, in Western digits (a filter value, not display). */
export function articleYear(date: string, timeZone: string): string {
  const day = articleCalendarDay(date, timeZone);
  if (!day) throw new Error(`not an article date: «${date}»`);
  return String(day.year);
}
