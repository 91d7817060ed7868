import { describe, expect, it } from 'vitest';
import { ingestSettings } from '../../scripts/lib/config/ingest-settings.ts';
import { parseRawArticle, type ParsedRawArticle } from '../../scripts/lib/ingest/parse-raw-article.ts';

const BOILERPLATE = ingestSettings.boilerplateLines;

function parsed(text: string, boilerplate: readonly string[] = BOILERPLATE): ParsedRawArticle {
  const result = parseRawArticle(text, boilerplate);
  if (!result.ok) throw new Error(`expected the text to parse, but: ${result.reason}`);
  return result.article;
}

const lines = (...parts: string[]): string => parts.join('\n');

describe('parseRawArticle: header', () => {
  it('reads section, title, byline, date line and paragraphs in the documented layout', () => {
    const article = parsed(lines(
      'سورية', '', 'طهران.. لتعزيز التنسيق مع موسكو', '', '| وكالات', '', '2017-07-06', '',
      'أكدت إيران أن …', 'ورحب شمخاني …', '', 'زر الذهاب إلى الأعلى', 'صحيفة الوطن', '',
    ));
    expect(article).toMatchObject({
      section: 'سورية',
      title: 'طهران.. لتعزيز التنسيق مع موسكو',
      byline: { byline: 'وكالات', isAgency: true },
      dateFromLine: '2017-07-06',
      paragraphs: ['أكدت إيران أن …', 'ورحب شمخاني …'],
      warnings: [],
    });
  });

  it.each([
    ['no blank lines between header lines', lines('سورية', 'العنوان', '| وكالات', '2017-07-06', 'الفقرة')],
    ['several blank lines between header lines', lines('', '', 'سورية', '', '', '', 'العنوان', '', '| وكالات', '', '', '2017-07-06', '', '', 'الفقرة')],
    ['blank lines holding only spaces', lines('سورية', '   ', 'العنوان', ' \u00a0 ', '| وكالات', '\t', '2017-07-06', '', 'الفقرة')],
  ])('reads the header with %s', (_case, text) => {
    expect(parsed(text)).toMatchObject({
      section: 'سورية', title: 'العنوان', byline: { byline: 'وكالات' }, dateFromLine: '2017-07-06', paragraphs: ['الفقرة'],
    });
  });

  it.each([
    ['an agency', '| وكالات', { byline: 'وكالات', isAgency: true }],
    ['a place and an author', '| دمشق - رامي سلوم', { byline: 'دمشق - رامي سلوم', place: 'دمشق', author: 'رامي سلوم', isAgency: false }],
    ['an author only', '| د. نبيل طعمة', { byline: 'د. نبيل طعمة', author: 'د. نبيل طعمة', isAgency: false }],
    ['no space after the bar', '|د. نبيل طعمة', { byline: 'د. نبيل طعمة', author: 'د. نبيل طعمة', isAgency: false }],
  ])('reads a byline with %s', (_case, bylineLine, byline) => {
    expect(parsed(lines('قضايا وآراء', 'العنوان', bylineLine, 'الفقرة')).byline).toEqual(byline);
  });

  it('reads an article with no byline: the date line follows the title', () => {
    const article = parsed(lines('محليات', 'العنوان', '٧ تموز ٢٠١٧', 'الفقرة'));
    expect(article.byline).toBeUndefined();
    expect(article.dateFromLine).toBe('2017-07-07');
    expect(article.paragraphs).toEqual(['الفقرة']);
  });

  it('reads an article with no date line: the first line after the byline is the body', () => {
    const article = parsed(lines('قضايا وآراء', 'العنوان', '| د. نبيل طعمة', 'ليس الإعمار حجارة تُرفع', 'الفقرة الثانية'));
    expect(article.dateFromLine).toBeUndefined();
    expect(article.paragraphs).toEqual(['ليس الإعمار حجارة تُرفع', 'الفقرة الثانية']);
  });

  it('reads only the line after the byline as a date line, never a later one', () => {
    const article = parsed(lines('سورية', 'العنوان', 'الفقرة الأولى', '2017-07-06'));
    expect(article.dateFromLine).toBeUndefined();
    expect(article.paragraphs).toEqual(['الفقرة الأولى', '2017-07-06']);
  });

  it('keeps the punctuation of the title as it is', () => {
    expect(parsed(lines('سورية', 'طهران.. «لتعزيز» التنسيق، مع موسكو؟!', 'الفقرة')).title).toBe('طهران.. «لتعزيز» التنسيق، مع موسكو؟!');
  });

  it('warns about an empty byline and ignores it', () => {
    const article = parsed(lines('سورية', 'العنوان', '|', 'الفقرة'));
    expect(article.byline).toBeUndefined();
    expect(article.warnings).toEqual(['line 3: empty byline ignored']);
    expect(article.paragraphs).toEqual(['الفقرة']);
  });

  it('warns about a weekday that does not match, naming the line, and keeps the date', () => {
    const article = parsed(lines('سورية', '', 'العنوان', '', 'الجمعة، 6 تموز 2017', '', 'الفقرة'));
    expect(article.dateFromLine).toBe('2017-07-06');
    expect(article.warnings).toEqual(['line 5: the date line says الجمعة but 2017-07-06 was a الخميس']);
  });

  it('drops an impossible date line with a warning naming the line', () => {
    const article = parsed(lines('سورية', 'العنوان', '| وكالات', '31 شباط 2017', 'الفقرة'));
    expect(article.dateFromLine).toBeUndefined();
    expect(article.paragraphs).toEqual(['الفقرة']);
    expect(article.warnings).toEqual(['line 4: the date line «31 شباط 2017» names no real day; the line is dropped']);
  });
});

describe('parseRawArticle: boilerplate', () => {
  it('drops every configured boilerplate line from the trailing block', () => {
    const article = parsed(lines('سورية', 'العنوان', 'الفقرة', ...BOILERPLATE, ''));
    expect(article.paragraphs).toEqual(['الفقرة']);
  });

  it('keeps a boilerplate word that stands in the middle of the body', () => {
    const article = parsed(lines('سورية', 'العنوان', 'الفقرة الأولى', 'شارك', 'الفقرة الثانية', 'شارك', 'طباعة'));
    expect(article.paragraphs).toEqual(['الفقرة الأولى', 'شارك', 'الفقرة الثانية']);
  });

  it('keeps a paragraph that merely contains a boilerplate phrase', () => {
    const article = parsed(lines('سورية', 'العنوان', 'شارك الوزير في الاجتماع', 'صحيفة الوطن تنشر التقرير'));
    expect(article.paragraphs).toEqual(['شارك الوزير في الاجتماع', 'صحيفة الوطن تنشر التقرير']);
  });

  it('recognises boilerplate lines with trailing spaces, no-break spaces and CRLF', () => {
    const article = parsed('سورية\r\nالعنوان\r\nالفقرة\r\nشارك \u00a0\r\nزر   الذهاب إلى الأعلى\r\nصحيفة الوطن\u200f\r\n');
    expect(article.paragraphs).toEqual(['الفقرة']);
  });

  it('takes the boilerplate list from configuration', () => {
    const article = parsed(lines('سورية', 'العنوان', 'الفقرة', 'زر الذهاب إلى الأعلى', 'انتهى'), ['انتهى']);
    expect(article.paragraphs).toEqual(['الفقرة', 'زر الذهاب إلى الأعلى']);
  });
});

describe('parseRawArticle: bytes and white space', () => {
  it.each([
    ['a byte-order mark', '\ufeffسورية\nالعنوان\nالفقرة'],
    ['CRLF line ends', 'سورية\r\nالعنوان\r\nالفقرة\r\n'],
    ['old Mac CR line ends', 'سورية\rالعنوان\rالفقرة\r'],
    ['trailing spaces and tabs', 'سورية  \nالعنوان\t\nالفقرة   \n'],
    ['trailing no-break spaces', 'سورية\u00a0\nالعنوان \u00a0\nالفقرة\u00a0\u00a0\n'],
    ['trailing bidi marks', 'سورية\u200f\nالعنوان\u200e\nالفقرة\u200f\n'],
    ['no final newline', 'سورية\nالعنوان\nالفقرة'],
  ])('reads a file with %s to the same clean article', (_case, text) => {
    expect(parsed(text)).toMatchObject({ section: 'سورية', title: 'العنوان', paragraphs: ['الفقرة'] });
  });

  it('keeps leading spaces of a paragraph, but not of the section or title', () => {
    const article = parsed(lines('  سورية', '  العنوان', '    أربع مسافات'));
    expect(article).toMatchObject({ section: 'سورية', title: 'العنوان', paragraphs: ['    أربع مسافات'] });
  });

  it('keeps inner no-break spaces of a paragraph', () => {
    expect(parsed(lines('سورية', 'العنوان', 'بين\u00a0كلمتين')).paragraphs).toEqual(['بين\u00a0كلمتين']);
  });
});

describe('parseRawArticle: rejections', () => {
  it.each([
    ['an empty text', '', 'the file has no text once the site boilerplate is removed'],
    ['only blank lines', '\n \n\u00a0\n', 'the file has no text once the site boilerplate is removed'],
    ['only boilerplate', lines(...BOILERPLATE), 'the file has no text once the site boilerplate is removed'],
    ['a section only', 'سورية\n', 'the file has a section but no title'],
    ['a section and boilerplate', lines('سورية', 'شارك', 'صحيفة الوطن'), 'the file has a section but no title'],
    ['a title but no body', lines('سورية', 'العنوان'), 'the article has no body paragraphs'],
    ['a header but no body', lines('سورية', 'العنوان', '| وكالات', '2017-07-06', 'زر الذهاب إلى الأعلى'), 'the article has no body paragraphs'],
    ['a byline in place of the section', lines('| وكالات', 'العنوان', 'الفقرة'), 'line 1: expected the section, found a byline'],
    ['a byline in place of the title', lines('سورية', '', '| وكالات', 'الفقرة'), 'line 3: expected the title, found a byline'],
  ])('rejects %s', (_case, text, reason) => {
    expect(parseRawArticle(text, BOILERPLATE)).toEqual({ ok: false, reason });
  });
});

describe('parseRawArticle: text hash', () => {
  const base = lines('سورية', '', 'العنوان', '', '| وكالات', '', 'الفقرة الأولى', 'الفقرة الثانية', '');

  it.each([
    ['CRLF line ends', base.replace(/\n/g, '\r\n')],
    ['a byte-order mark', `\ufeff${base}`],
    ['no blank lines', lines('سورية', 'العنوان', '| وكالات', 'الفقرة الأولى', 'الفقرة الثانية')],
    ['trailing spaces', base.replace(/\n/g, '  \n')],
    ['doubled inner spaces', base.replace('الفقرة الأولى', 'الفقرة   الأولى')],
    ['trailing boilerplate', `${base}شارك\nصحيفة الوطن\n`],
  ])('is the same for the same text written with %s', (_case, variant) => {
    expect(parsed(variant).textSha256).toBe(parsed(base).textSha256);
  });

  it.each([
    ['a changed paragraph', base.replace('الفقرة الثانية', 'الفقرة الثالثة')],
    ['paragraphs in another order', lines('سورية', 'العنوان', '| وكالات', 'الفقرة الثانية', 'الفقرة الأولى')],
    ['another title', base.replace('العنوان', 'عنوان آخر')],
    ['another byline', base.replace('وكالات', 'سانا')],
    ['one paragraph split in two', lines('سورية', 'العنوان', '| وكالات', 'الفقرة', 'الأولى', 'الفقرة الثانية')],
  ])('differs for %s', (_case, variant) => {
    expect(parsed(variant).textSha256).not.toBe(parsed(base).textSha256);
  });

  it('is 64 lower-case hex digits', () => {
    expect(parsed(base).textSha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('control characters', () => {
  it('are removed from every line, tabs and line ends kept', () => {
    const result = parseRawArticle('سورية\nعنوان\u0001 فيه\u0007 محارف\u007f\nفقرة\u0002\tأولى\n', []);
    expect(result.ok && result.article.title).toBe('عنوان فيه محارف');
    expect(result.ok && result.article.paragraphs).toEqual(['فقرة\tأولى']);
  });
});
