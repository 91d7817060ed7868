// What the search page offers when a search finds nothing (assets/js/search-suggestions.ts).
import { describe, expect, it } from 'vitest';
import { searchSuggestions } from '../../assets/js/search-suggestions.ts';
import { STRINGS } from '../../scripts/lib/config/locale-ar.ts';

const none = { section: '', year: '' };

describe('searchSuggestions', () => {
  it('offers the Arabic the keys give when the keyboard was on its Latin layout', () => {
    expect(searchSuggestions('hguvhr', none)).toEqual([{ label: 'هل تقصد «العراق»؟', query: 'العراق', section: '', year: '' }]);
  });

  it('offers the query without its quotes', () => {
    expect(searchSuggestions('"وزير الصحة الجديد"', none)).toEqual([{ label: STRINGS.searchWithoutQuotes, query: 'وزير الصحة الجديد', section: '', year: '' }]);
  });

  it('offers a query of several words without each of them', () => {
    expect(searchSuggestions('مازن البرتقال', none).map((suggestion) => [suggestion.label, suggestion.query])).toEqual([
      ['البحث دون كلمة «مازن»', 'البرتقال'],
      ['البحث دون كلمة «البرتقال»', 'مازن'],
    ]);
  });

  it('offers the same query without the section, then without the year', () => {
    expect(searchSuggestions('دمشق', { section: 'رياضة', year: '2019' })).toEqual([
      { label: STRINGS.searchClearSection, query: 'دمشق', section: '', year: '2019' },
      { label: STRINGS.searchClearYear, query: 'دمشق', section: 'رياضة', year: '' },
    ]);
  });

  it('has nothing to offer for one plain word with no filter', () => {
    expect(searchSuggestions('زلزال', none)).toEqual([]);
  });
});
