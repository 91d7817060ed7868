// Result excerpts: the article's own words around the matches, never the variant block.
import { describe, expect, it } from 'vitest';
import { queryKey, wordsOf } from '../../scripts/lib/arabic/search-normalise.ts';
import { articleWords, buildExcerpt, type ExcerptPart } from '../../assets/js/result-excerpt.ts';

const keysOf = (query: string): Set<string> => new Set(wordsOf(query).map(queryKey));
const asText = (parts: ExcerptPart[] | undefined): string | undefined =>
  parts?.map((part) => (part.marked ? `[${part.text}]` : part.text)).join('');

const CONTENT = 'عنوان الخبر. بحث الوزير العلاقات مع الأردن والعراق أمس. ⁂ وزير علاقات اردن عراق.';

describe('articleWords', () => {
  it('stops before the variant block', () => {
    expect(articleWords(CONTENT).at(-1)).toBe('أمس.');
  });

  it('keeps every word of a page without one', () => {
    expect(articleWords('نص بلا كتلة')).toEqual(['نص', 'بلا', 'كتلة']);
  });
});

describe('buildExcerpt', () => {
  it('marks the article\'s words the query matches', () => {
    expect(asText(buildExcerpt(CONTENT, keysOf('الوزير')))).toBe('عنوان الخبر. بحث [الوزير] العلاقات مع الأردن والعراق أمس.');
  });

  it('marks a word matched only through the variant block in its own spelling', () => {
    expect(asText(buildExcerpt(CONTENT, keysOf('العراق')))).toBe('عنوان الخبر. بحث الوزير العلاقات مع الأردن [والعراق] أمس.');
  });

  it('marks a word the key starts, as the index matches it by prefix', () => {
    expect(asText(buildExcerpt('زار الوفد العراقي أمس.', keysOf('العراق')))).toBe('زار الوفد [العراقي] أمس.');
  });

  it('marks only real matches: never a word that merely shares letters with the query', () => {
    // Pagefind's Arabic stemmer cut «الانتخابات» to two letters and matched «أن» and «إن».
    expect(buildExcerpt('قال إن الدول أكدت أن التعاون مستمر.', keysOf('الانتخابات'))).toBeUndefined();
    expect(buildExcerpt('قال مازن إن الأسعار ارتفعت.', keysOf('المازوت'))).toBeUndefined();
  });

  it('has nothing to show when the article\'s words hold no match (the page shows its summary)', () => {
    expect(buildExcerpt(CONTENT, keysOf('كلمة'))).toBeUndefined();
  });

  it('leaves out the title the result shows anyway', () => {
    expect(asText(buildExcerpt(CONTENT, keysOf('عنوان الوزير'), { leadingText: 'عنوان الخبر.' }))).toBe('بحث [الوزير] العلاقات مع الأردن والعراق أمس.');
    expect(buildExcerpt(CONTENT, keysOf('عنوان'), { leadingText: 'عنوان الخبر.' })).toBeUndefined();
  });

  it('shows a window of the given length around the densest matches, with ellipses where it cuts', () => {
    const words = Array.from({ length: 60 }, (_, index) => `كلمة${index}`);
    words[40] = 'دمشق';
    words[42] = 'دمشق';
    const excerpt = asText(buildExcerpt(words.join(' '), keysOf('دمشق'), { length: 10 }));
    expect(excerpt).toBe('… كلمة37 كلمة38 كلمة39 [دمشق] كلمة41 [دمشق] كلمة43 كلمة44 كلمة45 كلمة46 …');
  });
});
