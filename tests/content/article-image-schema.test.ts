// The front matter's `image`: a picture under content/images/ with its text alternative,
// and a caption and credit if wanted; anything else is named as a problem with its fix.
import { describe, expect, it } from 'vitest';
import { validateArticleFrontMatter } from '../../scripts/lib/content/article-schema.ts';
import { describeProblem } from '../../scripts/lib/content/problem-messages.ts';

const HEX64 = 'a'.repeat(64);
const article = (image: unknown): Record<string, unknown> => ({
  id: 'f4b3dfa3adcd8716', title: 'عنوان', section: 'سورية', date: '2017-07-06', dateSource: 'manifest',
  excerpt: '', tags: [], source: 'a.txt', sourceSha256: HEX64, textSha256: HEX64, image,
});

describe('the image field', () => {
  it.each([
    ['a JPEG with its alt text', { src: 'images/2017/07/market.jpg', alt: 'سوق الحميدية' }],
    ['a PNG with a caption and a credit', { src: 'images/market.PNG', alt: 'سوق', caption: 'سوق الحميدية في دمشق', credit: 'رويترز' }],
    ['a WebP and a .jpeg', { src: 'images/a/b.webp', alt: 'صورة' }],
    ['a .jpeg', { src: 'images/b.jpeg', alt: 'صورة' }],
  ])('accepts %s', (_case, image) => {
    expect(validateArticleFrontMatter(article(image))).toEqual([]);
  });

  it.each([
    ['a bare file name rather than src and alt', 'images/market.jpg'],
    ['a list', [{ src: 'images/market.jpg', alt: 'سوق' }]],
    ['no alt text', { src: 'images/market.jpg' }],
    ['empty alt text', { src: 'images/market.jpg', alt: '  ' }],
    ['no src', { alt: 'سوق' }],
    ['a file outside images/', { src: 'articles/market.jpg', alt: 'سوق' }],
    ['a way out of the content folder', { src: 'images/../../secret.jpg', alt: 'سوق' }],
    ['an absolute path', { src: '/images/market.jpg', alt: 'سوق' }],
    ['a format the site does not make pictures of', { src: 'images/market.gif', alt: 'سوق' }],
    ['an empty caption', { src: 'images/market.jpg', alt: 'سوق', caption: '' }],
    ['a credit that is not text', { src: 'images/market.jpg', alt: 'سوق', credit: 3 }],
    ['an unknown key', { src: 'images/market.jpg', alt: 'سوق', title: 'سوق' }],
  ])('refuses %s', (_case, image) => {
    expect(validateArticleFrontMatter(article(image))).toEqual([{ field: 'image', code: 'image', message: expect.stringContaining('must be src') }]);
  });
});

describe('the words for a picture problem', () => {
  it('tells an editor how to write the field, in Arabic and English', () => {
    const { where, arabic, english } = describeProblem({ file: 'content/articles/2017/07/a.md', code: 'image', line: 12, field: 'image' });
    expect(where).toBe('content/articles/2017/07/a.md:12 (image)');
    expect(arabic).toContain('الصورة (image)');
    expect(arabic).toContain('alt');
    expect(english).toContain('image must be src');
  });

  it('names the missing file', () => {
    const { arabic, english } = describeProblem({ file: 'content/articles/a.md', code: 'missingImage', line: 12, field: 'image', values: { value: 'content/images/market.jpg' } });
    expect(arabic).toBe('ملف الصورة content/images/market.jpg غير موجود — ضع الصورة في content/images/market.jpg أو صحّح مسارها في src (وهو داخل content/)');
    expect(english).toContain('the picture content/images/market.jpg does not exist');
  });
});
