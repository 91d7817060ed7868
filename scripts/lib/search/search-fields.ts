// The values an article gives the search index besides its text: a numeric date to sort
// by and the year to filter by, both read in the site's time zone.

import { articleCalendarDay, formatCalendarDay, isoInZone, parseCalendarDay, parseIsoInstant } from '../content/article-date.ts';

/**
 * The article's date as 14 digits of local time, YYYYMMDDhhmmss (a calendar day is its
 * midnight): numeric and fixed-width, so Pagefind sorts it the same as a number or a text.
 */
export function articleSortKey(date: string, timeZone: string): string {
  const day = parseCalendarDay(date);
  if (day) return `${formatCalendarDay(day).replace(/-/g, '')}000000`;
  const instant = parseIsoInstant(date);
  if (!instant) throw new Error(`not an article date: «${date}»`);
  return isoInZone(instant, timeZone).slice(0, 19).replace(/\D/g, '');
}

/** The year the article was published in, in Western digits (a filter value, not display). */
export function articleYear(date: string, timeZone: string): string {
  const day = articleCalendarDay(date, timeZone);
  if (!day) throw new Error(`not an article date: «${date}»`);
  return String(day.year);
}
