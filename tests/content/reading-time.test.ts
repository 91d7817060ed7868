// Reading time from an article's rendered body: words between the tags, at the pace for Arabic.
// wordCount is one pass over the text; its definition, as regular expressions over the text
// with markup and entities made spaces, is counted here too, and the two must agree.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readingMinutes, WORD_CHARACTER, WORD_JOINERS, wordCount, WORDS_PER_MINUTE } from '../../scripts/lib/content/reading-time.ts';
import { createArticleMarkdown } from '../../scripts/lib/site/article-markdown.ts';
import { createRandom } from '../../scripts/tools/bench/prng.ts';

const RAW = fileURLToPath(new URL('../fixtures/raw/', import.meta.url));
const run = WORD_CHARACTER.source.replace(']', ']+');
const WORD = new RegExp(`${run}(?:[${WORD_JOINERS.replace('-', '\\-')}]${run})*`, 'gu');
/** The count as defined: markup, then entities, made spaces; then the words matched. */
const definedCount = (html: string): number => html.replace(/<[^>]*>/g, ' ').replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, ' ').match(WORD)?.length ?? 0;

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
    expect(definedCount(html)).toBe(expected);
  });

  it('counts the sample articles, rendered, as its definition does', () => {
    const markdown = createArticleMarkdown();
    const files = readdirSync(RAW).filter((name) => name.endsWith('.txt'));
    expect(files.length).toBeGreaterThan(3);
    for (const name of files) {
      const html = markdown.render(readFileSync(`${RAW}${name}`, 'utf8'));
      expect(wordCount(html), name).toBe(definedCount(html));
      expect(wordCount(html), name).toBeGreaterThan(50);
    }
  });

  it('counts any mix of words, joiners, markup, entities and the rest as its definition does', () => {
    const pieces = [
      'قال', 'الوزير', 'مُتَقَدِّماً', 'COVID', '19', '12', 'ـ', '\u064b', '𝐀𝐁', '😀', '\ud83d', '\ude00',
      '-', "'", '’', '.', '..', ' ', '\n', '«', '»', '،', '%', '&', ';', '#', 'x', 'X1f', 'amp', '&amp;', '&#1575;', '&#x627;', '&#X62A;',
      '&#12a;', '&nbsp', '<', '>', '<p>', '</strong>', '<a href="/a-b/" title="عنوان">', '<br/>', '<<>', '>>',
    ];
    const random = createRandom(11);
    for (let round = 0; round < 3000; round++) {
      const html = Array.from({ length: random.int(0, 14) }, () => random.pick(pieces)).join('');
      expect(wordCount(html), JSON.stringify(html)).toBe(definedCount(html));
    }
  });
});

describe('readingMinutes', () => {
  it.each([
    [0, 0], [80, 0], [WORDS_PER_MINUTE / 2 + 1, 1], [WORDS_PER_MINUTE, 1], [WORDS_PER_MINUTE * 2, 2], [WORDS_PER_MINUTE * 3 + 10, 3], [WORDS_PER_MINUTE * 11, 11],
  ])('gives %i words %i minutes', (count, minutes) => {
    expect(readingMinutes(`<p>${words(count)}</p>`)).toBe(minutes);
  });
});
