import { describe, expect, it } from 'vitest';
import { isArticleFrontMatter, validateArticleFrontMatter } from '../../scripts/lib/content/article-schema.ts';

const HEX64 = 'a'.repeat(64);

function validFrontMatter(): Record<string, unknown> {
  return {
    id: 'f4b3dfa3adcd8716',
    title: 'طهران.. لتعزيز التنسيق مع موسكو',
    section: 'سورية',
    byline: 'دمشق - رامي سلوم',
    author: 'رامي سلوم',
    place: 'دمشق',
    date: '2017-07-06T09:30:00+03:00',
    dateSource: 'manifest',
    excerpt: 'أكدت إيران…',
    tags: ['إيران', 'روسيا'],
    source: '000_f4b3dfa3adcd8716.txt',
    sourceUrl: 'https://example.org/a',
    sourceSha256: HEX64,
    textSha256: HEX64,
    ingestSha256: HEX64,
  };
}

describe('validateArticleFrontMatter', () => {
  it('accepts a complete, valid front matter', () => {
    expect(validateArticleFrontMatter(validFrontMatter())).toEqual([]);
    expect(isArticleFrontMatter(validFrontMatter())).toBe(true);
  });

  it('accepts the optional fields left out, an empty excerpt and an empty tag list', () => {
    const data = validFrontMatter();
    for (const field of ['byline', 'author', 'place', 'sourceUrl', 'ingestSha256']) delete data[field];
    expect(validateArticleFrontMatter({ ...data, excerpt: '', tags: [], date: '2017-07-06' })).toEqual([]);
  });

  it('tolerates the fields that directory data adds', () => {
    expect(validateArticleFrontMatter({ ...validFrontMatter(), layout: 'article.njk', permalink: '/x/', eleventyExcludeFromCollections: true })).toEqual([]);
  });

  it.each([
    ['id', 'F4B3DFA3ADCD8716', 'must be 16 lower-case hex digits'],
    ['id', 'f4b3dfa3adcd871', 'must be 16 lower-case hex digits'],
    ['title', '   ', 'must be non-empty text'],
    ['title', 42, 'must be non-empty text'],
    ['section', '', 'must be non-empty text'],
    ['author', '', 'must be non-empty text'],
    ['date', '2017-02-30', 'must be a real date as YYYY-MM-DD or ISO 8601 with an offset'],
    ['date', '2017-07-06T09:30:00', 'must be a real date as YYYY-MM-DD or ISO 8601 with an offset'],
    ['date', new Date('2017-07-06'), 'must be quoted text (YYYY-MM-DD or ISO 8601 with offset), not a bare YAML date'],
    ['updated', 'أمس', 'must be a real date as YYYY-MM-DD or ISO 8601 with an offset'],
    ['dateSource', 'guess', 'must be one of manifest, line, option, mtime'],
    ['excerpt', ['a'], 'must be text'],
    ['tags', 'إيران', 'must be a list of non-empty texts'],
    ['tags', ['إيران', ''], 'must be a list of non-empty texts'],
    ['sourceSha256', 'abc', 'must be 64 lower-case hex digits'],
    ['textSha256', 'A'.repeat(64), 'must be 64 lower-case hex digits'],
    ['draft', 'yes', 'must be true or false'],
  ])('reports %s = %j: %s', (field, value, message) => {
    expect(validateArticleFrontMatter({ ...validFrontMatter(), [field]: value })).toMatchObject([{ field, message }]);
  });

  it('reports every problem, not only the first', () => {
    const data: Record<string, unknown> = {
      ...validFrontMatter(),
      id: 'nope',
      date: new Date('2017-07-06'),
      dateSource: 'guess',
      tags: 'إيران',
      colour: 'أحمر',
    };
    delete data.title;
    delete data.sourceSha256;
    const problems = validateArticleFrontMatter(data);
    expect(problems.map((problem) => problem.field).sort()).toEqual(['colour', 'date', 'dateSource', 'id', 'sourceSha256', 'tags', 'title']);
    expect(problems).toContainEqual({ field: 'title', code: 'missing', message: 'is missing' });
    expect(problems).toContainEqual({ field: 'colour', code: 'unknownField', message: 'is not a known field' });
    expect(problems).toContainEqual({ field: 'date', code: 'bareDate', message: 'must be quoted text (YYYY-MM-DD or ISO 8601 with offset), not a bare YAML date' });
    expect(isArticleFrontMatter(data)).toBe(false);
  });

  it('reports every required field of an empty front matter as missing', () => {
    expect(validateArticleFrontMatter({})).toEqual(
      ['id', 'title', 'section', 'date', 'dateSource', 'excerpt', 'tags', 'source', 'sourceSha256', 'textSha256']
        .map((field) => ({ field, code: 'missing', message: 'is missing' })),
    );
  });

  it('treats a null value (an empty YAML field) as missing', () => {
    expect(validateArticleFrontMatter({ ...validFrontMatter(), title: null, byline: null })).toEqual([{ field: 'title', code: 'missing', message: 'is missing' }]);
  });
});
