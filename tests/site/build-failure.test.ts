// How a failed build reads in the terminal: the articles' problems one line each, any other
// failure by its message and causes, a stack trace only when asked for; and `npm run build`
// itself (scripts/build.ts in a project copy) on several broken articles at once.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderArticleDocument } from '../../scripts/lib/ingest/article-document.ts';
import { InvalidContentError } from '../../scripts/lib/site/article-source.ts';
import { buildFailure, failureReport } from '../../scripts/lib/site/build-failure.ts';
import { makeArticles } from '../support/fixture-site.ts';
import { createProjectCopy, runBuild } from '../support/project-copy.ts';

const STACK_LINE = /^\s+at /mu;
const problem = { file: 'content/articles/2017/07/a000000000000000.md', code: 'bareDate', line: 5, field: 'date', values: { value: '2017-07-05' } } as const;

describe('failureReport', () => {
  it('prints the problems of the articles one line each, with no stack', () => {
    const failure = buildFailure(new InvalidContentError([problem, { ...problem, line: 7, code: 'unquotedColon', field: 'title', values: {} }]));
    const report = failureReport(failure, { verbose: false });
    expect(report.split('\n')).toHaveLength(3);
    expect(report).not.toMatch(STACK_LINE);
    expect(failureReport(failure, { verbose: true })).toMatch(STACK_LINE);
  });

  it('prints any other failure by its message and its causes, with the stack only when verbose', () => {
    const error = new Error('Having trouble rendering njk template ./layouts/article.njk', { cause: new Error('unknown filter: headlin') });
    const failure = buildFailure(error);
    expect(failure.problems).toEqual([]);
    expect(failureReport(failure, { verbose: false })).toBe(
      'خطأ في البناء | the build failed: Having trouble rendering njk template ./layouts/article.njk\nunknown filter: headlin',
    );
    const verbose = failureReport(failure, { verbose: true });
    expect(verbose).toMatch(STACK_LINE);
    expect(verbose).toContain('Caused by: Error: unknown filter: headlin');
  });

  it('is plain data a worker can post', () => {
    const failure = buildFailure(new InvalidContentError([problem]));
    expect(structuredClone(failure)).toEqual(failure);
  });
});

describe('npm run build with broken articles', () => {
  let dir = '';
  afterAll(async () => { if (dir) await rm(dir, { recursive: true, force: true }); });

  it('exits 1 printing every problem of every article, one line each, and no stack trace unless --verbose', async () => {
    dir = await createProjectCopy('build-failure');
    const folder = join(dir, 'content', 'articles', '2017', '07');
    await mkdir(folder, { recursive: true });
    const [colon, section, date, good] = makeArticles(4).map((article) => ({ ...article, text: renderArticleDocument(article.frontMatter, article.paragraphs) }));
    const write = (article: NonNullable<typeof colon>, text: string) => writeFile(join(folder, `${article.frontMatter.id}.md`), text);
    await write(colon!, colon!.text.replace(/^title: .*$/mu, 'title: وزير الخارجية: لا تفاوض'));
    await write(section!, section!.text.replace(/^section: .*$/mu, 'section: سوريا'));
    await write(date!, date!.text.replace(/^date: .*$/mu, 'date: 2017-07-29'));
    await write(good!, good!.text);

    const run = await runBuild(dir, [], {});
    expect(run.code).toBe(1);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toEqual([
      'تعذّر البناء: 3 مشكلات في المقالات | 3 problems in the articles',
      expect.stringMatching(new RegExp(`^content/articles/2017/07/${colon!.frontMatter.id}\\.md:3 \\(title\\): .*ضع العنوان بين علامتي تنصيص.* \\| title has a colon`, 'u')),
      expect.stringMatching(new RegExp(`^content/articles/2017/07/${section!.frontMatter.id}\\.md:\\d+ \\(section\\): القسم «سوريا» .*هل تقصد «سورية»؟`, 'u')),
      expect.stringMatching(new RegExp(`^content/articles/2017/07/${date!.frontMatter.id}\\.md:\\d+ \\(date\\): .*ضع التاريخ بين علامتي تنصيص: date: '2017-07-29'`, 'u')),
      'لم يتغيّر الموقع السابق في _site. | build failed; the previous _site is untouched.',
    ]);
    expect(run.stderr).not.toMatch(STACK_LINE);

    const verbose = await runBuild(dir, ['--verbose'], {});
    expect(verbose.code).toBe(1);
    expect(verbose.stderr).toMatch(STACK_LINE);
  }, 120_000);
});
