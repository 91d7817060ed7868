// The archive's search without the page: Pagefind's JS API over the index's segments (runs
// of one quarter, newest first: search-shards.ts), asked newest segment first and only as far
// as the reader reads, with the project's query keys (search-normalise.ts) and a news
// ranking. Used by the search page (search.ts) and by the tests that measure recall and
// precision, so that both run the same code. No DOM.
//
// Why segment by segment: the first results of a search then cost the newest segment's
// index only (tens of kilobytes at any archive size); older segments are asked for when
// the reader wants more. «No results» is only said once every segment has answered.

import { planQuery, wordMatchesKeys, wordsOf, type QueryPlan } from '../../scripts/lib/arabic/search-normalise.ts';
import { SEARCH_SHARDS_FILE, SHARD_FILTER, shardFilterValue, shardsToSearch, type SearchShardEntry, type SearchShardsFile } from './search-shards.ts';

// The part of Pagefind's JS API this module uses.
export interface PagefindResultData {
  url: string;
  content: string;
  locations: number[];
  meta: Record<string, string | undefined>;
}
export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}
interface PagefindSearchOptions {
  /** A value, or any of several (Pagefind's compound filter). */
  filters: Record<string, string | { any: string[] }>;
  sort: Record<string, 'asc' | 'desc'>;
}
interface PagefindInstance {
  mergeIndex(path: string, options: Record<string, unknown>): Promise<void>;
  search(term: string, options: PagefindSearchOptions): Promise<{ results: PagefindResult[] } | null>;
}
/** The module: an instance of its own, and the making of others. */
interface Pagefind extends PagefindInstance {
  options(options: Record<string, unknown>): Promise<void>;
  createInstance(options: Record<string, unknown>): PagefindInstance;
}

/** How results are ordered. */
export type SearchOrder =
  /** Segment by segment, newest first; within a segment by relevance (news ranking). */
  | 'relevance'
  /** Newest first. */
  | 'newest'
  /** By relevance across the whole archive: every segment is asked before the first result. */
  | 'relevance-all';

export interface SearchRequest {
  term: string;
  order: SearchOrder;
  /** Section name (Pagefind filter), or '' for all. */
  section?: string;
  /** Year (four digits), or '' for all. */
  year?: string;
}

export interface SearchRun {
  /** The query keys the index was asked for (for highlighting). */
  readonly keys: ReadonlySet<string>;
  /** Results found so far, in order. */
  readonly results: readonly PagefindResult[];
  /** True once every segment that can hold results has answered. */
  readonly complete: boolean;
  /** Asks older segments until at least `count` results are found or every segment answered. */
  fill(count: number): Promise<void>;
}

/**
 * Scores within this factor of each other rank as equals, and the newer article goes first:
 * Pagefind's scores differ with every article's length, so exact ties are rare, while a
 * reader of news expects, of two articles that match alike, the recent one.
 */
const EQUAL_SCORE_FACTOR = 1.25;
/** How much a page holding the query word exactly as typed is raised: two score bands. */
const EXACT_FORM_BOOST = EQUAL_SCORE_FACTOR ** 2;
/**
 * Segments asked through one Pagefind instance (ArchiveSearch.segment): each step of a search
 * asks at most this many indexes and one more, and each older run of this many costs its
 * instance's WebAssembly (55 kB, from the browser's cache once fetched) and the newest
 * segment's entry and metadata again.
 */
const SEGMENTS_PER_INSTANCE = 16;
/** Most segments asked at once by a search that finds too few (the newest first, then 2, 4 …). */
const SEGMENTS_AT_ONCE = 8;
const scoreBand = (score: number): number => Math.floor(Math.log(Math.max(score, 1e-9)) / Math.log(EQUAL_SCORE_FACTOR));

export class ArchiveSearch {
  private readonly bundle: string;
  private readonly baseUrl: string;
  private loaded: Promise<{ pagefind: Pagefind; shards: SearchShardEntry[] }> | undefined;
  private readonly segments = new Map<SearchShardEntry, Promise<PagefindInstance>>();
  private readonly instances = new Map<number, PagefindInstance>();

  /** `bundle`: URL of the search bundle folder (ends with /); `baseUrl`: the site's root path. */
  constructor(bundle: string, baseUrl: string) {
    this.bundle = bundle;
    this.baseUrl = baseUrl;
  }

  private load(): Promise<{ pagefind: Pagefind; shards: SearchShardEntry[] }> {
    this.loaded ??= (async () => {
      const [pagefind, listed] = await Promise.all([
        import(/* @vite-ignore */ `${this.bundle}pagefind.js`) as Promise<Pagefind>,
        fetch(`${this.bundle}${SEARCH_SHARDS_FILE}`).then(async (response) => {
          if (!response.ok) throw new Error(`${SEARCH_SHARDS_FILE}: HTTP ${response.status}`);
          return (await response.json()) as SearchShardsFile;
        }),
      ]);
      // No web worker: its script is another 40 kB before the first result, and a search
      // of one segment is quick on the page's own thread.
      await pagefind.options(this.newestOptions());
      const [newest] = listed.shards;
      if (newest) this.segments.set(newest, Promise.resolve(pagefind));
      return { pagefind, shards: listed.shards };
    })();
    this.loaded.catch(() => { this.loaded = undefined; });
    return this.loaded;
  }

  /** The newest segment's options: it is the module's own index, and every instance's first. */
  private newestOptions(): Record<string, unknown> {
    return { baseUrl: this.baseUrl, noWorker: true, mergeFilter: { [SHARD_FILTER]: shardFilterValue(0) } };
  }

  /**
   * The Pagefind instance a segment is asked through, once the segment is merged into it (its
   * entry file and metadata are fetched then). Pagefind's search asks every index merged into
   * an instance, whatever the filter: with every segment merged into one, asking segment k
   * searched k indexes, and a search no segment answers cost the square of the segments
   * (11.8 s at 100,000 articles). So each run of SEGMENTS_PER_INSTANCE segments has an
   * instance: the module's own for the newest run, a new one for each older run.
   */
  private segment(pagefind: Pagefind, shards: readonly SearchShardEntry[], shard: SearchShardEntry): Promise<PagefindInstance> {
    let asking = this.segments.get(shard);
    if (!asking) {
      const position = shards.indexOf(shard);
      const instance = this.instanceOfRun(pagefind, Math.floor(position / SEGMENTS_PER_INSTANCE));
      const mergeFilter = { [SHARD_FILTER]: shardFilterValue(position) };
      asking = instance.mergeIndex(`${this.bundle}${shard.path}`, { baseUrl: this.baseUrl, mergeFilter }).then(() => instance);
      asking.catch(() => this.segments.delete(shard));
      this.segments.set(shard, asking);
    }
    return asking;
  }

  /**
   * A run's instance. An older run's has the newest segment as its first index, and asks it
   * in vain (the shard filter leaves none of its pages): Pagefind loads its WebAssembly from
   * the first index's folder, and only the bundle's (the newest segment's) has it.
   */
  private instanceOfRun(pagefind: Pagefind, run: number): PagefindInstance {
    if (run === 0) return pagefind;
    let instance = this.instances.get(run);
    if (!instance) {
      instance = pagefind.createInstance({ ...this.newestOptions(), basePath: this.bundle });
      this.instances.set(run, instance);
    }
    return instance;
  }

  async start(request: SearchRequest): Promise<SearchRun> {
    const { pagefind, shards } = await this.load();
    const plan = planQuery(request.term);
    const candidates = shardsToSearch(shards, request.year || undefined);
    const baseFilters: Record<string, string> = {};
    if (request.section) baseFilters.section = request.section;
    if (request.year) baseFilters.year = request.year;
    const engine = this;

    /** Pages of one segment for one Pagefind query, in the order asked for. */
    const ask = async (index: PagefindInstance, filter: string, query: string, sort: PagefindSearchOptions['sort']): Promise<PagefindResult[]> =>
      (await index.search(query, { filters: { ...baseFilters, [SHARD_FILTER]: filter }, sort }))?.results ?? [];

    /**
     * One segment's answer to the plan, in the order of the request, with each result's
     * place in the segment's date order (a sorted search's score: the relevance run and the
     * sorted run return the same pages, so each has both, with no further download).
     */
    const searchSegment = async (shard: SearchShardEntry): Promise<{ ordered: PagefindResult[]; dateRank: Map<string, number> }> => {
      const index = await engine.segment(pagefind, shards, shard);
      const filter = shardFilterValue(shards.indexOf(shard));
      const found = await segmentMatches(plan, (query, sort) => ask(index, filter, query, sort));
      const dateRank = new Map([...found.byDate.values()].map((result) => [result.id, result.score]));
      const byDate = [...found.byDate.values()].sort((a, b) => b.score - a.score);
      if (request.order === 'newest') return { ordered: byDate, dateRank };
      return { ordered: rankForNews([...found.byRelevance.values()], dateRank), dateRank };
    };

    const results: PagefindResult[] = [];
    let next = 0;
    let complete = candidates.length === 0;
    const fillTo = async (count: number): Promise<void> => {
      if (request.order === 'relevance-all') {
        if (complete) return;
        // Every segment, then one ranking. Dates compare by segment first (segments are in
        // date order), then by place within the segment.
        const answers = await Promise.all(candidates.map(searchSegment));
        const dateRank = new Map<string, number>();
        answers.forEach((answer, position) => {
          for (const [id, rank] of answer.dateRank) dateRank.set(id, (candidates.length - position) * 1e9 + rank);
        });
        results.splice(0, results.length, ...rankForNews(answers.flatMap((answer) => answer.ordered), dateRank));
        next = candidates.length;
        complete = true;
        return;
      }
      // One segment at a time while segments answer; after each that leaves the count
      // short, twice as many at once (up to SEGMENTS_AT_ONCE), their answers kept in order.
      let atOnce = 1;
      while (results.length < count && next < candidates.length) {
        const asked = candidates.slice(next, next + atOnce);
        for (const answer of await Promise.all(asked.map(searchSegment))) results.push(...answer.ordered);
        next += asked.length;
        atOnce = Math.min(atOnce * 2, SEGMENTS_AT_ONCE);
      }
      complete = next >= candidates.length;
    };
    // Asked with no minimum: the first segment with results, or every segment when none has.
    await fillTo(1);
    return {
      keys: new Set(plan.keys),
      get results() { return results; },
      get complete() { return complete; },
      fill: fillTo,
    };
  }
}

/**
 * True when the page Pagefind found for a key has a word the key matches. Pagefind, when no
 * word of an index starts with a query word, searches for the longest start of it that is
 * a word (Pagefind PR #315; no option turns it off: Pagefind issue #780), so that
 * «انذار» finds every page with «ان» and «فيضان» every page with «في». It does so for the
 * whole index, so the first page found tells: its words either match the key or none do.
 * That page's fragment is the one shown first anyway.
 */
async function matchesTruly(result: PagefindResult, key: string): Promise<boolean> {
  const { content, meta } = await result.data();
  const keys = new Set([key]);
  // Pagefind searches the page's metadata too (its title, its date line).
  const text = [content, ...Object.values(meta)].join(' ');
  return wordsOf(text).some((word) => word.toLowerCase().startsWith(key) || wordMatchesKeys(word, keys));
}

type Ask = (query: string, sort: PagefindSearchOptions['sort']) => Promise<PagefindResult[]>;
const BY_RELEVANCE = {};
const BY_DATE = { date: 'desc' } as const;

/** The pages of a segment one query word finds, by relevance and (scored by date) newest first. */
interface WordMatches {
  byRelevance: Map<string, PagefindResult>;
  byDate: Map<string, PagefindResult>;
}

/**
 * The pages of a segment a query word truly finds (matchesTruly): those with a word its key
 * starts, and, when the word may be a proclitic letter and a word (لروسيا → روسيا), those
 * with exactly that word — unless the segment uses it with the article (المال: «كمال» is
 * not ك + مال). Exactly: the reading is a guess, and «جانب» is no reading of «لجان».
 */
async function wordMatches(word: QueryPlan['words'][number], ask: Ask): Promise<WordMatches> {
  const matches: WordMatches = { byRelevance: new Map(), byDate: new Map() };
  /** Adds a query's pages; its relevance run, when the caller has it already, is not asked again. */
  const add = async (query: string, byRelevance?: readonly PagefindResult[]): Promise<void> => {
    const [relevant, byDate] = await Promise.all([byRelevance ?? ask(query, BY_RELEVANCE), ask(query, BY_DATE)]);
    for (const result of relevant) if (!matches.byRelevance.has(result.id)) matches.byRelevance.set(result.id, result);
    for (const result of byDate) matches.byDate.set(result.id, result);
  };
  const own = await ask(word.key, BY_RELEVANCE);
  if (own[0] && await matchesTruly(own[0], word.key)) {
    await add(word.key, own);
    // The form the reader typed, where the page has it exactly, ranks above a variant
    // («العراق» above «والعراق» for «العراق»): its score raised by two bands.
    if (word.written !== word.key) {
      for (const exact of await ask(`"${word.written}"`, BY_RELEVANCE)) {
        const found = matches.byRelevance.get(exact.id);
        if (found) matches.byRelevance.set(exact.id, { ...found, score: found.score * EXACT_FORM_BOOST });
      }
    }
  }
  const reading = word.reading;
  if (reading && reading.key !== word.key) {
    const withArticle = await ask(reading.withArticle, BY_RELEVANCE);
    const aNoun = withArticle[0] !== undefined && await matchesTruly(withArticle[0], reading.withArticle);
    if (!aNoun) await add(`"${reading.key}"`);
  }
  return matches;
}

/** A result of several words: the page, with the sum of its words' scores. */
function combined(results: readonly PagefindResult[]): PagefindResult {
  const [first] = results as [PagefindResult];
  return { id: first.id, score: results.reduce((sum, result) => sum + result.score, 0), data: () => first.data() };
}

/**
 * A segment's answer to a query: the pages every word truly finds (Pagefind would leave out
 * a word its index lacks and answer the others alone), by relevance (the words' scores
 * summed) and newest first (a sorted search's score is the page's place in the segment's
 * date order, the same whichever query found it).
 */
async function segmentMatches(plan: QueryPlan, ask: Ask): Promise<WordMatches> {
  if (plan.phrase !== undefined) {
    const [byRelevance, byDate] = await Promise.all([ask(plan.phrase, BY_RELEVANCE), ask(plan.phrase, BY_DATE)]);
    return { byRelevance: new Map(byRelevance.map((result) => [result.id, result])), byDate: new Map(byDate.map((result) => [result.id, result])) };
  }
  const perWord = await Promise.all(plan.words.map((word) => wordMatches(word, ask)));
  const [first, ...others] = perWord;
  if (!first) return { byRelevance: new Map(), byDate: new Map() };
  const ids = [...first.byRelevance.keys()].filter((id) => others.every((matches) => matches.byRelevance.has(id)));
  return {
    byRelevance: new Map(ids.map((id) => [id, combined(perWord.map((matches) => matches.byRelevance.get(id) as PagefindResult))])),
    byDate: new Map(ids.map((id) => [id, first.byDate.get(id) as PagefindResult])),
  };
}

/** Relevance for news: by score, and of results that score alike (one band), the newer first. */
export function rankForNews(results: readonly PagefindResult[], dateRank: ReadonlyMap<string, number>): PagefindResult[] {
  return [...results].sort((a, b) => scoreBand(b.score) - scoreBand(a.score) || (dateRank.get(b.id) ?? 0) - (dateRank.get(a.id) ?? 0) || b.score - a.score);
}
