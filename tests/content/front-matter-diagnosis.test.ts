// The mistakes editors make in front matter, run through the project's real reader
// (js-yaml via gray-matter): each is recognised, with its line and field.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SECTION_WEIGHTS } from '../../scripts/tools/bench/corpus-settings.ts';
import { siteSettings } from '../support/site-settings.ts';
import { checkArticleDocument, fieldLine, sectionProblem } from '../../scripts/lib/content/front-matter-diagnosis.ts';
import { readArticleDocument } from '../../scripts/lib/content/front-matter.ts';
import { ARTICLE_LINES, ARTICLE_TEXT, articleTextWith } from '../support/article-text.ts';
import { PROJECT_DIR } from '../support/fixture-site.ts';

const check = (text: string) => checkArticleDocument(text, readArticleDocument);

describe('checkArticleDocument', () => {
  it('finds nothing wrong with a valid article, and reads it', () => {
    const checked = check(ARTICLE_TEXT);
    expect(checked.problems).toEqual([]);
    expect(checked.document?.data.title).toBe('خبر عن دمشق');
  });

  it.each([
    ['an unquoted colon in the title', articleTextWith(3, 'title: وزير الخارجية: لا تفاوض مع الإرهاب'), { code: 'unquotedColon', line: 3, field: 'title' }],
    ['a title ending in a colon', articleTextWith(3, 'title: قال الوزير:'), { code: 'unquotedColon', line: 3, field: 'title' }],
    ['an unquoted colon in the excerpt', articleTextWith(7, 'excerpt: أكد الوزير: لا تراجع'), { code: 'unquotedColon', line: 7, field: 'excerpt' }],
    ['an unquoted colon in the first field', ['---', 'title: دمشق: افتتاح معرض', ...ARTICLE_LINES.slice(1)].join('\n'), { code: 'unquotedColon', line: 2, field: 'title' }],
    ['an unclosed double quote', articleTextWith(3, 'title: "وزير الخارجية'), { code: 'unclosedQuote', line: 3, field: 'title' }],
    ['an unclosed single quote', articleTextWith(3, "title: 'وزير الخارجية"), { code: 'unclosedQuote', line: 3, field: 'title' }],
    ['an unclosed quote in the last field', articleTextWith(12, `textSha256: '${'b'.repeat(64)}`), { code: 'unclosedQuote', line: 12, field: 'textSha256' }],
    ['a quote inside a quoted title', articleTextWith(3, 'title: "قال "لا" للحرب"'), { code: 'textAfterQuote', line: 3, field: 'title' }],
    ['a field indented by a space', articleTextWith(4, ' section: سورية'), { code: 'badIndentation', line: 4, field: 'title' }],
    ['list items indented unevenly', articleTextWith(9, '  - دمشق', ' - حلب'), { code: 'badIndentation', line: 10, field: 'tags' }],
    ['a tab before a list item', articleTextWith(9, '\t- دمشق'), { code: 'tabIndentation', line: 9, field: 'tags' }],
    ['a tab before a field', articleTextWith(4, '\tsection: سورية'), { code: 'tabIndentation', line: 4, field: 'title' }],
    ['the closing --- missing', articleTextWith(13), { code: 'noClosingDelimiter', line: 13 }],
    ['the closing --- missing before a blank line', articleTextWith(13, ''), { code: 'noClosingDelimiter', line: 13 }],
    ['no front matter at all', ARTICLE_LINES.slice(1).join('\n'), { code: 'noFrontMatter', line: 1 }],
    ['an opening line of four dashes, which the reader takes for no front matter', ['----', ...ARTICLE_LINES.slice(1)].join('\n'), { code: 'noFrontMatter', line: 1 }],
    ['a field written twice', articleTextWith(4, 'section: سورية', 'title: عنوان آخر'), { code: 'duplicateField', line: 5, field: 'title' }],
  ])('%s', (_name, text, expected) => {
    expect(check(text)).toEqual({ problems: [expected] });
  });

  it.each(['[عاجل] دمشق', '{عاجل} دمشق', '*عاجل* دمشق', '!عاجل دمشق', '> عاجل', '| عاجل', '@فلان يقول', '- عاجل', '%عاجل'])('a title starting with a YAML sign: %s', (title) => {
    expect(check(articleTextWith(3, `title: ${title}`)).problems).toEqual([{ code: 'needsQuotes', line: 3, field: 'title', values: { value: title } }]);
  });

  it('reads Windows line ends and a byte-order mark with the same line numbers', () => {
    const text = `\ufeff${articleTextWith(3, 'title: وزير الخارجية: لا').replace(/\n/g, '\r\n')}`;
    expect(check(text).problems).toEqual([{ code: 'unquotedColon', line: 3, field: 'title' }]);
  });

  it.each([
    ['a date that is no date', articleTextWith(5, "date: '2017-02-30'"), [{ code: 'date', line: 5, field: 'date', values: { value: "'2017-02-30'" } }]],
    ['an unquoted date', articleTextWith(5, 'date: 2017-07-05'), [{ code: 'bareDate', line: 5, field: 'date', values: { value: '2017-07-05' } }]],
    ['a missing title', articleTextWith(3), [{ code: 'missing', field: 'title' }]],
    ['an empty title', articleTextWith(3, 'title:'), [{ code: 'missing', line: 3, field: 'title' }]],
    ['a title that YAML reads as a comment', articleTextWith(3, 'title: #عاجل دمشق'), [{ code: 'needsQuotes', line: 3, field: 'title', values: { value: '#عاجل دمشق' } }]],
    ['a misspelt field', articleTextWith(3, 'titel: خبر عن دمشق'), [
      { code: 'missing', field: 'title' },
      { code: 'unknownField', line: 3, field: 'titel', values: { value: 'خبر عن دمشق', nearest: 'title' } },
    ]],
    ['a field nothing is near', articleTextWith(3, 'title: خبر', 'colour: أحمر'), [{ code: 'unknownField', line: 4, field: 'colour', values: { value: 'أحمر' } }]],
  ])('%s', (_name, text, expected) => {
    expect(check(text).problems).toEqual(expected);
  });
});

describe('fieldLine', () => {
  it('finds a field in the front matter only', () => {
    expect(fieldLine(ARTICLE_TEXT, 'section')).toBe(4);
    expect(fieldLine(`${ARTICLE_TEXT}section: في النص\n`, 'author')).toBeUndefined();
  });
});

describe('sectionProblem', () => {
  it('accepts the configured sections, spelt as configured or with ه for ة', () => {
    expect(sectionProblem('سورية', siteSettings.sections)).toBeUndefined();
    expect(sectionProblem('سوريه', siteSettings.sections)).toBeUndefined();
    expect(sectionProblem(' ثقافة وفن', siteSettings.sections)).toBeUndefined();
  });

  it.each([
    ['سوريا', 'سورية'],
    ['اقتصاديات', 'اقتصاد'],
    ['رياضه وشباب', 'رياضة'],
    ['عربي و دولي', 'عربي ودولي'],
  ])('refuses %s, naming every section and the nearest, %s', (section, nearest) => {
    expect(sectionProblem(section, siteSettings.sections, articleTextWith(4, `section: ${section}`))).toEqual({
      code: 'unknownSection', field: 'section', line: 4,
      values: { value: section, allowed: 'سورية، عربي ودولي، اقتصاد، رياضة، ثقافة وفن، محليات، قضايا وآراء', nearest },
    });
  });

  it('finds every section of the bundled articles and of the benchmark corpus configured', () => {
    const articles = join(PROJECT_DIR, 'content', 'articles');
    const files = readdirSync(articles, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.md'));
    expect(files.length).toBeGreaterThan(0);
    const sections = [
      ...files.map((file) => String(readArticleDocument(readFileSync(join(articles, file), 'utf8')).data.section)),
      ...SECTION_WEIGHTS.map(([name]) => name),
    ];
    expect(sections.filter((section) => sectionProblem(section, siteSettings.sections))).toEqual([]);
  });
});
