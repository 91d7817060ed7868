// The news index of a build: the articles it publishes (no drafts or future articles in
// production, everything while previewing), indexed once.

import { ingestSettings } from '../config/ingest-settings.ts';
import { articleDateFacts, calendarDayInZone, formatCalendarDay } from '../content/article-date.ts';
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

/** What a build needs of an article date: whether it is out at context.now, its moment, and its year and month in the site's zone. */
interface DateFacts {
  due: boolean;
  timestamp: number;
  year: number;
  month: number;
}

/**
 * The facts of each date, worked out once per build context: articles share dates (a day's
 * stories, or a calendar day with no time), and the news index and the now-dependence
 * (isPublished) both ask of every article; at 100,000 articles each asking again was a
 * fifth of a second. Kept as long as the context is.
 */
const datesByContext = new WeakMap<BuildContext, Map<string, DateFacts>>();

function dateFacts(date: string, context: BuildContext): DateFacts {
  let dates = datesByContext.get(context);
  if (!dates) datesByContext.set(context, dates = new Map());
  let facts = dates.get(date);
  if (!facts) {
    const read = articleDateFacts(date, context.site.timeZone);
    // A calendar day is a day in the site's time zone: it is out once that day has begun there.
    const due = read.bareDay ? formatCalendarDay(read.day) <= todayInZone(context.now, context.site.timeZone) : read.timestamp <= context.now.getTime();
    dates.set(date, facts = { due, timestamp: read.timestamp, year: read.day?.year ?? 0, month: read.day?.month ?? 0 });
  }
  return facts;
}

/** Whether a production build shows this article: not a draft, not dated after "now". */
export function isPublished(data: { draft?: unknown; date?: unknown }, context: BuildContext): boolean {
  if (context.includeDrafts) return true;
  if (data.draft === true) return false;
  if (typeof data.date !== 'string') return true;
  return dateFacts(data.date, context).due;
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
  const inputs: IndexInput<ArticleItem>[] = articles.filter((item) => isPublished(item.data, context)).map((item) => {
    const { timestamp, year, month } = dateFacts(item.data.date, context);
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
