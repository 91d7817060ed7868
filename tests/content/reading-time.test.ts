// Reading time from an article's rendered body: words between the tags, at the pace for Arabic.
import { describe, expect, it } from 'vitest';
import { readingMinutes, wordCount, WORDS_PER_MINUTE } from '../../scripts/lib/content/reading-time.ts';

const words = (count: number): string => Array.from({ length: count }, () => 'كلمة').join(' ');

describe('wordCount', () => {
  it.each([
    ['plain Arabic words', 'قال الوزير إن الخطة تشمل', 5],
    ['words with clitics, one word each', 'وبالمدينة والمسؤولين وسيكتبونها', 3],
    ['markup left out, not counted as words', '<p>قال <strong>الوزير</strong></p>\n<p>أمس</p>', 3],
    ['an attribute is not text', '<a href="/articles/abc/" title="عنوان طويل جداً">الرابط</a>', 1],
    ['digits and Latin words count', 'نمو 12.5% في عام 2023 و«COVID-19»', 7],
    ['entities are not words', 'أ&nbsp;ب &amp; ج', 3],
    ['diacritics stay inside their word', 'مُتَقَدِّماً', 1],
    ['nothing', '', 0],
  ])('counts %s', (_case, html, expected) => {
    expect(wordCount(html)).toBe(expected);
  });
});

describe('readingMinutes', () => {
  it.each([
    [0, 0], [80, 0], [WORDS_PER_MINUTE / 2 + 1, 1], [WORDS_PER_MINUTE, 1], [WORDS_PER_MINUTE * 2, 2], [WORDS_PER_MINUTE * 3 + 10, 3], [WORDS_PER_MINUTE * 11, 11],
  ])('gives %i words %i minutes', (count, minutes) => {
    expect(readingMinutes(`<p>${words(count)}</p>`)).toBe(minutes);
  });
});
