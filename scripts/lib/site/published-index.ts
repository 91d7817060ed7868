// The news index of a build: the articles it publishes (no drafts or future articles in
// production, everything while previewing), indexed once.

import { ingestSettings } from '../config/ingest-settings.ts';
import { articleDateFacts, articleTimestamp, calendarDayInZone, formatCalendarDay, parseCalendarDay, type CalendarDay } from '../content/article-date.ts';
import { configuredSection, sectionSlug } from '../content/section-slug.ts';
import type { BuildContext } from './build-context.ts';
import type { ArticleItem } from './article-source.ts';
import { buildNewsIndex, type IndexInput, type NewsIndex } from './news-index.ts';

/** "Now"'s calendar day in the site's zone, worked out once for all the articles of a build (Intl is slow). */
let today: { key: string; day: string } | undefined;
function todayInZone(now: Date, timeZone: string): string {
  const key = `${now.getTime()} ${timeZone}`;
  if (today?.key !== key) today = { key, day: formatCalendarDay(calendarDayInZone(now, timeZone)) };
  return today.day;
}

/** Whether an article of this date is out at context.now. */
function isDue(date: string, context: BuildContext): boolean {
  const day = parseCalendarDay(date);
  return dueAt(day, day ? Number.NaN : articleTimestamp(date), context);
}

/** isDue of a date already read: `bareDay` when it is a calendar day, else its moment. */
function dueAt(bareDay: CalendarDay | undefined, timestamp: number, context: BuildContext): boolean {
  // A calendar day is a day in the site's time zone: it is out once that day has begun there.
  if (bareDay) return formatCalendarDay(bareDay) <= todayInZone(context.now, context.site.timeZone);
  return timestamp <= context.now.getTime();
}

/**
 * Whether a production build shows this article: not a draft, not dated after "now".
 * `due`: isDue, or a memo of it for a build that asks of many articles.
 */
export function isPublished(data: { draft?: unknown; date?: unknown }, context: BuildContext, due: (date: string) => boolean = (date) => isDue(date, context)): boolean {
  if (context.includeDrafts) return true;
  if (data.draft === true) return false;
  if (typeof data.date !== 'string') return true;
  return due(data.date);
}

/** The news index of the articles a build publishes: drafts and future articles are left out unless previewing. */
export function publishedNewsIndex(articles: readonly ArticleItem[], context: BuildContext): NewsIndex<ArticleItem> {
  const { site } = context;
  const tagSlugs = new Map(ingestSettings.tagGazetteer.map((tag) => [tag.name, tag.slug]));
  // Each section name is looked up once: a site has a handful of names and many articles.
  const sectionOf = new Map<string, { name: string; slug: string }>();
  const section = (written: string): { name: string; slug: string } => {
    let found = sectionOf.get(written);
    if (!found) sectionOf.set(written, found = { name: configuredSection(written, site.sections)?.name ?? written, slug: sectionSlug(written, site.sections) });
    return found;
  };
  // Articles share dates (a day's stories, or a calendar day with no time): each date is
  // worked out once, which at 100,000 articles of calendar days took a fifth of a second.
  const dates = new Map<string, { due: boolean; timestamp: number; year: number; month: number }>();
  const dateFacts = (date: string): { due: boolean; timestamp: number; year: number; month: number } => {
    let facts = dates.get(date);
    if (!facts) {
      const read = articleDateFacts(date, site.timeZone);
      dates.set(date, facts = { due: dueAt(read.bareDay ? read.day : undefined, read.timestamp, context), timestamp: read.timestamp, year: read.day?.year ?? 0, month: read.day?.month ?? 0 });
    }
    return facts;
  };
  const due = (date: string): boolean => dateFacts(date).due;
  const inputs: IndexInput<ArticleItem>[] = articles.filter((item) => isPublished(item.data, context, due)).map((item) => {
    const { timestamp, year, month } = dateFacts(item.data.date);
    return {
      id: item.data.id,
      // Spelt as configured: سوريه and سورية are one section, not two lists on one URL.
      section: section(item.data.section).name,
      sectionSlug: section(item.data.section).slug,
      tags: item.data.tags,
      timestamp,
      year,
      month,
      item,
    };
  });
  return buildNewsIndex(inputs, {
    perPage: site.articlesPerPage,
    sectionOrder: site.sections.map((section) => section.name),
    tagSlugs,
    newestPerSection: 3,
    relatedCount: 5,
    relatedWindow: 6,
    feedSize: site.feedSize,
  });
}
