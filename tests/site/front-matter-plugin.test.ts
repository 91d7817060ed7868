// Lenient front matter: values Eleventy would choke on, and YAML it cannot read, are set
// aside with their original values so the build can report every bad file at once; tags
// are always kept from Eleventy (it would make a collection of each) as articleTags.
import { describe, expect, it } from 'vitest';
import { ARTICLE_TAGS_KEY, parseFrontMatterLeniently, SET_ASIDE_KEY } from '../../scripts/lib/site/front-matter-plugin.ts';

describe('parseFrontMatterLeniently', () => {
  it('passes good front matter through untouched, but for the tags, which Eleventy never sees', () => {
    const text = [
      'id: f4b3dfa3adcd8716',
      'title: "افتتاح معرض دمشق الدولي"',
      'section: اقتصاد',
      "date: '2017-07-05'",
      'tags:',
      '  - دمشق',
      '  - معرض دمشق الدولي',
      'draft: false',
    ].join('\n');
    expect(parseFrontMatterLeniently(text)).toEqual({
      id: 'f4b3dfa3adcd8716',
      title: 'افتتاح معرض دمشق الدولي',
      section: 'اقتصاد',
      date: '2017-07-05',
      [ARTICLE_TAGS_KEY]: ['دمشق', 'معرض دمشق الدولي'],
      draft: false,
      [SET_ASIDE_KEY]: { values: { tags: ['دمشق', 'معرض دمشق الدولي'] } },
    });
  });

  it.each([
    ['a single tag as text', 'tags: دمشق', { [ARTICLE_TAGS_KEY]: ['دمشق'], [SET_ASIDE_KEY]: { values: { tags: 'دمشق' } } }],
    ['an instant with an offset', "date: '2017-07-05T09:30:00+03:00'", { date: '2017-07-05T09:30:00+03:00' }],
    ['no front matter at all', '', {}],
  ])('accepts %s', (_case, text, expected) => {
    expect(parseFrontMatterLeniently(text)).toEqual(expected);
  });

  it('reads a bare YAML date as a Date and leaves it for the schema to reject', () => {
    const data = parseFrontMatterLeniently('date: 2017-07-05');
    expect(data.date).toEqual(new Date('2017-07-05T00:00:00Z'));
    expect(data[SET_ASIDE_KEY]).toBeUndefined();
  });

  it.each([
    ['tags that are a number', 'tags: 7', { tags: 7 }],
    ['tags with a number among them', 'tags: [دمشق, 7]', { tags: ['دمشق', 7] }],
    ['tags that are a mapping', 'tags: { a: 1 }', { tags: { a: 1 } }],
    ['an unparsable date', 'date: أمس', { date: 'أمس' }],
    ['a date that is a number', 'date: 2017', { date: 2017 }],
    ['both at once', "tags: 7\ndate: 'not a date'", { tags: 7, date: 'not a date' }],
  ])('sets aside %s with the original values', (_case, text, values) => {
    const data = parseFrontMatterLeniently(`title: عنوان\n${text}`);
    expect(data).toEqual({ title: 'عنوان', [SET_ASIDE_KEY]: { values } });
    expect(data).not.toHaveProperty('tags');
    expect(data).not.toHaveProperty('date');
  });

  it.each([
    ['an unclosed quote', 'title: "عنوان\nsection: اقتصاد'],
    ['a bad indent', 'title: عنوان\n  section: اقتصاد'],
    ['a duplicated key', 'title: أ\ntitle: ب'],
  ])('turns %s into a one-line yamlError and nothing else', (_case, text) => {
    const data = parseFrontMatterLeniently(text);
    expect(Object.keys(data)).toEqual([SET_ASIDE_KEY]);
    const setAside = data[SET_ASIDE_KEY] as { values: object; yamlError?: string };
    expect(setAside.values).toEqual({});
    expect(setAside.yamlError).toMatch(/\S/);
    expect(setAside.yamlError).not.toContain('\n');
  });

  it.each([
    ['a list', '- id: f4b3dfa3adcd8716\n- title: عنوان'],
    ['plain text', 'مجرد نص'],
    ['a number', '42'],
  ])('reports front matter that is %s rather than a set of fields', (_case, text) => {
    expect(parseFrontMatterLeniently(text)).toEqual({
      [SET_ASIDE_KEY]: { values: {}, yamlError: 'the front matter is not a set of fields' },
    });
  });
});
