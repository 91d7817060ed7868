// The one front-matter reader: what it reads of a document, in js-yaml 4's dialect, and that
// each reading is its own.
import { describe, expect, it } from 'vitest';
import { readArticleDocument, readFrontMatter } from '../../scripts/lib/content/front-matter.ts';

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
