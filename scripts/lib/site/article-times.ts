// An article's dateline as its page shows it: the day, the time of day when the front matter
// has one (an instant, not a calendar day), and «آخر تحديث» when the front matter has an
// `updated` date — only then: never from a file's time or the clock.

import { formatArabicDate, formatArabicTime, type DateDisplaySettings } from '../content/format-date.ts';
import { fillPlaceholders, STRINGS } from '../config/locale-ar.ts';
import { machineDate } from '../content/article-date.ts';

/** A date as a <time> element shows it: the machine-readable value and the reader's words. */
export interface ShownDate {
  /** YYYY-MM-DD, or the full instant with the site's offset. */
  datetime: string;
  /** «الأربعاء 5 تموز 2017، الساعة 09:30». */
  text: string;
}

export interface ArticleTimes {
  published: ShownDate;
  /** The last update, with the words around its <time> element («آخر تحديث: » before it). */
  updated?: ShownDate & { before: string; after: string };
}

/** «الأربعاء 5 تموز 2017» for a calendar day; «…، الساعة 09:30» for an instant; '' for an invalid date. */
export function formatArticleDate(date: string, settings: DateDisplaySettings): string {
  const day = formatArabicDate(date, settings);
  const time = formatArabicTime(date, settings);
  return day === '' || time === '' ? day : fillPlaceholders(STRINGS.dateAtTime, { date: day, time });
}

const shown = (date: string, settings: DateDisplaySettings): ShownDate =>
  ({ datetime: machineDate(date, settings.timeZone), text: formatArticleDate(date, settings) });

/** The dates an article page shows; an `updated` equal to the date itself is no update. */
export function articleTimes(data: { date: string; updated?: string }, settings: DateDisplaySettings): ArticleTimes {
  const published = shown(data.date, settings);
  if (data.updated === undefined) return { published };
  const updated = shown(data.updated, settings);
  if (updated.datetime === published.datetime) return { published };
  const [before = '', after = ''] = STRINGS.lastUpdated.split('{date}');
  return { published, updated: { ...updated, before, after } };
}
