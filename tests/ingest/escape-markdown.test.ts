import { describe, expect, it } from 'vitest';
import { escapeMarkdownParagraph } from '../../scripts/lib/ingest/escape-markdown.ts';
import { createArticleMarkdown } from '../../scripts/lib/site/article-markdown.ts';
import { createRandom } from '../../scripts/tools/bench/prng.ts';

const md = createArticleMarkdown();

/** What markdown-it writes for literal text: & < > and " escaped, nothing else. */
function htmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}


const TEMPLATE_DELIMITERS = ['{{', '}}', '{%', '%}', '{#', '#}'];

describe('escapeMarkdownParagraph, rendered through markdown-it', () => {
  it.each([
    ['# title'], ['## عنوان فرعي'], ['#hashtag'], ['1. one'], ['1) one'], ['2017. عام'], ['- x'], ['* x'], ['+ x'], ['> q'],
    ['>> q'], ['`code`'], ['``code``'], ['```js'], ['~~~'], ['[x](y)'], ['![i](s)'], ['[x]: http://y'], ['[x][y]'],
    ['| a | b |'], ['a | b'], ['<script>alert(1)</script>'], ['<b>غامق</b>'], ['<!-- تعليق -->'], ['    four spaces'],
    ['\tتبويب'], ['  - x'], ['   1. x'], ['---'], ['- - -'], ['==='], ['***'], ['* * *'], ['___'], ['{{ 7*7 }}'],
    ['{% if %}'], ['{# comment #}'], ['{{{ raw }}}'], ['&amp; &copy;'], ['&#1576; &#x628;'], ['<http://x.y>'],
    ['<a@b.c>'], ['http://example.org'], ['a\\b'], ['\\#'], ['\\'], ['a\\'], ['~~s~~'], ['**b** _i_'], ['__b__ *i*'],
    ['"quoted" \'single\''], ['a  b'], ['-'], ['='], [':'], ['1.'], ['1234567890. ten digits'],
    ['قال: «نعم».. ثم مضى'], ['1- سجل هدفي الوحدة'], ['*   رفع الوحدة رصيده'],
  ])('renders «%s» as exactly that text', (paragraph) => {
    expect(md.render(escapeMarkdownParagraph(paragraph))).toBe(`<p>${htmlEscape(paragraph)}</p>\n`);
  });

  it('keeps plain Arabic prose unescaped, for editors', () => {
    const prose = 'أكدت إيران أن زيادة التنسيق بينها وبين روسيا، «من الضروريات» الملحة.';
    expect(escapeMarkdownParagraph(prose)).toBe(prose);
  });

  it.each([['{{ 7*7 }}'], ['{% include "x" %}'], ['{# c #}'], ['{{{ raw }}}'], ['}}{{%}{#']])(
    'leaves no template delimiter standing in the Markdown source of «%s»',
    (paragraph) => {
      const source = escapeMarkdownParagraph(paragraph);
      for (const delimiter of TEMPLATE_DELIMITERS) expect(source).not.toContain(delimiter);
    },
  );

  it('renders paragraphs joined by blank lines as one <p> each, in order', () => {
    const paragraphs = ['# أولاً', '- ثانياً', '    ثالثاً', '---', '> رابعاً'];
    const rendered = md.render(paragraphs.map(escapeMarkdownParagraph).join('\n\n'));
    expect(rendered).toBe(paragraphs.map((paragraph) => `<p>${htmlEscape(paragraph)}</p>\n`).join(''));
  });

  it('renders 2000 random one-line paragraphs as exactly their text (seeded, so every run sees the same ones)', () => {
    const alphabet = [
      ...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
      ...'0123456789',
      ...'     ',
      ...'سوريةطهرانإأآءؤئىـً',
      ...'abcXYZ',
    ];
    const random = createRandom(0x5eed).next;
    const pick = (): string => alphabet[Math.floor(random() * alphabet.length)] ?? ' ';
    const failures: string[] = [];
    for (let run = 0; run < 2000; run += 1) {
      const leading = ' '.repeat(random() < 0.15 ? Math.floor(random() * 6) : 0);
      let paragraph = `${leading}${Array.from({ length: 1 + Math.floor(random() * 40) }, pick).join('')}`.trimEnd();
      if (paragraph.trim() === '') paragraph = `${leading}#`;
      const source = escapeMarkdownParagraph(paragraph);
      if (md.render(source) !== `<p>${htmlEscape(paragraph)}</p>\n`) failures.push(paragraph);
      if (TEMPLATE_DELIMITERS.some((delimiter) => source.includes(delimiter))) failures.push(`template: ${paragraph}`);
    }
    expect(failures).toEqual([]);
  });
});
