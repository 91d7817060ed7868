// Article dates: either a calendar day (YYYY-MM-DD) or an instant written in ISO 8601
// with the site's time-zone offset. Every conversion of one lives here (days, instants,
// sort keys, feed formats, folder names), pure and without ever reading the clock.

const CALENDAR_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

/** True when year-month-day names a real day of the Gregorian calendar. */
export function isRealDay({ year, month, day }: CalendarDay): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function formatCalendarDay({ year, month, day }: CalendarDay): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Parses a YYYY-MM-DD day; undefined when malformed or not a real day. */
export function parseCalendarDay(text: string): CalendarDay | undefined {
  const match = CALENDAR_DAY.exec(text);
  if (!match) return undefined;
  const day = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return isRealDay(day) ? day : undefined;
}

/** Parses an ISO 8601 date-time with an explicit offset; undefined otherwise. */
export function parseIsoInstant(text: string): Date | undefined {
  const match = ISO_INSTANT.exec(text);
  if (!match) return undefined;
  if (!isRealDay({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) })) return undefined;
  if (Number(match[4]) > 23 || Number(match[5]) > 59 || Number(match[6] ?? 0) > 59) return undefined;
  const instant = new Date(text);
  return Number.isNaN(instant.getTime()) ? undefined : instant;
}

/** The moment a front-matter date stands for, in milliseconds (a calendar day is its midnight UTC); NaN when it is no article date. */
export function articleTimestamp(date: string): number {
  const day = parseCalendarDay(date);
  if (day) return dayStart(day);
  return parseIsoInstant(date)?.getTime() ?? Number.NaN;
}

/** Midnight UTC of a calendar day, in milliseconds: a bare day's moment. */
const dayStart = (day: CalendarDay): number => Date.UTC(day.year, day.month - 1, day.day);

/** The instant a front-matter date stands for (a bare day is its first moment, UTC). */
export function articleInstant(date: string): Date {
  return new Date(articleTimestamp(date));
}

/** True for the two date forms the front matter allows. */
export function isArticleDate(text: string): boolean {
  return parseCalendarDay(text) !== undefined || parseIsoInstant(text) !== undefined;
}

interface ZonedFields extends CalendarDay {
  hour: number;
  minute: number;
  second: number;
}

/**
 * The formatters of a zone, made once (Intl is slow to make them), latn and h23 pinned on
 * purpose: what they write is parsed as numbers. 'fields': every field, as parts
 * (zonedFields); 'day': the day alone, as one string (calendarDayInZone).
 */
const ZONE_FORMATS = {
  fields: { hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' },
  day: { year: 'numeric', month: '2-digit', day: '2-digit' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;
const zoneFormatters = new Map<string, Intl.DateTimeFormat>();

function zoneFormatter(timeZone: string, kind: keyof typeof ZONE_FORMATS): Intl.DateTimeFormat {
  const key = `${kind} ${timeZone}`;
  let formatter = zoneFormatters.get(key);
  if (!formatter) zoneFormatters.set(key, formatter = new Intl.DateTimeFormat('en-US-u-nu-latn', { timeZone, ...ZONE_FORMATS[kind] }));
  return formatter;
}

function zonedFields(instant: Date, timeZone: string): ZonedFields {
  const formatter = zoneFormatter(timeZone, 'fields');
  const fields: Record<string, number> = {};
  for (const part of formatter.formatToParts(instant)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return {
    year: fields.year ?? 0, month: fields.month ?? 0, day: fields.day ?? 0,
    hour: fields.hour ?? 0, minute: fields.minute ?? 0, second: fields.second ?? 0,
  };
}

/** What the day formatter writes for a day of the years articles have: 07/06/2017. */
const US_DAY = /^(\d{2})\/(\d{2})\/(\d{4})$/;

/**
 * The calendar day an instant falls on in the given time zone. From the day alone, as one
 * string (format), not zonedFields' parts: every article of a build asks it, and for 100,000
 * instants that took 0.12–0.16 s against 0.57–0.70 s here. Anything but the pattern
 * expected is read from the parts instead.
 */
export function calendarDayInZone(instant: Date, timeZone: string): CalendarDay {
  const match = US_DAY.exec(zoneFormatter(timeZone, 'day').format(instant));
  if (match) return { year: Number(match[3]), month: Number(match[1]), day: Number(match[2]) };
  const { year, month, day } = zonedFields(instant, timeZone);
  return { year, month, day };
}

/** Writes an instant as ISO 8601 local time with the zone's offset: 2017-07-06T09:30:00+03:00. */
export function isoInZone(instant: Date, timeZone: string): string {
  const fields = zonedFields(instant, timeZone);
  const wholeSeconds = Math.floor(instant.getTime() / 1000) * 1000;
  const localAsUtc = Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second);
  const offsetMinutes = Math.round((localAsUtc - wholeSeconds) / 60000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const absolute = Math.abs(offsetMinutes);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${formatCalendarDay(fields)}T${pad(fields.hour)}:${pad(fields.minute)}:${pad(fields.second)}` +
    `${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
}

/** The calendar day of a front-matter date, read in the site's time zone for instants. */
export function articleCalendarDay(date: string, timeZone: string): CalendarDay | undefined {
  return articleDateFacts(date, timeZone).day;
}

/**
 * A front-matter date read once, for code that needs more than one fact of it (the news
 * index, of every article): its moment (articleTimestamp), its calendar day in the time zone
 * (articleCalendarDay), and whether it is a bare calendar day. At 100,000 articles reading
 * each date once for each fact was a fifth of a second of every build.
 */
export function articleDateFacts(date: string, timeZone: string): { timestamp: number; day: CalendarDay; bareDay: true } | { timestamp: number; day: CalendarDay | undefined; bareDay: false } {
  const day = parseCalendarDay(date);
  if (day) return { timestamp: dayStart(day), day, bareDay: true };
  const instant = parseIsoInstant(date);
  return instant ? { timestamp: instant.getTime(), day: calendarDayInZone(instant, timeZone), bareDay: false } : { timestamp: Number.NaN, day: undefined, bareDay: false };
}

/** The hour and minute of a front-matter date in the time zone; undefined for a calendar day, which has no time. */
export function articleTimeOfDay(date: string, timeZone: string): { hour: number; minute: number } | undefined {
  const instant = parseIsoInstant(date);
  if (!instant) return undefined;
  const { hour, minute } = zonedFields(instant, timeZone);
  return { hour, minute };
}

/**
 * What a <time datetime> says of a front-matter date: the day as written, or the full
 * instant with the zone's offset (a date written in UTC is shown at the site's offset).
 */
export function machineDate(date: string, timeZone: string): string {
  if (parseCalendarDay(date)) return date;
  const instant = parseIsoInstant(date);
  return instant ? isoInZone(instant, timeZone) : date;
}

/** The folder an article's file is kept in: the year and month of its date in the time zone, 2017/07. */
export function articleMonthFolder(date: string, timeZone: string): string {
  const day = articleCalendarDay(date, timeZone);
  return `${String(day?.year ?? 0).padStart(4, '0')}/${String(day?.month ?? 0).padStart(2, '0')}`;
}

/**
 * The article's date as local time, YYYY-MM-DDThh:mm:ss (a calendar day is its midnight):
 * the search index's sort key. Text, never a number: Pagefind reads a sort value that parses
 * as a number as a 32-bit float, and 14 digits (YYYYMMDDhhmmss) in one tied every article of
 * about two days. Fixed-width, so text order is time order (but for the hour a clock turned
 * back repeats).
 */
export function articleSortKey(date: string, timeZone: string): string {
  const day = parseCalendarDay(date);
  if (day) return `${formatCalendarDay(day)}T00:00:00`;
  const instant = parseIsoInstant(date);
  if (!instant) throw new Error(`not an article date: «${date}»`);
  return isoInZone(instant, timeZone).slice(0, 19);
}

/** The year the article was published in, in Western digits (the search index's filter value, not display). */
export function articleYear(date: string, timeZone: string): string {
  const day = articleCalendarDay(date, timeZone);
  if (!day) throw new Error(`not an article date: «${date}»`);
  return String(day.year);
}

/** An article date as Atom and JSON Feed write it (RFC 3339, UTC, whole seconds): 2017-07-05T06:30:00Z. */
export function rfc3339(date: string): string {
  return articleInstant(date).toISOString().replace(/\.\d+Z$/, 'Z');
}

const rfc822Formatters = new Map<string, Intl.DateTimeFormat>();

/** An article date as RSS writes it (RFC 822, at the zone's offset): Wed, 05 Jul 2017 09:30:00 +0300. */
export function rfc822(date: string, timeZone: string): string {
  let formatter = rfc822Formatters.get(timeZone);
  if (!formatter) {
    // English names and Western digits pinned on purpose: RFC 822 is read by machines.
    formatter = new Intl.DateTimeFormat('en-US-u-nu-latn', {
      weekday: 'short', day: '2-digit', month: 'short', year: 'numeric',
      hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
      timeZone, timeZoneName: 'longOffset',
    });
    rfc822Formatters.set(timeZone, formatter);
  }
  const parts: Record<string, string> = {};
  for (const part of formatter.formatToParts(articleInstant(date))) parts[part.type] = part.value;
  // GMT+03:00 becomes +0300 (what @11ty/eleventy-plugin-rss's dateToRfc822, used before, wrote too).
  const offset = (parts.timeZoneName ?? '').replace(/GMT([+-])(\d\d):(\d\d)/, '$1$2$3');
  return `${parts.weekday}, ${parts.day} ${parts.month} ${parts.year} ${parts.hour}:${parts.minute}:${parts.second} ${offset}`;
}
