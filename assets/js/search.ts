// The search page (/search/): runs the query through the archive's search (search-engine.ts:
// Pagefind over the index's segments, newest first, with the Arabic query keys), renders the
// results in Arabic (count, section, date, excerpt), helps when nothing is found, keeps ?q=…
// in the address bar, and offers to save the archive for searching offline. Loaded only on
// the search page; Pagefind itself loads on first use.

import { formatArabicNumber, type NumberingSystem } from '../../scripts/lib/arabic/format-number.ts';
import { COUNTED, countWithNoun, fillPlaceholders, STRINGS } from '../../scripts/lib/config/locale-ar.ts';
import { buildExcerpt } from './result-excerpt.ts';
import { element, isolated, required } from './dom.ts';
import { headlineElement } from './headline.ts';
import { startOfflineArchive } from './offline-panel.ts';
import { ArchiveSearch, type PagefindResultData, type SearchOrder, type SearchRun } from './search-engine.ts';
import { searchSuggestions } from './search-suggestions.ts';

/** Results rendered at a time; the rest come with «more». */
const PAGE_SIZE = 10;
/** Pause after the last keystroke before searching. */
const TYPING_PAUSE_MS = 250;
const EXCERPT_WORDS = 30;

/** The address bar's ?sort= value for each order ('' is the default). */
const ORDERS: Record<string, SearchOrder> = { '': 'relevance', newest: 'newest', all: 'relevance-all' };

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
  link.append(headlineElement(data.meta.title ?? data.url));
  title.append(link);
  const excerpt = element('p', 'search-result__excerpt');
  const parts = buildExcerpt(data.content, queryKeys, { length: EXCERPT_WORDS, leadingText: data.meta.title });
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
  const help = required<HTMLElement>(root, '[data-search-help]');
  const suggestions = required<HTMLUListElement>(help, '[data-search-suggestions]');
  const understood = required<HTMLElement>(help, '[data-search-understood]');
  required<HTMLElement>(root, '[data-search-no-js]').hidden = true;
  required<HTMLElement>(form, '[data-search-options]').hidden = false;

  // The address bar is the state: ?q=…&sort=newest&section=…&year=…
  const params = new URLSearchParams(window.location.search);
  input.value = params.get('q') ?? '';
  section.value = params.get('section') ?? '';
  year.value = params.get('year') ?? '';
  for (const choice of sortChoices) choice.checked = choice.value === (params.get('sort') ?? '');
  const sortValue = (): string => sortChoices.find((choice) => choice.checked)?.value ?? '';

  /** The page's address for a search: ?q=…&sort=…&section=…&year=…, each only when set. */
  function searchAddress(term: string, filters: { section: string; year: string }): URL {
    const url = new URL(window.location.href);
    url.search = '';
    if (term) url.searchParams.set('q', term);
    if (sortValue()) url.searchParams.set('sort', sortValue());
    if (filters.section) url.searchParams.set('section', filters.section);
    if (filters.year) url.searchParams.set('year', filters.year);
    return url;
  }

  function keepUrlInStep(term: string): void {
    window.history.replaceState(null, '', searchAddress(term, { section: section.value, year: year.value }));
  }

  const archive = new ArchiveSearch(bundle, siteRoot.pathname);
  let searchNumber = 0;
  let run: SearchRun | undefined;
  let shown = 0;

  function announce(term: string): void {
    if (!run) return;
    // The count as a number too, for tools (the benchmark) that read the page.
    status.dataset.results = String(run.results.length);
    status.dataset.complete = String(run.complete);
    const count = countWithNoun(run.results.length, COUNTED.results, digits);
    status.textContent = fillPlaceholders(run.complete ? STRINGS.searchResultsFor : STRINGS.searchResultsSoFar, { count, query: term });
  }

  /** Shows the next results, asking older segments first when those found so far are shown. */
  async function showMore(number: number, term: string): Promise<void> {
    if (!run) return;
    await run.fill(shown + PAGE_SIZE);
    if (number !== searchNumber) return;
    const page = run.results.slice(shown, shown + PAGE_SIZE);
    const pageData = await Promise.all(page.map((result) => result.data()));
    if (number !== searchNumber) return;
    list.append(...pageData.map((data) => renderResult(data, run?.keys ?? new Set())));
    shown += page.length;
    more.hidden = shown >= run.results.length && run.complete;
    announce(term);
    if (run.complete && run.results.length === 0) showHelp(term);
  }

  /** What to try when nothing is found: the query as understood, other queries, filters off, where to browse. */
  function showHelp(term: string): void {
    understood.textContent = fillPlaceholders(STRINGS.searchUnderstood, { keys: [...(run?.keys ?? [])].join('، ') });
    const items = searchSuggestions(term, { section: section.value, year: year.value }).map((suggestion) => {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = searchAddress(suggestion.query, suggestion).href;
      link.textContent = suggestion.label;
      link.addEventListener('click', (event) => {
        event.preventDefault();
        input.value = suggestion.query;
        section.value = suggestion.section;
        year.value = suggestion.year;
        void search();
      });
      item.append(link);
      return item;
    });
    suggestions.replaceChildren(...items);
    suggestions.hidden = items.length === 0;
    help.hidden = false;
  }

  async function search(): Promise<void> {
    const number = ++searchNumber;
    const term = input.value.trim();
    keepUrlInStep(term);
    delete status.dataset.results;
    delete status.dataset.complete;
    help.hidden = true;
    if (!term) {
      list.replaceChildren();
      more.hidden = true;
      status.textContent = '';
      return;
    }
    status.textContent = STRINGS.searching;
    try {
      const started = await archive.start({ term, order: ORDERS[sortValue()] ?? 'relevance', section: section.value, year: year.value });
      if (number !== searchNumber) return;
      run = started;
      shown = 0;
      list.replaceChildren();
      more.hidden = true;
      // Announced once the results are there to read.
      await showMore(number, term);
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
  more.addEventListener('click', () => {
    const number = searchNumber;
    more.disabled = true;
    void showMore(number, input.value.trim()).finally(() => { more.disabled = false; });
  });
  if (input.value.trim()) void search();
}

const root = document.querySelector<HTMLElement>('[data-search]');
if (root) {
  startSearch(root);
  void startOfflineArchive(root);
}
