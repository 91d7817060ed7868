// The one front-matter reader: what it reads of a document, in js-yaml 4's dialect, and that
// each reading is its own; and the one rule for where the front matter ends in the text,
// which must cut every document where the reader does.
import { describe, expect, it } from 'vitest';
import { FRONT_MATTER_YAML, opensFrontMatter, readArticleDocument, readFrontMatter, splitFrontMatter } from '../../scripts/lib/content/front-matter.ts';

const DOCUMENT = [
  '---',
  'id: f4b3dfa3adcd8716',
  "title: 'طهران.. لتعزيز التنسيق مع موسكو'",
  "date: '2017-07-05'",
  'tags:',
  '  - إيران',
  '---',
  'الفقرة الأولى',
  '',
].join('\n');

describe('readArticleDocument', () => {
  it('splits a document into its front matter and its Markdown body', () => {
    expect(readArticleDocument(DOCUMENT)).toEqual({
      data: { id: 'f4b3dfa3adcd8716', title: 'طهران.. لتعزيز التنسيق مع موسكو', date: '2017-07-05', tags: ['إيران'] },
      body: 'الفقرة الأولى\n',
    });
  });

  it('reads a quoted date as text, as the schema wants it', () => {
    expect(typeof readArticleDocument(DOCUMENT).data.date).toBe('string');
  });

  it('reads a document without front matter as a body alone', () => {
    expect(readArticleDocument('نص فقط\n')).toEqual({ data: {}, body: 'نص فقط\n' });
  });

  it('throws js-yaml\'s error on a front matter that is not YAML', () => {
    expect(() => readArticleDocument('---\ntitle: وزير الخارجية: لا تفاوض\n---\n')).toThrow(/bad indentation|mapping/);
  });
});

describe('readFrontMatter', () => {
  it('hands out a fresh object each time, so a change to one does not leak', () => {
    const first = readFrontMatter(DOCUMENT);
    first.title = 'changed';
    (first.tags as string[]).push('changed');
    expect(readFrontMatter(DOCUMENT)).toMatchObject({ title: 'طهران.. لتعزيز التنسيق مع موسكو', tags: ['إيران'] });
  });
});

describe('splitFrontMatter', () => {
  // [case, document, front matter, body]: the front matter's lines between the delimiters, and the body.
  const closed: [string, string, string, string][] = [
    ['a document as ingest writes it', DOCUMENT, DOCUMENT.slice(4, DOCUMENT.indexOf('\n---\n') + 1), 'الفقرة الأولى\n'],
    ['an empty front matter', '---\n---\nنص\n', '', 'نص\n'],
    ['an empty front matter and no body', '---\n---\n', '', ''],
    ['a closing line that ends the file', '---\nid: x\n---', 'id: x\n', ''],
    ['Windows line ends', '---\r\nid: x\r\n---\r\nنص\r\n', 'id: x\r\n', 'نص\r\n'],
    ['a byte order mark before the opening line', '\ufeff---\nid: x\n---\nنص\n', 'id: x\n', 'نص\n'],
    ['trailing spaces on the opening line', '---  \nid: x\n---\nنص\n', 'id: x\n', 'نص\n'],
    ['a --- line in the body', '---\nid: x\n---\nفقرة\n\n---\n\nفقرة أخرى\n', 'id: x\n', 'فقرة\n\n---\n\nفقرة أخرى\n'],
    ['a --- inside a field value, not at a line start', "---\ntitle: 'أ --- ب'\n---\nنص\n", "title: 'أ --- ب'\n", 'نص\n'],
    // gray-matter closes at any line that starts with ---, and leaves the rest of it to the body.
    ['a closing line with trailing spaces', '---\nid: x\n---  \nنص\n', 'id: x\n', '  \nنص\n'],
    ['a closing line of four dashes', '---\nid: x\n----\nنص\n', 'id: x\n', '-\nنص\n'],
    ['a blank line before the body', '---\nid: x\n---\n\nنص\n', 'id: x\n', '\nنص\n'],
  ];

  it.each(closed)('splits %s', (_case, document, frontMatter, body) => {
    const split = splitFrontMatter(document);
    expect(split).toEqual({ frontMatter, closingStart: expect.any(Number), bodyStart: document.length - body.length, body });
    expect(document.slice(split?.closingStart).startsWith('---')).toBe(true);
    expect(document.slice(0, split?.closingStart).endsWith(frontMatter)).toBe(true);
  });

  it.each(closed)('cuts %s where the reader does: the same fields, the same body', (_case, document) => {
    const split = splitFrontMatter(document);
    expect(split && { data: FRONT_MATTER_YAML.parse(split.frontMatter), body: split.body }).toEqual(readArticleDocument(document));
  });

  it.each([
    ['no front matter', 'نص فقط\n'],
    ['an empty document', ''],
    ['an opening line of four dashes (a Markdown rule)', '----\nid: x\n----\nنص\n'],
    ['an opening --- that is not the first line', '\n---\nid: x\n---\nنص\n'],
    ['an opening --- and nothing else', '---'],
    ['no closing line', '---\nid: x\nنص\n'],
    ['a closing --- indented, so not at a line start', '---\nid: x\n ---\nنص\n'],
  ])('finds none in a document with %s', (_case, document) => {
    expect(splitFrontMatter(document)).toBeUndefined();
  });

  it('tells a document that opens one but never closes it from one that opens none', () => {
    expect(opensFrontMatter('---\nid: x\n')).toBe(true);
    expect(opensFrontMatter('----\nid: x\n')).toBe(false);
    expect(opensFrontMatter('نص\n---\n')).toBe(false);
  });
});
