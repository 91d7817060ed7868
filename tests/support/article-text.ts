// A hand-written article document whose lines the tests can count: line 3 is the title,
// line 4 the section, line 5 the date, line 9 the one tag, line 13 the closing ---.
export const ARTICLE_LINES: readonly string[] = [
  '---',
  'id: a000000000000000',
  'title: خبر عن دمشق',
  'section: سورية',
  "date: '2017-07-05'",
  'dateSource: manifest',
  'excerpt: ملخص الخبر.',
  'tags:',
  '  - دمشق',
  'source: 000_a000000000000000.txt',
  `sourceSha256: ${'a'.repeat(64)}`,
  `textSha256: ${'b'.repeat(64)}`,
  '---',
  'نص الخبر.',
  '',
];

/** The document with line `number` (1-based) replaced by `lines` (none: the line removed). */
export function articleTextWith(number: number, ...lines: string[]): string {
  return [...ARTICLE_LINES.slice(0, number - 1), ...lines, ...ARTICLE_LINES.slice(number)].join('\n');
}

export const ARTICLE_TEXT = ARTICLE_LINES.join('\n');
