import { describe, expect, it } from 'vitest';
import { ingestSettings } from '../../scripts/lib/config/ingest-settings.ts';
import { siteSettings } from '../support/site-settings.ts';
import { buildArticle, type IngestRules, type RawFileFacts } from '../../scripts/lib/ingest/build-article.ts';
import { readFrontMatter } from '../../scripts/lib/content/front-matter.ts';
import { compileTagMatcher } from '../../scripts/lib/ingest/match-tags.ts';
import { parseRawArticle, type ParsedRawArticle } from '../../scripts/lib/ingest/parse-raw-article.ts';

const rules: IngestRules = { site: siteSettings, ingest: ingestSettings, tags: compileTagMatcher(ingestSettings.tagGazetteer, { currencyWords: ingestSettings.currencyWords }) };
const SHA = 'c'.repeat(64);

function parsed(text: string): ParsedRawArticle {
  const result = parseRawArticle(text, ingestSettings.boilerplateLines);
  if (!result.ok) throw new Error(result.reason);
  return result.article;
}

function facts(overrides: Partial<RawFileFacts> = {}): RawFileFacts {
  return { fileName: '000_f4b3dfa3adcd8716.txt', sourceSha256: SHA, fileModified: new Date('2017-07-09T12:00:00Z'), ...overrides };
}

const ARTICLE = 'سورية\n\nطهران.. لتعزيز التنسيق مع موسكو\n\n| دمشق - رامي سلوم\n\n2017-07-06\n\nأكدت إيران أن التنسيق مع روسيا ضروري.\nالفقرة الثانية.\n';

describe('buildArticle', () => {
  it('fills the front matter from the parsed article and the file facts', () => {
    const built = buildArticle(parsed(ARTICLE), facts({ manifestUrl: 'https://example.org/a' }), rules);
    expect(built.frontMatter).toEqual({
      id: 'f4b3dfa3adcd8716',
      title: 'طهران.. لتعزيز التنسيق مع موسكو',
      section: 'سورية',
      byline: 'دمشق - رامي سلوم',
      author: 'رامي سلوم',
      place: 'دمشق',
      date: '2017-07-06',
      dateSource: 'line',
      excerpt: 'أكدت إيران أن التنسيق مع روسيا ضروري.',
      // In the headline: tags; in the lead once each: passing mentions.
      tags: ['طهران', 'موسكو'],
      source: '000_f4b3dfa3adcd8716.txt',
      sourceUrl: 'https://example.org/a',
      sourceSha256: SHA,
      textSha256: parsed(ARTICLE).textSha256,
    });
    expect(built.relativePath).toBe('2017/07/f4b3dfa3adcd8716.md');
    expect(built.warnings).toEqual([]);
    expect(readFrontMatter(built.document)).toMatchObject({ title: built.frontMatter.title, tags: built.frontMatter.tags });
  });

  it('writes the tags it is given to keep, and says which the rules give', () => {
    const built = buildArticle(parsed(ARTICLE), facts(), rules, ['سورية']);
    expect(built.frontMatter.tags).toEqual(['سورية']);
    expect(built.ruleTags).toEqual(['طهران', 'موسكو']);
    expect(readFrontMatter(built.document)).toMatchObject({ tags: ['سورية'] });
    expect(buildArticle(parsed(ARTICLE), facts(), rules).ruleTags).toEqual(['طهران', 'موسكو']);
  });

  it('takes the id from the text when the file name carries none', () => {
    const article = parsed(ARTICLE);
    expect(buildArticle(article, facts({ fileName: 'article.txt' }), rules).frontMatter.id).toBe(article.textSha256.slice(0, 16));
  });

  it.each([
    ['a manifest day', { manifestDate: '2017-12-31' }, '2017/12/f4b3dfa3adcd8716.md'],
    ['a manifest instant late in the UTC day, which is the next month in Damascus', { manifestDate: '2017-07-31T22:30:00Z' }, '2017/08/f4b3dfa3adcd8716.md'],
    ['the date line', {}, '2017/07/f4b3dfa3adcd8716.md'],
  ])('files the article under the year and month of %s', (_case, overrides, relativePath) => {
    expect(buildArticle(parsed(ARTICLE), facts(overrides), rules).relativePath).toBe(relativePath);
  });

  it('dates an article with no other date by --date, then by the file\'s modification time with a warning', () => {
    const undated = parsed('سورية\nالعنوان\nالفقرة\n');
    expect(buildArticle(undated, facts({ optionDate: '2018-01-02' }), rules)).toMatchObject({
      frontMatter: { date: '2018-01-02', dateSource: 'option' }, relativePath: '2018/01/f4b3dfa3adcd8716.md', warnings: [],
    });
    expect(buildArticle(undated, facts({ fileModified: new Date('2017-06-30T22:00:00Z') }), rules)).toMatchObject({
      frontMatter: { date: '2017-07-01T01:00:00+03:00', dateSource: 'mtime' },
      relativePath: '2017/07/f4b3dfa3adcd8716.md',
      warnings: ['no date in the manifest, the text or --date: the date is the file\'s modification time'],
    });
  });

  it('keeps an unknown section, with a warning', () => {
    const built = buildArticle(parsed('منوعات\nالعنوان\nالفقرة\n'), facts({ optionDate: '2017-07-06' }), rules);
    expect(built.frontMatter.section).toBe('منوعات');
    expect(built.warnings).toEqual(['unknown section «منوعات»: written, but the build refuses it until the section is added to scripts/lib/config/site.ts']);
  });

  it('passes on the parser\'s warnings first', () => {
    const built = buildArticle(parsed('منوعات\nالعنوان\n|\n31 شباط 2017\nالفقرة\n'), facts(), rules);
    expect(built.warnings).toEqual([
      'line 3: empty byline ignored',
      'line 4: the date line «31 شباط 2017» names no real day; the line is dropped',
      'no date in the manifest, the text or --date: the date is the file\'s modification time',
      'unknown section «منوعات»: written, but the build refuses it until the section is added to scripts/lib/config/site.ts',
    ]);
  });

  it('leaves byline, author and place out of an article that has none', () => {
    const built = buildArticle(parsed('سورية\nالعنوان\n2017-07-06\nالفقرة\n'), facts(), rules);
    expect(built.document).not.toMatch(/^(byline|author|place|sourceUrl):/m);
  });

  it('takes the excerpt from the first paragraph only', () => {
    const built = buildArticle(parsed('سورية\nالعنوان\nالأولى.\nالثانية.\n'), facts(), rules);
    expect(built.frontMatter.excerpt).toBe('الأولى.');
  });

  it('tags from the title as well as the body', () => {
    const built = buildArticle(parsed('سورية\nزيارة إلى طهران\nالفقرة\n'), facts(), rules);
    expect(built.frontMatter.tags).toEqual(['طهران']);
  });
});
