// Eleventy glue for the news index: validates every article's front matter (all problems
// at once), leaves out drafts and future articles in production, and exposes the index
// built once per build as collections for the templates.

import { ingestSettings } from '../config/ingest-settings.ts';
import { articleCalendarDay, calendarDayInZone, formatCalendarDay, parseCalendarDay, parseIsoInstant } from '../content/article-date.ts';
import { validateArticleFrontMatter, type ArticleFrontMatter } from '../content/article-schema.ts';
import { sectionSlug } from '../content/section-slug.ts';
import type { BuildContext } from './build-context.ts';
import { ARTICLE_TAGS_KEY, SET_ASIDE_KEY, type SetAside } from './front-matter-plugin.ts';
import { buildNewsIndex, type IndexInput, type NewsIndex } from './news-index.ts';

/** The parts of an Eleventy collection item the site uses. */
export interface ArticleItem {
  url: string;
  /** The rendered article body (without layout), once Eleventy has rendered it. */
  templateContent?: string;
  inputPath: string;
  /** The front matter, its tags under ARTICLE_TAGS_KEY (see front-matter-plugin.ts). */
  data: Omit<ArticleFrontMatter, 'tags'> & { [ARTICLE_TAGS_KEY]: string[] } & Record<string, unknown>;
  template: { read(): Promise<{ data: Record<string, unknown> } | undefined> };
}

interface CollectionApi {
  getAll(): ArticleItem[];
}

export function articleTimestamp(date: string): number {
  const day = parseCalendarDay(date);
  if (day) return Date.UTC(day.year, day.month - 1, day.day);
  return parseIsoInstant(date)?.getTime() ?? Number.NaN;
}

export function isArticlePath(inputPath: string): boolean {
  return /(^|[\\/])articles[\\/].+\.md$/.test(inputPath);
}

/** Whether a production build shows this article: not a draft, not dated after "now". */
export function isPublished(data: { draft?: unknown; date?: unknown }, context: BuildContext): boolean {
  if (context.includeDrafts) return true;
  if (data.draft === true) return false;
  if (typeof data.date !== 'string') return true;
  // A calendar day is a day in the site's time zone: it is out once that day has begun there.
  const day = parseCalendarDay(data.date);
  if (day) return formatCalendarDay(day) <= formatCalendarDay(calendarDayInZone(context.now, context.site.timeZone));
  return articleTimestamp(data.date) <= context.now.getTime();
}

export class InvalidContentError extends Error {
  constructor(readonly problems: string[]) {
    super(`${problems.length} problem${problems.length === 1 ? '' : 's'} in the articles' front matter:\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
    this.name = 'InvalidContentError';
  }
}

async function validatedArticles(api: CollectionApi): Promise<ArticleItem[]> {
  const articles = api.getAll().filter((item) => isArticlePath(item.inputPath));
  const problems: string[] = [];
  const pathById = new Map<string, string>();
  await Promise.all(articles.map(async (item) => {
    const { [SET_ASIDE_KEY]: setAside, [ARTICLE_TAGS_KEY]: _tagsAsRead, ...read } = (await item.template.read())?.data ?? {};
    const { values, yamlError } = (setAside ?? { values: {} }) as SetAside;
    if (yamlError) {
      problems.push(`${item.inputPath}: the front matter is not valid YAML: ${yamlError}`);
      return;
    }
    for (const problem of validateArticleFrontMatter({ ...read, ...values })) {
      problems.push(`${item.inputPath}: ${problem.field} ${problem.message}`);
    }
  }));
  for (const item of articles) {
    const first = pathById.get(item.data.id);
    if (first !== undefined) problems.push(`${item.inputPath}: id ${item.data.id} is also the id of ${first}`);
    else pathById.set(item.data.id, item.inputPath);
  }
  if (problems.length > 0) throw new InvalidContentError(problems.sort());
  return articles;
}

/** A function that returns the build's news index, built once per collections API object. */
export type NewsIndexSource = (api: unknown) => Promise<NewsIndex<ArticleItem>>;

export function createNewsIndexSource(context: BuildContext): NewsIndexSource {
  const { site } = context;
  const tagSlugs = new Map(ingestSettings.tagGazetteer.map((tag) => [tag.name, tag.slug]));
  const indexes = new WeakMap<CollectionApi, Promise<NewsIndex<ArticleItem>>>();

  const buildIndex = async (api: CollectionApi): Promise<NewsIndex<ArticleItem>> => {
    const articles = (await validatedArticles(api)).filter((item) => isPublished(item.data, context));
    const inputs: IndexInput<ArticleItem>[] = articles.map((item) => {
      const day = articleCalendarDay(item.data.date, site.timeZone);
      return {
        id: item.data.id,
        section: item.data.section,
        sectionSlug: sectionSlug(item.data.section, site.sections),
        tags: item.data[ARTICLE_TAGS_KEY],
        timestamp: articleTimestamp(item.data.date),
        year: day?.year ?? 0,
        month: day?.month ?? 0,
        item,
      };
    });
    return buildNewsIndex(inputs, {
      perPage: site.articlesPerPage,
      sectionOrder: site.sections.map((section) => section.name),
      tagSlugs,
      newestPerSection: 4,
      relatedCount: 5,
      relatedWindow: 6,
      feedSize: site.feedSize,
    });
  };

  // Every collection shares one index per build (Eleventy passes them one api object).
  return (api: unknown): Promise<NewsIndex<ArticleItem>> => {
    const collections = api as CollectionApi;
    let index = indexes.get(collections);
    if (!index) { index = buildIndex(collections); indexes.set(collections, index); }
    return index;
  };
}

export function newsCollectionsPlugin(newsIndex: NewsIndexSource) {
  return (eleventyConfig: { addCollection(name: string, build: (api: unknown) => unknown): void }): void => {
    eleventyConfig.addCollection('news', newsIndex);
    eleventyConfig.addCollection('listPages', async (api) => (await newsIndex(api)).listPages);
  };
}
