import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { validateArticleFrontMatter, type ArticleFrontMatter } from '../../scripts/lib/content/article-schema.ts';
import { readFrontMatter } from '../../scripts/lib/content/front-matter.ts';
import { isUntouchedIngestOutput, renderArticleDocument } from '../../scripts/lib/ingest/article-document.ts';

const HEX64 = 'b'.repeat(64);

function frontMatter(overrides: Partial<ArticleFrontMatter> = {}): Omit<ArticleFrontMatter, 'ingestSha256'> {
  return {
    id: 'f4b3dfa3adcd8716',
    title: 'طهران.. لتعزيز التنسيق مع موسكو',
    section: 'سورية',
    byline: 'دمشق - رامي سلوم',
    author: 'رامي سلوم',
    place: 'دمشق',
    date: '2017-07-05',
    dateSource: 'manifest',
    excerpt: 'أكدت إيران…',
    tags: ['إيران'],
    source: '000_f4b3dfa3adcd8716.txt',
    sourceSha256: HEX64,
    textSha256: HEX64,
    ...overrides,
  };
}

/** Parses with options, so that gray-matter's cache cannot hand back an earlier result. */
const parse = (document: string): matter.GrayMatterFile<string> => matter(document, {});

/**
 * The front matter as gray-matter reads it by default (js-yaml 3) and as ingest and the
 * build read it (js-yaml 4, Eleventy's parser): a value must survive both.
 */
function readBothWays(document: string): Record<string, unknown>[] {
  return [parse(document).data, readFrontMatter(document)];
}

describe('renderArticleDocument: YAML round trip', () => {
  it.each([
    ['double quotes', 'قال "نعم" ثم مضى'],
    ['single quotes', "قال 'نعم' ثم مضى"],
    ['a colon and a space', 'عاجل: الرئيس يستقبل الوفد'],
    ['a colon at the end', 'الرئيس يقول:'],
    ['a hash after a space', 'الوسم #سورية'],
    ['a leading hash', '#سورية_تنتصر'],
    ['a document separator', '---'],
    ['a separator inside', 'قبل --- بعد'],
    ['a document end marker', '...'],
    ['a leading dash', '- عاجل'],
    ['a leading question mark', '? سؤال'],
    ['yes', 'yes'],
    ['no', 'No'],
    ['true', 'true'],
    ['null', 'null'],
    ['a tilde', '~'],
    ['a number', '123'],
    ['a float in exponent form', '1e3'],
    ['a hex number', '0x1F'],
    ['a date', '2017-07-06'],
    ['a leading @', '@الوطن'],
    ['a leading backtick', '`رمز`'],
    ['a leading percent', '%50 خصم'],
    ['a leading ampersand', '&anchor'],
    ['a leading star', '*alias'],
    ['a leading exclamation mark', '!tag'],
    ['a leading pipe', '| ليس سطر كاتب'],
    ['a leading >', '> ليس اقتباساً'],
    ['brackets', '[أ، ب]'],
    ['braces', '{أ: ب}'],
    ['guillemets and Arabic punctuation', 'طهران.. «لتعزيز» التنسيق، مع موسكو؟!'],
    ['a backslash', 'أ\\ب'],
    ['a no-break space', 'بين\u00a0كلمتين'],
    ['bidi marks', '\u200fسورية\u200e'],
    ['a very long title (never folded)', 'كلمة '.repeat(60).trim()],
  ])('keeps a title with %s exactly', (_case, title) => {
    const document = renderArticleDocument(frontMatter({ title, excerpt: title }), ['الفقرة']);
    for (const data of readBothWays(document)) {
      expect(data.title).toBe(title);
      expect(data.excerpt).toBe(title);
    }
    expect(document.split('\n').filter((line) => line.startsWith('title:'))).toHaveLength(1);
  });

  it.each<[keyof ArticleFrontMatter, Partial<ArticleFrontMatter>]>([
    ['section', { section: 'ثقافة: وفن' }],
    ['byline', { byline: '- دمشق - "الوطن"' }],
    ['author', { author: 'yes' }],
    ['place', { place: '#حلب' }],
    ['tags', { tags: ['yes', '- إيران', '123', 'الولايات: المتحدة'] }],
    ['source', { source: '#1: "raw".txt' }],
  ])('keeps a hostile %s exactly', (field, overrides) => {
    for (const data of readBothWays(renderArticleDocument(frontMatter(overrides), ['الفقرة']))) {
      expect(data[field]).toEqual(overrides[field]);
    }
  });

  it.each(['2017-07-05', '2017-07-06T09:30:00+03:00'])('keeps the date %s as quoted text, never as a YAML date', (date) => {
    for (const data of readBothWays(renderArticleDocument(frontMatter({ date }), ['الفقرة']))) expect(data.date).toBe(date);
  });

  it.each([
    ['an id of digits only', { id: '1234567890123456' }],
    ['an id of digits with a leading zero and an 8 (not octal)', { id: '0123456701234568' }],
    ['an id that looks like a float', { id: '1234567890123e45' }],
    ['hashes of digits only', { sourceSha256: '0'.repeat(63) + '9', textSha256: '1'.repeat(64) }],
  ])('keeps %s as text', (_case, overrides) => {
    const document = renderArticleDocument(frontMatter(overrides), ['الفقرة']);
    for (const data of readBothWays(document)) expect(data).toMatchObject(overrides);
    for (const value of Object.values(readFrontMatter(document))) expect(typeof value).not.toBe('number');
  });

  it('writes front matter that passes the schema the build checks, read either way', () => {
    for (const data of readBothWays(renderArticleDocument(frontMatter({ title: '- "عاجل": نعم #1' }), ['الفقرة']))) {
      expect(validateArticleFrontMatter(data)).toEqual([]);
    }
  });

  it('leaves out optional fields that are undefined', () => {
    const document = renderArticleDocument(frontMatter({ byline: undefined, author: undefined, place: undefined }), ['الفقرة']);
    for (const field of ['byline', 'author', 'place', 'sourceUrl']) expect(parse(document).data).not.toHaveProperty(field);
    expect(document).not.toMatch(/^(byline|author|place|sourceUrl):/m);
  });
});

describe('renderArticleDocument: body and fingerprint', () => {
  it('writes one escaped paragraph per raw paragraph, separated by blank lines, ending in a newline', () => {
    const document = renderArticleDocument(frontMatter(), ['الفقرة الأولى', '# ليست عنواناً', '- ولا قائمة']);
    expect(parse(document).content).toBe('الفقرة الأولى\n\n\\# ليست عنواناً\n\n\\- ولا قائمة\n');
  });

  it('ends its front matter with the ingestSha256 line', () => {
    const document = renderArticleDocument(frontMatter(), ['الفقرة']);
    const frontMatterLines = document.split('\n---\n')[0]?.split('\n') ?? [];
    expect(frontMatterLines[0]).toBe('---');
    expect(frontMatterLines.at(-1)).toMatch(/^ingestSha256: '[0-9a-f]{64}'$/);
  });

  it('is the same document for the same input', () => {
    expect(renderArticleDocument(frontMatter(), ['الفقرة'])).toBe(renderArticleDocument(frontMatter(), ['الفقرة']));
  });
});

describe('isUntouchedIngestOutput', () => {
  const document = renderArticleDocument(frontMatter(), ['الفقرة الأولى', 'الفقرة الثانية']);

  it('recognises a document exactly as ingest wrote it', () => {
    expect(isUntouchedIngestOutput(document)).toBe(true);
  });

  it.each([
    ['a corrected body', document.replace('الفقرة الثانية', 'الفقرة الثانية بعد التصحيح')],
    ['a corrected title', document.replace('title: طهران', 'title: موسكو')],
    ['an added field', document.replace('section: سورية\n', 'section: سورية\ndraft: true\n')],
    ['an added final newline', `${document}\n`],
    ['CRLF line ends', document.replace(/\n/g, '\r\n')],
    ['the fingerprint line removed', document.replace(/^ingestSha256: .*\n/m, '')],
    ['a forged fingerprint', document.replace(/^ingestSha256: '[0-9a-f]{64}'$/m, `ingestSha256: '${'0'.repeat(64)}'`)],
    ['the fingerprint unquoted', document.replace(/^ingestSha256: '([0-9a-f]{64})'$/m, 'ingestSha256: $1')],
    ['no front matter', 'الفقرة\n'],
  ])('tells that an editor has changed it: %s', (_case, edited) => {
    expect(isUntouchedIngestOutput(edited)).toBe(false);
  });
});
