// The words an editor reads, on real mistakes run through the project's reader: one line per
// problem, file, line and field first, Arabic then English, each with its fix.
import { describe, expect, it } from 'vitest';
import { siteSettings } from '../support/site-settings.ts';
import type { ContentProblem, ProblemCode } from '../../scripts/lib/content/content-problem.ts';
import { checkArticleDocument, sectionProblem } from '../../scripts/lib/content/front-matter-diagnosis.ts';
import { describeProblem, problemLine, problemsHeading, problemsReport } from '../../scripts/lib/content/problem-messages.ts';
import { readArticleDocument } from '../../scripts/lib/content/front-matter.ts';
import { articleTextWith } from '../support/article-text.ts';

const FILE = 'content/articles/2017/07/a000000000000000.md';
const problemsOf = (text: string): ContentProblem[] =>
  checkArticleDocument(text, readArticleDocument).problems.map((problem) => ({ file: FILE, ...problem }));
const lineFor = (text: string): string => {
  const [problem, ...others] = problemsOf(text);
  expect(others).toEqual([]);
  return problemLine(problem as ContentProblem);
};

describe('problemLine', () => {
  it('tells an editor to quote a headline with a colon, in Arabic and in English', () => {
    expect(lineFor(articleTextWith(3, 'title: وزير الخارجية: لا تفاوض'))).toBe(
      `${FILE}:3 (title): في العنوان نقطتان (:) وهو ليس بين علامتي تنصيص — ضع العنوان بين علامتي تنصيص: title: "…"`
      + ' | title has a colon (:) but is not in quotes — put the title in quotes: title: "…"',
    );
  });

  it.each<[string, string, string[]]>([
    ['a title starting with a bracket', articleTextWith(3, 'title: [عاجل] دمشق'), [':3 (title)', 'العنوان يبدأ بمحرف له معنى خاص في الترويسة ([عاجل] دمشق)', 'ضع العنوان بين علامتي تنصيص', 'title starts with a sign']],
    ['an unclosed quote', articleTextWith(3, 'title: "وزير الخارجية'), [':3 (title)', 'أغلق علامة التنصيص', 'is never closed']],
    ['a quote inside a quoted title', articleTextWith(3, 'title: "قال "لا" للحرب"'), [':3 (title)', 'استعمل داخله «»', 'text follows the quote']],
    ['bad indentation', articleTextWith(4, ' section: سورية'), [':4 (title)', 'احذف المسافات في أول السطر', 'bad indentation']],
    ['a tab', articleTextWith(9, '\t- دمشق'), [':9 (tags)', 'بمسافات لا بمحرف الجدولة', 'indent with spaces, not tabs']],
    ['the closing --- missing', articleTextWith(13), [':13:', 'أضف سطراً فيه --- وحده', 'add a line with only ---']],
    ['a field twice', articleTextWith(4, 'title: عنوان آخر'), [':4 (title)', 'الحقل title مكتوب مرتين', 'title is written twice']],
    ['a date that is no date', articleTextWith(5, "date: '5 تموز 2017'"), [":5 (date)", "التاريخ (date) ليس تاريخاً صحيحاً: '5 تموز 2017'", "'2017-07-05'", 'date is not a real date']],
    ['an unquoted date', articleTextWith(5, 'date: 2017-07-05'), [':5 (date)', "ضع التاريخ بين علامتي تنصيص: date: '2017-07-05'", "put the date in quotes: date: '2017-07-05'"]],
    ['a missing title', articleTextWith(3), [`${FILE} (title)`, 'الحقل title مفقود', 'add a line: title: …']],
    ['a misspelt field', articleTextWith(6, 'dateSource: manifest', 'datesourse: line'), [':7 (datesourse)', 'هل تقصد dateSource؟', 'did you mean dateSource?']],
  ])('%s', (_name, text, parts) => {
    const line = lineFor(text);
    expect(line).not.toContain('\n');
    for (const part of parts) expect(line).toContain(part);
  });

  it('names the unknown section, every section allowed and the nearest', () => {
    const problem = sectionProblem('سوريا', siteSettings.sections, articleTextWith(4, 'section: سوريا')) as ContentProblem;
    expect(problemLine({ ...problem, file: FILE })).toBe(
      `${FILE}:4 (section): القسم «سوريا» ليس من أقسام الموقع (سورية، عربي ودولي، اقتصاد، رياضة، ثقافة وفن، محليات، قضايا وآراء)`
      + ' — هل تقصد «سورية»؟ صحّح القسم، أو أضف القسم الجديد إلى scripts/lib/config/site.ts'
      + " | section «سوريا» is not one of the site's sections (سورية، عربي ودولي، اقتصاد، رياضة، ثقافة وفن، محليات، قضايا وآراء)"
      + ' — did you mean «سورية»? Correct the section, or add the new section to scripts/lib/config/site.ts',
    );
  });

  it('has words in both languages for every problem, with no placeholder left unfilled', () => {
    const codes: ProblemCode[] = ['unquotedColon', 'needsQuotes', 'unclosedQuote', 'textAfterQuote', 'badIndentation', 'tabIndentation', 'noFrontMatter',
      'noClosingDelimiter', 'duplicateField', 'invalidYaml', 'missing', 'unknownField', 'text', 'hex16', 'hex64', 'date', 'bareDate',
      'dateSource', 'excerpt', 'tags', 'boolean', 'unknownSection', 'duplicateId', 'image', 'missingImage', 'notAnImage'];
    for (const code of codes) {
      const { arabic, english } = describeProblem({ file: FILE, code, line: 2, field: 'title', values: { value: 'x', allowed: 'a، b', nearest: 'a', other: 'y.md', reason: 'r' } });
      expect(arabic, code).toMatch(/[\u0600-\u06ff]/u);
      expect(english, code).toMatch(/^[^\u0600-\u06ff]*[a-z]/u);
      expect(`${arabic}${english}`, code).not.toMatch(/\{\w+\}/u);
    }
  });
});

describe('problemsReport', () => {
  it.each([
    [1, 'تعذّر البناء: مشكلة واحدة في المقالات | 1 problem in the articles'],
    [2, 'تعذّر البناء: مشكلتان في المقالات | 2 problems in the articles'],
    [3, 'تعذّر البناء: 3 مشكلات في المقالات | 3 problems in the articles'],
    [11, 'تعذّر البناء: 11 مشكلة في المقالات | 11 problems in the articles'],
  ])('heads %i problems with the right plural', (count, heading) => {
    expect(problemsHeading(count)).toBe(heading);
  });

  it('is the heading then one line per problem, and no stack', () => {
    const problems = [...problemsOf(articleTextWith(3, 'title: أ: ب')), ...problemsOf(articleTextWith(5, 'date: 2017-07-05'))];
    const report = problemsReport(problems).split('\n');
    expect(report).toHaveLength(3);
    expect(report[0]).toBe(problemsHeading(2));
    expect(report.slice(1)).toEqual(problems.map(problemLine));
    expect(report.join('\n')).not.toMatch(/\bat \S+ \(/u);
  });
});
