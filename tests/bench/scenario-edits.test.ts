// The publishing scenarios' edits change what they say they change and nothing else: one
// sentence of a body, the title in a front matter that stays valid YAML, one layout.

import { describe, expect, it } from 'vitest';
import {
  BODY_EDIT_CLAUSE, editFirstSentence, editHeadline, editLayout, HEADLINE_EDIT_SUFFIX, itemAt, LAYOUT_EDIT_COMMENT,
} from '../../scripts/tools/bench/scenario-edits.ts';
import { readArticleDocument } from '../../scripts/lib/content/front-matter.ts';
import { renderArticleDocument } from '../../scripts/lib/ingest/article-document.ts';

function article(title: string, paragraphs: readonly string[] = ['قال الوزير إن العمل مستمر. وأضاف أن الخطة جاهزة.', 'فقرة ثانية.']): string {
  return renderArticleDocument({
    id: '0123456789abcdef',
    title,
    section: 'اقتصاد',
    date: '2016-01-04',
    dateSource: 'manifest',
    excerpt: 'قال الوزير إن العمل مستمر',
    tags: ['سورية', 'دمشق'],
    source: '000000_0123456789abcdef.txt',
    sourceSha256: 'a'.repeat(64),
    textSha256: 'b'.repeat(64),
  }, paragraphs);
}

/** The lines of a text that differ from another's, side by side; both must have as many lines. */
function changedLines(before: string, after: string): [string, string][] {
  const [a, b] = [before.split('\n'), after.split('\n')];
  expect(b).toHaveLength(a.length);
  return a.flatMap((line, index) => (line === b[index] ? [] : [[line, b[index] ?? '']]));
}

describe('editFirstSentence', () => {
  it('lengthens the first sentence of the body and leaves the front matter and the rest alone', () => {
    const before = article('المصرف المركزي يثبّت سعر الصرف');
    const after = editFirstSentence(before);
    expect(changedLines(before, after)).toEqual([[
      'قال الوزير إن العمل مستمر. وأضاف أن الخطة جاهزة.',
      `قال الوزير إن العمل مستمر${BODY_EDIT_CLAUSE}. وأضاف أن الخطة جاهزة.`,
    ]]);
    expect(readArticleDocument(after).data).toEqual(readArticleDocument(before).data);
  });

  it('ends a first paragraph without a full stop with the clause and one', () => {
    const after = editFirstSentence(article('عنوان', ['فقرة بلا نقطة في آخرها']));
    expect(readArticleDocument(after).body).toContain(`فقرة بلا نقطة في آخرها${BODY_EDIT_CLAUSE}.`);
  });

  it('does not take a decimal point for the end of a sentence', () => {
    const after = editFirstSentence(article('عنوان', ['ارتفع المؤشر 2.5 بالمئة أمس. ثم استقر.']));
    expect(readArticleDocument(after).body).toContain(`ارتفع المؤشر 2.5 بالمئة أمس${BODY_EDIT_CLAUSE}. ثم استقر.`);
  });

  it('edits an article an editor saved with Windows line ends, its front matter left alone', () => {
    const before = article('عنوان').replace(/\n/gu, '\r\n');
    const after = editFirstSentence(before);
    expect(readArticleDocument(after).data).toEqual(readArticleDocument(before).data);
    expect(readArticleDocument(after).body).toBe(readArticleDocument(before).body.replace('مستمر.', `مستمر${BODY_EDIT_CLAUSE}.`));
  });

  it('refuses a file without front matter or without body text', () => {
    expect(() => editFirstSentence('نص بلا رأس.')).toThrow(/no front matter/);
    expect(() => editFirstSentence('---\ntitle: عنوان\n---\n\n')).toThrow(/no body text/);
  });
});

describe('editHeadline', () => {
  it.each([
    ['a plain Arabic title', 'المصرف المركزي يثبّت سعر الصرف'],
    ['a title with a colon', 'عاجل: انقطاع الكهرباء في حلب'],
    ['a title that opens with a guillemet', '«الوطن» تنشر التفاصيل'],
    ['a title with double quotes and a backslash', 'قال "نعم" \\ ثم مضى'],
    ['a title of digits', '2017'],
    ['a title ending in two dots', 'ارتفاع الأسعار.. والرواتب ثابتة'],
  ])('changes only the title of %s, in front matter that stays valid YAML', (_, title) => {
    const before = article(title);
    const after = editHeadline(before);
    const [read, readBefore] = [readArticleDocument(after), readArticleDocument(before)];
    expect(read.data.title).toBe(`${title}${HEADLINE_EDIT_SUFFIX}`);
    expect({ ...read.data, title: undefined }).toEqual({ ...readBefore.data, title: undefined });
    expect(read.body).toBe(readBefore.body);
    expect(changedLines(before, after)).toHaveLength(1);
    expect(changedLines(before, after)[0]?.[1]).toMatch(/^title: ".*"$/u);
  });

  it('takes the new title from the function it is given', () => {
    expect(readArticleDocument(editHeadline(article('قديم'), () => 'جديد')).data.title).toBe('جديد');
  });

  it('changes the title line only, never a body line that looks like one', () => {
    const before = article('عنوان', ['title: ليس عنواناً.']);
    const after = editHeadline(before);
    expect(readArticleDocument(after).body).toBe(readArticleDocument(before).body);
  });

  it('refuses front matter without a title', () => {
    expect(() => editHeadline('---\nid: x\n---\nنص.\n')).toThrow(/no title/);
  });
});

describe('editLayout', () => {
  it('puts a comment inside the footer element', () => {
    const template = '<footer class="site-footer">\n  <p>©</p>\n</footer>\n';
    expect(editLayout(template)).toBe(`<footer class="site-footer">\n  <p>©</p>\n  ${LAYOUT_EDIT_COMMENT}\n</footer>\n`);
  });

  it('appends the comment to a layout without a footer', () => {
    expect(editLayout('<p>x</p>')).toBe(`<p>x</p>\n${LAYOUT_EDIT_COMMENT}\n`);
    expect(editLayout('<p>x</p>\n')).toBe(`<p>x</p>\n${LAYOUT_EDIT_COMMENT}\n`);
  });
});

describe('itemAt', () => {
  it.each([[0, 'a'], [1 / 3, 'b'], [2 / 3, 'c'], [0.999, 'c'], [1, 'c']])('picks the item at %d of a list of three', (fraction, item) => {
    expect(itemAt(['a', 'b', 'c'], fraction)).toBe(item);
  });

  it('refuses an empty list', () => {
    expect(() => itemAt([], 0)).toThrow(/nothing to pick/);
  });
});
