// npm start's head start on a save: the saved articles' own pages, shown before the rest of
// the build, are the pages the build then writes, byte for byte; a save that moves an article
// in the site (its tags, say), a file with a problem, a new file: nothing is shown first.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type PreviewMemory } from '../../scripts/lib/build/build-site.ts';
import { savedArticlePages, showSavedArticles } from '../../scripts/lib/build/saved-article-pages.ts';
import type { BuildContext } from '../../scripts/lib/site/build-context.ts';
import { renderArticleDocument } from '../../scripts/lib/ingest/article-document.ts';
import { createFixtureSite, makeArticles, PROJECT_DIR, type FixtureArticle, type FixtureSite } from '../support/fixture-site.ts';
import { siteSettings } from '../support/site-settings.ts';

const articles = makeArticles(12);
let site: FixtureSite;
const memory: PreviewMemory = {};
const context: BuildContext = { site: siteSettings, now: new Date('2017-08-01T12:00:00+03:00'), includeDrafts: true, cacheTemplates: false };

const fileOf = (article: FixtureArticle): string => {
  const [year, month] = article.frontMatter.date.split('-');
  return join(site.contentDir, 'articles', year as string, month as string, `${article.frontMatter.id}.md`);
};
const pageOf = (article: FixtureArticle): string => `articles/${article.frontMatter.id}/index.html`;
const save = (article: FixtureArticle, frontMatter: Partial<FixtureArticle['frontMatter']>, paragraphs = article.paragraphs): Promise<void> =>
  writeFile(fileOf(article), renderArticleDocument({ ...article.frontMatter, ...frontMatter }, paragraphs));

async function previewBuild(): Promise<number> {
  const result = await buildSite({ projectDir: PROJECT_DIR, inputDir: site.contentDir, outputDir: site.outputDir, cacheDir: join(site.dir, '.cache', 'build'), context, preview: { memory } });
  await result.searchDone;
  return result.rendered;
}

const request = (files: string[]) => ({ context, projectDir: PROJECT_DIR, inputDir: site.contentDir, outputDir: site.outputDir, files, pages: memory.articlePages as NonNullable<PreviewMemory['articlePages']> });

beforeAll(async () => {
  site = await createFixtureSite(articles);
  await previewBuild();
});

afterAll(() => site?.remove());

describe("a saved article's page, shown before the rest of the preview's build", () => {
  it('is kept for every article page of the last build', () => {
    expect(memory.articlePages?.pages.size).toBe(articles.length);
  });

  it('shows a new headline and body at once, and is the page the build then writes', async () => {
    const article = articles[3] as FixtureArticle;
    await save(article, { title: 'عنوان مصحح للخبر' }, ['فقرة مصححة من نص الخبر.', 'فقرة ثانية من نص الخبر.']);
    expect(await showSavedArticles(request([fileOf(article)]))).toBe(1);
    const shown = await site.read(pageOf(article));
    expect(shown).toContain('عنوان مصحح للخبر');
    expect(shown).toContain('فقرة مصححة من نص الخبر.');
    expect(await previewBuild()).toBeGreaterThan(1);
    expect(await site.read(pageOf(article))).toBe(shown);
  });

  it('shows several saved articles together when each keeps its place', async () => {
    const saved = [articles[1], articles[7]] as FixtureArticle[];
    for (const article of saved) await save(article, { author: 'محرر التصحيح' });
    expect(await showSavedArticles(request(saved.map(fileOf)))).toBe(2);
    const shown = await Promise.all(saved.map((article) => site.read(pageOf(article))));
    await previewBuild();
    expect(await Promise.all(saved.map((article) => site.read(pageOf(article))))).toEqual(shown);
  });

  it('shows nothing first for a save that moves the article in the site, a file with a problem, or a file the last build did not have', async () => {
    const before = await site.read(pageOf(articles[5] as FixtureArticle));
    await save(articles[5] as FixtureArticle, { tags: ['كرة القدم', 'إيران'] });
    await save(articles[6] as FixtureArticle, { section: 'رياضة' === articles[6]?.frontMatter.section ? 'اقتصاد' : 'رياضة' });
    await save(articles[8] as FixtureArticle, { date: '2017-07-01' });
    const broken = fileOf(articles[9] as FixtureArticle);
    await writeFile(broken, (await readFile(broken, 'utf8')).replace(/^title: .*$/mu, 'title: [غير مغلق'));
    const added = join(site.contentDir, 'articles', '2017', '07', 'b000000000000001.md');
    await writeFile(added, renderArticleDocument({ ...(articles[0] as FixtureArticle).frontMatter, id: 'b000000000000001', title: 'خبر جديد' }, ['نص جديد.']));
    for (const files of [[fileOf(articles[5] as FixtureArticle)], [fileOf(articles[6] as FixtureArticle)], [fileOf(articles[8] as FixtureArticle)], [broken], [added],
      [fileOf(articles[2] as FixtureArticle), fileOf(articles[5] as FixtureArticle)], []]) {
      expect(savedArticlePages(request(files)), files.join(' ')).toBeUndefined();
    }
    expect(await showSavedArticles(request([fileOf(articles[5] as FixtureArticle)]))).toBe(0);
    expect(await site.read(pageOf(articles[5] as FixtureArticle))).toBe(before);
  });
});
