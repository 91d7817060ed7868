// Builds under a path prefix, and builds that must fail: what a publisher configures and
// what an editor can get wrong.
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { renderArticleDocument } from '../../scripts/lib/ingest/article-document.ts';
import { InvalidContentError } from '../../scripts/lib/site/article-source.ts';
import { createFixtureSite, makeArticles, PROJECT_DIR, type FixtureSite } from '../support/fixture-site.ts';

let site: FixtureSite | undefined;
afterEach(async () => {
  await site?.remove();
  site = undefined;
});

describe('a site hosted under /news/', () => {
  it('prefixes every internal link, asset and canonical URL', async () => {
    site = await createFixtureSite(makeArticles(45));
    await site.build({ site: { pathPrefix: '/news/', baseUrl: 'https://paper.example' } });
    for (const file of ['index.html', 'articles/a000000000000000/index.html', 'sections/syria/index.html', '404.html']) {
      const html = await site.read(file);
      const links = [...html.matchAll(/(?:href|src)="([^"]+)"/g)].map((match) => match[1] as string);
      const internal = links.filter((link) => link.startsWith('/'));
      expect(internal.length, file).toBeGreaterThan(3);
      for (const link of internal) expect(link, `${file}: ${link}`).toMatch(/^\/news\//);
      expect(html).toMatch(/<link rel="canonical" href="https:\/\/paper\.example\/news\//);
    }
    expect(await site.read('page/1/index.html')).toContain('rel="prev" href="/news/"');
  });
});

describe('a build with invalid articles', () => {
  it('fails naming every bad file and field at once, and leaves the last good site alone', async () => {
    const good = makeArticles(3);
    site = await createFixtureSite(good);
    await site.build();
    const before = await site.read('index.html');

    const broken = (id: string, change: (document: string) => string): [string, string] => {
      const article = { ...good[0]!, frontMatter: { ...good[0]!.frontMatter, id } };
      return [`articles/2017/07/${id}.md`, change(renderArticleDocument(article.frontMatter, article.paragraphs))];
    };
    for (const [path, text] of [
      broken('d000000000000001', (doc) => doc.replace(/^title: .*\n/m, '')),
      broken('d000000000000002', (doc) => doc.replace(/^tags:\n(  - .*\n)*/m, 'tags: 7\n')),
      broken('d000000000000003', (doc) => doc.replace(/^dateSource: .*\n/m, 'dateSource: guessed\n')),
      broken('d000000000000004', (doc) => doc.replace(/^date: .*\n/m, "date: 'yesterday'\n")),
      broken('d000000000000005', (doc) => doc.replace(/^title: /m, 'draft: maybe\ntitle: ')),
      ['articles/2017/07/d000000000000006.md', renderArticleDocument({ ...good[1]!.frontMatter }, good[1]!.paragraphs)],
    ] as [string, string][]) {
      await writeFile(join(site.contentDir, path), text);
    }
    const failure = await site.build().then(() => undefined, (error: Error) => error);
    expect(failure).toBeInstanceOf(Error);
    const message = String(failure?.message);
    // One line per problem, after one heading line: no stack trace, nothing wrapped.
    const lines = message.split('\n');
    expect(lines[0]).toBe('تعذّر البناء: 6 مشكلات في المقالات | 6 problems in the articles');
    expect(lines).toHaveLength(7);
    expect(message).toMatch(/d000000000000001\.md \(title\): الحقل title مفقود .*\| title is missing/);
    expect(message).toMatch(/d000000000000002\.md:\d+ \(tags\): .*\| tags must be a list/);
    expect(message).toMatch(/d000000000000003\.md:\d+ \(dateSource\): .*\| dateSource must be one of/);
    expect(message).toMatch(/d000000000000004\.md:\d+ \(date\): .*\| date is not a real date: 'yesterday'/);
    expect(message).toMatch(/d000000000000005\.md:\d+ \(draft\): .*\| draft must be true or false/);
    const id = good[1]!.frontMatter.id;
    expect(message).toMatch(new RegExp(`(d000000000000006\\.md:\\d+ \\(id\\): .* id ${id} is also the id of .*${id}\\.md|${id}\\.md:\\d+ \\(id\\): .* id ${id} is also the id of .*d000000000000006\\.md)`));
    expect(await readFile(join(site.outputDir, 'index.html'), 'utf8')).toBe(before);
  });
});

describe('a build with an article in a section the site does not have', () => {
  const ALLOWED = 'سورية، عربي ودولي، اقتصاد، رياضة، ثقافة وفن، محليات، قضايا وآراء';

  it('fails naming the file, the section, the sections allowed and the nearest; fixed, it builds', async () => {
    const articles = makeArticles(6);
    const typo = { ...articles[0]!, frontMatter: { ...articles[0]!.frontMatter, section: 'سوريا' } };
    const unknown = { ...articles[1]!, frontMatter: { ...articles[1]!.frontMatter, section: 'منوعات' } };
    site = await createFixtureSite([typo, unknown, ...articles.slice(2)]);
    const fileOf = (id: string): string => `${relative(PROJECT_DIR, site!.contentDir)}/articles/2017/07/${id}.md`;

    const failure = await site.build().then(() => undefined, (error: unknown) => error);
    expect(failure).toBeInstanceOf(InvalidContentError);
    const problems = (failure as InvalidContentError).problems;
    expect(problems).toEqual([
      { file: fileOf(typo.frontMatter.id), code: 'unknownSection', field: 'section', line: 4, values: { value: 'سوريا', allowed: ALLOWED, nearest: 'سورية' } },
      { file: fileOf(unknown.frontMatter.id), code: 'unknownSection', field: 'section', line: 4, values: { value: 'منوعات', allowed: ALLOWED, nearest: expect.any(String) } },
    ]);
    const lines = (failure as Error).message.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`${fileOf(typo.frontMatter.id)}:4 (section): القسم «سوريا» ليس من أقسام الموقع (${ALLOWED}) — هل تقصد «سورية»؟`);
    expect(lines[1]).toContain(`| section «سوريا» is not one of the site's sections (${ALLOWED}) — did you mean «سورية»?`);
    expect(existsSync(site.outputDir)).toBe(false);

    // Corrected (one as configured, one spelt with ه for ة): one Syria section, no «سوريا».
    const path = (id: string): string => join(site!.contentDir, 'articles', '2017', '07', `${id}.md`);
    await writeFile(path(typo.frontMatter.id), (await readFile(path(typo.frontMatter.id), 'utf8')).replace('section: سوريا', 'section: سورية'));
    await writeFile(path(unknown.frontMatter.id), (await readFile(path(unknown.frontMatter.id), 'utf8')).replace('section: منوعات', 'section: سوريه'));
    await site.build();
    const files = await site.files();
    expect(files.filter((file) => /^sections\/[^/]+\/index\.html$/.test(file))).toEqual(['sections/economy/index.html', 'sections/sports/index.html', 'sections/syria/index.html']);
    const syria = await site.read('sections/syria/index.html');
    expect(syria).toContain(`href="/articles/${typo.frontMatter.id}/"`);
    expect(syria).toContain(`href="/articles/${unknown.frontMatter.id}/"`);
    expect(await site.read('index.html')).not.toContain('سوريا');
  });
});
