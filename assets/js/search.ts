// The search page (/search/): runs the query through Pagefind's JS API with the Arabic
// search keys, renders the results in Arabic (count, section, date, excerpt), keeps ?q=…
// in the address bar, and offers to save the archive for searching offline. Loaded only on
// the search page; Pagefind itself loads on first use.

import { fallbackQuery, normaliseQuery } from '../../scripts/lib/arabic/search-normalise.ts';
import { formatArabicNumber, type NumberingSystem } from '../../scripts/lib/arabic/format-date.ts';
import { COUNTED, countWithNoun, fillPlaceholders, STRINGS } from '../../scripts/lib/config/locale-ar.ts';
import { buildExcerpt } from '../../scripts/lib/search/excerpt.ts';
import { element, isolated, required } from './dom.ts';
import { startOfflineArchive } from './offline-panel.ts';
import { SEARCH_SHARDS_FILE, SHARD_FILTER, shardFilterValue, shardsToSearch, shardsWithEveryWord, type SearchShardEntry, type SearchShardsFile } from './search-shards.ts';

// The part of Pagefind's JS API this page uses.
interface PagefindResultData {
  url: string;
  content: string;
  locations: number[];
  meta: Record<string, string | undefined>;
}
interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}
interface PagefindSearchOptions {
  /** A value, or any of several (Pagefind's compound filter). */
  filters: Record<string, string | { any: string[] }>;
  sort: Record<string, 'asc' | 'desc'>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  mergeIndex(path: string, options: Record<string, unknown>): Promise<void>;
  /** `filters`: for each filter, how many of the results carry each value. */
  search(term: string, options: PagefindSearchOptions): Promise<{ results: PagefindResult[]; filters?: Record<string, Record<string, number>> } | null>;
}

/** Pagefind with the newest segment of the index loaded, and the others merged as needed. */
interface ShardedIndex {
  pagefind: Pagefind;
  shards: SearchShardEntry[];
  /** Segments merged so far (the newest is Pagefind's own). */
  merged: Set<SearchShardEntry>;
}

/** Results rendered at a time; the rest come with «more». */
const PAGE_SIZE = 10;
/** Pause after the last keystroke before searching. */
const TYPING_PAUSE_MS = 250;
const EXCERPT_WORDS = 30;

function renderResult(data: PagefindResultData, queryKeys: ReadonlySet<string>): HTMLLIElement {
  const item = element('li', 'search-result');
  const meta = element('p', 'search-result__meta');
  if (data.meta.section) {
    const sectionName = element('span', 'search-result__section');
    sectionName.append(isolated(data.meta.section));
    meta.append(sectionName);
  }
  if (data.meta.date) meta.append(element('span', 'search-result__date', data.meta.date));
  const title = element('h2', 'search-result__title');
  const link = element('a', 'search-result__link');
  link.href = data.url;
  link.append(isolated(data.meta.title ?? data.url));
  title.append(link);
  const excerpt = element('p', 'search-result__excerpt');
  const parts = buildExcerpt(data.content, data.locations, queryKeys, { length: EXCERPT_WORDS, leadingText: data.meta.title });
  // Matches only in the variant block: the article's own summary says more than its
  // first words would.
  if (parts) for (const part of parts) excerpt.append(part.marked ? element('mark', '', part.text) : part.text);
  else excerpt.textContent = data.meta.summary ?? '';
  item.append(meta, title, excerpt);
  return item;
}

function startSearch(root: HTMLElement): void {
  const bundle = root.dataset.pagefind ?? '/pagefind/';
  const siteRoot = new URL(root.dataset.siteRoot ?? '/', window.location.href);
  const numberingSystem = (root.dataset.numberingSystem ?? 'latn') as NumberingSystem;
  const digits = (value: number): string => formatArabicNumber(value, numberingSystem);

  const form = required<HTMLFormElement>(root, '[data-search-form]');
  const input = required<HTMLInputElement>(form, 'input[name="q"]');
  const section = required<HTMLSelectElement>(form, 'select[name="section"]');
  const year = required<HTMLSelectElement>(form, 'select[name="year"]');
  const sortChoices = Array.from(form.querySelectorAll<HTMLInputElement>('input[name="sort"]'));
  const status = required<HTMLElement>(root, '[data-search-status]');
  const list = required<HTMLOListElement>(root, '[data-search-results]');
  const more = required<HTMLButtonElement>(root, '[data-search-more]');
  required<HTMLElement>(root, '[data-search-no-js]').hidden = true;
  required<HTMLElement>(form, '[data-search-options]').hidden = false;

  // The address bar is the state: ?q=…&sort=newest&section=…&year=…
  const params = new URLSearchParams(window.location.search);
  input.value = params.get('q') ?? '';
  section.value = params.get('section') ?? '';
  year.value = params.get('year') ?? '';
  for (const choice of sortChoices) choice.checked = choice.value === (params.get('sort') ?? '');
  const sortValue = (): string => sortChoices.find((choice) => choice.checked)?.value ?? '';

  function keepUrlInStep(term: string): void {
    const url = new URL(window.location.href);
    url.search = '';
    if (term) url.searchParams.set('q', term);
    if (sortValue()) url.searchParams.set('sort', sortValue());
    if (section.value) url.searchParams.set('section', section.value);
    if (year.value) url.searchParams.set('year', year.value);
    window.history.replaceState(null, '', url);
  }

  // The index is in segments, one per quarter (assets/js/search-shards.ts): the newest is
  // Pagefind's own, the others are merged into it when a search may find something in them.
  const PAGEFIND_OPTIONS = { baseUrl: siteRoot.pathname, excerptLength: EXCERPT_WORDS };
  let pagefind: Promise<ShardedIndex> | undefined;
  const loadPagefind = (): Promise<ShardedIndex> => {
    pagefind ??= (async () => {
      const [module, listed] = await Promise.all([
        import(/* @vite-ignore */ `${bundle}pagefind.js`) as Promise<Pagefind>,
        fetch(`${bundle}${SEARCH_SHARDS_FILE}`).then(async (response) => {
          if (!response.ok) throw new Error(`${SEARCH_SHARDS_FILE}: HTTP ${response.status}`);
          return (await response.json()) as SearchShardsFile;
        }),
      ]);
      await module.options({ ...PAGEFIND_OPTIONS, mergeFilter: { [SHARD_FILTER]: shardFilterValue(0) } });
      return { pagefind: module, shards: listed.shards, merged: new Set(listed.shards.slice(0, 1)) };
    })();
    pagefind.catch(() => { pagefind = undefined; });
    return pagefind;
  };

  /**
   * Searches the segments that can hold results (all, or those of the chosen year, and of
   * those only the ones with every word of the query some segment has). By relevance,
   * Pagefind merges them by score; newest first, each segment is asked on its own and its
   * results follow the newer segment's: the order one index would give.
   */
  async function searchShards(index: ShardedIndex, query: string, options: PagefindSearchOptions, year: string | undefined): Promise<PagefindResult[]> {
    const candidates = shardsToSearch(index.shards, year);
    await Promise.all(candidates.filter((shard) => !index.merged.has(shard)).map((shard) => {
      index.merged.add(shard);
      const mergeFilter = { [SHARD_FILTER]: shardFilterValue(index.shards.indexOf(shard)) };
      return index.pagefind.mergeIndex(`${bundle}${shard.path}`, { ...PAGEFIND_OPTIONS, mergeFilter }).catch((error: unknown) => {
        index.merged.delete(shard);
        throw error;
      });
    }));
    const shards = shardsWithEveryWord(candidates, index.shards, await wordCounts(index, query));
    if (shards.length === 0) return [];
    if (!options.sort.date) {
      const filters = shards.length === candidates.length ? options.filters
        : { ...options.filters, [SHARD_FILTER]: { any: shards.map((shard) => shardFilterValue(index.shards.indexOf(shard))) } };
      return (await index.pagefind.search(query, { ...options, filters }))?.results ?? [];
    }
    // All at once (one segment per quarter: tens of them), then put in the segments' order.
    const perShard = await Promise.all(shards.map(async (shard) => {
      const filters = { ...options.filters, [SHARD_FILTER]: shardFilterValue(index.shards.indexOf(shard)) };
      return (await index.pagefind.search(query, { ...options, filters }))?.results ?? [];
    }));
    return perShard.flat();
  }

  /** For a query of several words, each word's pages by segment (see shardsWithEveryWord). */
  async function wordCounts(index: ShardedIndex, query: string): Promise<Record<string, number>[]> {
    const words = query.split(' ').filter(Boolean);
    if (words.length < 2 || query.includes('"')) return [];
    return Promise.all(words.map(async (word) =>
      (await index.pagefind.search(word, { filters: {}, sort: {} }))?.filters?.[SHARD_FILTER] ?? {}));
  }

  let searchNumber = 0;
  let results: PagefindResult[] = [];
  let shown = 0;
  let queryKeys: ReadonlySet<string> = new Set();

  async function showMore(number: number): Promise<void> {
    const page = results.slice(shown, shown + PAGE_SIZE);
    const pageData = await Promise.all(page.map((result) => result.data()));
    if (number !== searchNumber) return;
    list.append(...pageData.map((data) => renderResult(data, queryKeys)));
    shown += page.length;
    more.hidden = shown >= results.length;
  }

  async function search(): Promise<void> {
    const number = ++searchNumber;
    const term = input.value.trim();
    keepUrlInStep(term);
    delete status.dataset.results;
    if (!term) {
      list.replaceChildren();
      more.hidden = true;
      status.textContent = '';
      return;
    }
    status.textContent = STRINGS.searching;
    try {
      const engine = await loadPagefind();
      const options: PagefindSearchOptions = {
        filters: Object.fromEntries([['section', section.value], ['year', year.value]].filter(([, value]) => value)),
        sort: sortValue() === 'newest' ? { date: 'desc' } : {},
      };
      let query = normaliseQuery(term);
      let found = await searchShards(engine, query, options, year.value || undefined);
      const fallback = fallbackQuery(term);
      if (found.length === 0 && fallback) {
        query = fallback;
        found = await searchShards(engine, fallback, options, year.value || undefined);
      }
      if (number !== searchNumber) return;
      results = found;
      shown = 0;
      queryKeys = new Set(query.split(' '));
      list.replaceChildren();
      more.hidden = true;
      await showMore(number);
      // Announced once the results are there to read.
      if (number === searchNumber) {
        // The count as a number too, for tools (the benchmark) that read the page.
        status.dataset.results = String(results.length);
        status.textContent = fillPlaceholders(STRINGS.searchResultsFor, { count: countWithNoun(results.length, COUNTED.results, digits), query: term });
      }
    } catch {
      if (number === searchNumber) status.textContent = STRINGS.searchUnavailable;
    }
  }

  let typingTimer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => void search(), TYPING_PAUSE_MS);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typingTimer);
    void search();
  });
  for (const control of [section, year, ...sortChoices]) control.addEventListener('change', () => void search());
  more.addEventListener('click', () => void showMore(searchNumber));
  if (input.value.trim()) void search();
}

const root = document.querySelector<HTMLElement>('[data-search]');
if (root) {
  startSearch(root);
  void startOfflineArchive(root);
}
