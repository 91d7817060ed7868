// The site's whole structure, computed once per build in O(N) (plus O(N·T·K) for related
// articles, with T tags an article and a fixed K): the newest-first article list, sections,
// tags, the date archive, every list page pre-chunked for pagination, and each article's
// neighbours. Pure: knows nothing of Eleventy; T is whatever the caller lists.

import { asciiSlug } from '../content/section-slug.ts';
import { pagerItems, type PagerItem } from './list-pager.ts';

export interface IndexInput<T> {
  id: string;
  section: string;
  sectionSlug: string;
  tags: readonly string[];
  /** Milliseconds since the epoch: the sort key. */
  timestamp: number;
  year: number;
  month: number;
  item: T;
}

export type ListKind = 'home' | 'section' | 'tag' | 'month';

/**
 * One page of a list. Lists are paged from the oldest end, so that a published article
 * changes the list's first page and at most one other, never the whole list: the deep pages
 * /page/1/ (the oldest) … /page/n/ hold fixed runs of perPage articles counted from the
 * oldest, and the first page (the list's own address) holds the rest, perPage to
 * 2·perPage − 1 of the newest. A deep page shows no total and no page count: both would
 * change with every article published.
 */
export interface ListPage<T> {
  kind: ListKind;
  /** Section or tag name, or yyyy/mm for a month; '' for home. */
  key: string;
  /** The list's first page: /sections/syria/. */
  basePath: string;
  /** This page: /sections/syria/page/2/. */
  path: string;
  /** A deep page's number, counted from the oldest (1); none on the first page. */
  pageNumber?: number;
  /** Articles in the whole list: on the first page only. */
  total?: number;
  items: T[];
  /** The next page towards the newest articles (rel=prev), and towards the oldest (rel=next). */
  newerPath?: string;
  olderPath?: string;
  /** The list's first page, from a deep page. */
  newestPath?: string;
  /** The oldest page, from any other page of a list that has deep pages. */
  oldestPath?: string;
  /** The pager: steps, both ends, the neighbours and gaps (list-pager.ts); [] for a list of one page. */
  pager: PagerItem[];
  year?: number;
  month?: number;
  /** A month's neighbours in the archive (months that have articles), and its year's page. */
  newerMonth?: MonthLink;
  olderMonth?: MonthLink;
  yearPath?: string;
}

export interface MonthLink {
  year: number;
  month: number;
  path: string;
}

export interface NamedCount {
  name: string;
  slug: string;
  count: number;
  path: string;
}

export interface SectionSummary<T> extends NamedCount {
  /** The newest few articles that the front page's latest news does not already show: its section block. */
  newest: T[];
  /** The newest articles, as many as a feed holds. */
  latest: T[];
}

export interface ArchiveMonth {
  year: number;
  month: number;
  count: number;
  path: string;
}

export interface ArchiveYear {
  year: number;
  count: number;
  /** The year's page: /archive/2017/. */
  path: string;
  months: ArchiveMonth[];
}

export interface ArticleContext<T> {
  section: NamedCount;
  tags: NamedCount[];
  /** The next older article of the same section. */
  previous?: T;
  /** The next newer article of the same section. */
  next?: T;
  related: T[];
}

export interface NewsIndex<T> {
  articles: T[];
  sections: SectionSummary<T>[];
  tags: NamedCount[];
  archive: ArchiveYear[];
  listPages: ListPage<T>[];
  contextById: Map<string, ArticleContext<T>>;
}

export interface IndexOptions {
  perPage: number;
  /** Configured sections, in navigation order. */
  sectionOrder: readonly string[];
  /** Configured tag slugs by tag name. */
  tagSlugs: ReadonlyMap<string, string>;
  /** Newest articles per section on the home page. */
  newestPerSection: number;
  relatedCount: number;
  /** Neighbours looked at on each side in each shared list when choosing related articles. */
  relatedWindow: number;
  /** Articles in each section's feed (default 50). */
  feedSize?: number;
}

/** The address of a list's deep page n (1 is the oldest). */
export function pagePath(basePath: string, pageNumber: number): string {
  return `${basePath}page/${pageNumber}/`;
}

/** Deep pages of a list of this many articles: every full run of perPage but the newest. */
export function deepPageCount(total: number, perPage: number): number {
  return Math.max(0, Math.floor(total / perPage) - 1);
}

/** A month of a year's calendar in the archive: a link when the month has articles. */
export interface CalendarMonth {
  month: number;
  count: number;
  path?: string;
}

/** The twelve months of an archive year, January first, with their counts (0 and no link for an empty month). */
export function yearCalendar(year: ArchiveYear): CalendarMonth[] {
  const byMonth = new Map(year.months.map((month) => [month.month, month]));
  return Array.from({ length: 12 }, (_, index) => {
    const month = byMonth.get(index + 1);
    return month ? { month: index + 1, count: month.count, path: month.path } : { month: index + 1, count: 0 };
  });
}

/** Pages of a list whose items are newest first (see ListPage). */
function chunk<T>(kind: ListKind, key: string, basePath: string, items: T[], perPage: number, extra: Partial<ListPage<T>> = {}): ListPage<T>[] {
  const total = items.length;
  const deep = deepPageCount(total, perPage);
  const oldestPath = deep > 0 ? pagePath(basePath, 1) : undefined;
  const pages: ListPage<T>[] = [{
    kind, key, basePath, ...extra,
    path: basePath,
    total,
    items: items.slice(0, total - deep * perPage),
    olderPath: deep > 0 ? pagePath(basePath, deep) : undefined,
    oldestPath: deep > 1 ? oldestPath : undefined,
    pager: pagerItems({ basePath, deep, pathOf: (number) => pagePath(basePath, number) }),
  }];
  for (let pageNumber = deep; pageNumber >= 1; pageNumber -= 1) {
    pages.push({
      kind, key, basePath, ...extra,
      path: pagePath(basePath, pageNumber),
      pageNumber,
      items: items.slice(total - pageNumber * perPage, total - (pageNumber - 1) * perPage),
      newerPath: pageNumber < deep ? pagePath(basePath, pageNumber + 1) : basePath,
      olderPath: pageNumber > 1 ? pagePath(basePath, pageNumber - 1) : undefined,
      newestPath: basePath,
      oldestPath: pageNumber > 1 ? oldestPath : undefined,
      pager: pagerItems({ basePath, deep, pageNumber, pathOf: (number) => pagePath(basePath, number) }),
    });
  }
  return pages;
}

function newestFirst<T>(a: IndexInput<T>, b: IndexInput<T>): number {
  return b.timestamp - a.timestamp || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Unique ASCII slugs for tags: configured ones first, then transliterations, -2, -3 … on a clash. */
function assignTagSlugs(tagNames: Iterable<string>, configured: ReadonlyMap<string, string>): Map<string, string> {
  const slugs = new Map<string, string>();
  const taken = new Set<string>();
  const names = [...tagNames].sort();
  for (const name of names) {
    const slug = configured.get(name);
    if (slug && !taken.has(slug)) { slugs.set(name, slug); taken.add(slug); }
  }
  for (const name of names) {
    if (slugs.has(name)) continue;
    const base = asciiSlug(name);
    let slug = base;
    for (let suffix = 2; taken.has(slug); suffix += 1) slug = `${base}-${suffix}`;
    slugs.set(name, slug);
    taken.add(slug);
  }
  return slugs;
}

interface Group<T> {
  name: string;
  slug: string;
  members: IndexInput<T>[];
  /** Each member's place in the whole newest-first list, in step with members: ascending. */
  ordinals: number[];
}

/**
 * Where the article at `ordinal` of the whole list is among a group's members (it must be
 * one): found in the ordinals, which ascend. A map of each group's positions by id was half
 * a million entries at 100,000 articles, a tenth of a second a build.
 */
function positionIn<T>(group: Group<T>, ordinal: number): number {
  const { ordinals } = group;
  let low = 0;
  let high = ordinals.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((ordinals[middle] as number) < ordinal) low = middle + 1;
    else high = middle;
  }
  if (ordinals[low] !== ordinal) throw new Error(`news index: article ${ordinal} is not in the group «${group.name}»`);
  return low;
}

function groupBy<T>(sorted: IndexInput<T>[], keys: (input: IndexInput<T>) => Iterable<string>): Map<string, Group<T>> {
  const groups = new Map<string, Group<T>>();
  sorted.forEach((input, ordinal) => {
    for (const key of keys(input)) {
      let group = groups.get(key);
      if (!group) { group = { name: key, slug: '', members: [], ordinals: [] }; groups.set(key, group); }
      group.members.push(input);
      group.ordinals.push(ordinal);
    }
  });
  return groups;
}

export function buildNewsIndex<T>(inputs: readonly IndexInput<T>[], options: IndexOptions): NewsIndex<T> {
  const sorted = [...inputs].sort(newestFirst);
  const articles = sorted.map((input) => input.item);

  const sectionGroups = groupBy(sorted, (input) => [input.section]);
  const sectionRank = (name: string): number => {
    const rank = options.sectionOrder.indexOf(name);
    return rank < 0 ? options.sectionOrder.length : rank;
  };
  const sectionNames = [...sectionGroups.keys()].sort((a, b) => sectionRank(a) - sectionRank(b) || (a < b ? -1 : 1));
  // The front page shows its latest news first (the home list's first page), then each
  // section's newest articles: those it has not shown already.
  const onFrontPage = new Set(sorted.slice(0, sorted.length - deepPageCount(sorted.length, options.perPage) * options.perPage).map((input) => input.id));
  const notOnFrontPage = (members: IndexInput<T>[]): T[] => {
    const items: T[] = [];
    for (const input of members) {
      if (items.length >= options.newestPerSection) break;
      if (!onFrontPage.has(input.id)) items.push(input.item);
    }
    return items;
  };
  const sections: SectionSummary<T>[] = sectionNames.map((name) => {
    const group = sectionGroups.get(name) as Group<T>;
    group.slug = group.members[0]?.sectionSlug ?? asciiSlug(name);
    return {
      name, slug: group.slug, count: group.members.length, path: `/sections/${group.slug}/`,
      newest: notOnFrontPage(group.members),
      latest: group.members.slice(0, options.feedSize ?? 50).map((input) => input.item),
    };
  });

  const tagGroups = groupBy(sorted, (input) => new Set(input.tags));
  const tagSlugs = assignTagSlugs(tagGroups.keys(), options.tagSlugs);
  const tags: NamedCount[] = [...tagGroups.values()]
    .map((group) => {
      group.slug = tagSlugs.get(group.name) as string;
      return { name: group.name, slug: group.slug, count: group.members.length, path: `/tags/${group.slug}/` };
    })
    .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1));

  const monthKey = (input: IndexInput<T>): string => `${input.year}/${String(input.month).padStart(2, '0')}`;
  const monthGroups = groupBy(sorted, (input) => [monthKey(input)]);
  const archive: ArchiveYear[] = [];
  for (const [key, group] of monthGroups) {
    const [year, month] = key.split('/').map(Number) as [number, number];
    let archiveYear = archive.find((entry) => entry.year === year);
    if (!archiveYear) { archiveYear = { year, count: 0, path: `/archive/${year}/`, months: [] }; archive.push(archiveYear); }
    archiveYear.count += group.members.length;
    archiveYear.months.push({ year, month, count: group.members.length, path: `/archive/${key}/` });
  }

  const toItems = (members: IndexInput<T>[]): T[] => members.map((input) => input.item);
  // Every page of a month links to the months beside it: the first article of a new month
  // changes the pages of the month before it, once.
  const archiveMonths = archive.flatMap((year) => year.months);
  const monthLink = (month: ArchiveMonth | undefined): MonthLink | undefined => month && { year: month.year, month: month.month, path: month.path };
  const listPages: ListPage<T>[] = [
    ...chunk('home', '', '/', articles, options.perPage),
    ...sections.flatMap((section) =>
      chunk('section', section.name, section.path, toItems((sectionGroups.get(section.name) as Group<T>).members), options.perPage)),
    ...tags.flatMap((tag) => chunk('tag', tag.name, tag.path, toItems((tagGroups.get(tag.name) as Group<T>).members), options.perPage)),
    ...archiveMonths.flatMap((month, position) => {
      const key = `${month.year}/${String(month.month).padStart(2, '0')}`;
      const neighbours = { newerMonth: monthLink(archiveMonths[position - 1]), olderMonth: monthLink(archiveMonths[position + 1]), yearPath: `/archive/${month.year}/` };
      return chunk('month', key, month.path, toItems((monthGroups.get(key) as Group<T>).members), options.perPage, { year: month.year, month: month.month, ...neighbours });
    }),
  ];

  const sectionByName = new Map(sections.map((section) => [section.name, section]));
  const tagByName = new Map(tags.map((tag) => [tag.name, tag]));
  const contextById = new Map<string, ArticleContext<T>>();
  const scratch = relatedScratch(sorted);
  sorted.forEach((input, ordinal) => {
    const sectionGroup = sectionGroups.get(input.section) as Group<T>;
    const position = positionIn(sectionGroup, ordinal);
    const articleTags = [...new Set(input.tags)];
    contextById.set(input.id, {
      section: sectionByName.get(input.section) as NamedCount,
      tags: articleTags.map((tag) => tagByName.get(tag) as NamedCount),
      next: sectionGroup.members[position - 1]?.item,
      previous: sectionGroup.members[position + 1]?.item,
      related: relatedArticles(input, ordinal, sectionGroup, articleTags.map((tag) => tagGroups.get(tag) as Group<T>), options, scratch),
    });
  });

  return { articles, sections, tags, archive, listPages, contextById };
}

/**
 * What relatedArticles keeps between articles: each candidate's score by its ordinal (zero
 * when not a candidate), and the ordinals scored for the article at hand, which are set back
 * to zero once it is done. A map of score objects per article was 5 million short-lived
 * objects at 100,000 articles: half a second, most of it the collector's.
 */
interface RelatedScratch<T> {
  sorted: readonly IndexInput<T>[];
  scores: Int32Array;
  scored: number[];
}

function relatedScratch<T>(sorted: readonly IndexInput<T>[]): RelatedScratch<T> {
  return { sorted, scores: new Int32Array(sorted.length), scored: [] };
}

/**
 * Articles that share the most tags (and the section) with this one, then the closest in
 * time. Only the neighbours within a fixed window of each shared list are considered, so
 * the cost per article does not grow with the archive.
 */
function relatedArticles<T>(input: IndexInput<T>, inputOrdinal: number, section: Group<T>, tagGroups: Group<T>[], options: IndexOptions, scratch: RelatedScratch<T>): T[] {
  const { sorted, scores, scored } = scratch;
  const consider = (group: Group<T>, weight: number): void => {
    const position = positionIn(group, inputOrdinal);
    const from = Math.max(0, position - options.relatedWindow);
    const to = Math.min(group.members.length, position + options.relatedWindow + 1);
    for (let index = from; index < to; index += 1) {
      if (group.members[index] === input) continue;
      const ordinal = group.ordinals[index] as number;
      if (scores[ordinal] === 0) scored.push(ordinal);
      scores[ordinal] = (scores[ordinal] as number) + weight;
    }
  };
  for (const group of tagGroups) consider(group, 2);
  consider(section, 1);
  // The best relatedCount by one total order (ids are unique), kept in order as the candidates
  // come: sorting every candidate of every article was a fifth of a second at 100,000 articles.
  const before = (a: number, b: number): number => {
    const first = sorted[a] as IndexInput<T>;
    const second = sorted[b] as IndexInput<T>;
    return (scores[b] as number) - (scores[a] as number) ||
      Math.abs(first.timestamp - input.timestamp) - Math.abs(second.timestamp - input.timestamp) ||
      (first.id < second.id ? -1 : 1);
  };
  const best: number[] = [];
  const count = options.relatedCount;
  for (const ordinal of scored) {
    if (count <= 0) break;
    if (best.length === count && before(ordinal, best[count - 1] as number) > 0) continue;
    let at = best.length < count ? best.push(ordinal) - 1 : count - 1;
    best[at] = ordinal;
    for (; at > 0 && before(ordinal, best[at - 1] as number) < 0; at -= 1) [best[at], best[at - 1]] = [best[at - 1] as number, ordinal];
  }
  const related = best.map((ordinal) => (sorted[ordinal] as IndexInput<T>).item);
  for (const ordinal of scored) scores[ordinal] = 0;
  scored.length = 0;
  return related;
}
