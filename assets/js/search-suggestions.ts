// What the search page offers when a search finds nothing: other queries the reader may
// have meant (the Arabic the keys typed give on the Arabic layout, the query without its
// quotes, without one of its words) and the same query without the section or year filter.
// Pure: the page turns them into links.

import { arabicFromLatinKeys } from '../../scripts/lib/arabic/keyboard-layout.ts';
import { wordsOf } from '../../scripts/lib/arabic/search-normalise.ts';
import { fillPlaceholders, STRINGS } from '../../scripts/lib/config/locale-ar.ts';

export interface SearchSuggestion {
  /** What the link says. */
  label: string;
  query: string;
  section: string;
  year: string;
}

/** Words of a query long enough to offer the query without each of them. */
const MAX_WORDS_TO_DROP = 4;

export function searchSuggestions(term: string, filters: { section: string; year: string }): SearchSuggestion[] {
  const same = { section: filters.section, year: filters.year };
  const suggestions: SearchSuggestion[] = [];
  const arabic = arabicFromLatinKeys(term);
  if (arabic) suggestions.push({ label: fillPlaceholders(STRINGS.searchDidYouMean, { query: arabic }), query: arabic, ...same });
  if (term.includes('"')) {
    const unquoted = term.replace(/"/g, ' ').replace(/\s+/g, ' ').trim();
    if (unquoted) suggestions.push({ label: STRINGS.searchWithoutQuotes, query: unquoted, ...same });
  } else {
    const words = wordsOf(term);
    if (words.length > 1 && words.length <= MAX_WORDS_TO_DROP) {
      for (const word of words) {
        suggestions.push({ label: fillPlaceholders(STRINGS.searchWithoutWord, { word }), query: words.filter((other) => other !== word).join(' '), ...same });
      }
    }
  }
  if (filters.section) suggestions.push({ label: STRINGS.searchClearSection, query: term, section: '', year: filters.year });
  if (filters.year) suggestions.push({ label: STRINGS.searchClearYear, query: term, section: filters.section, year: '' });
  return suggestions;
}
