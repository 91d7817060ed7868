// The incremental build's promise, checked the only way that counts: after every operation
// of a seeded random sequence of what a newsroom does (publish, correct, retag, move, delete,
// draft, schedule, let time pass, give an article a picture or take it away, replace a
// picture's file in place, change a layout, a partial, the CSS, a setting), the site
// an incremental build leaves is compared file by file with a clean build of the same
// sources made in a fresh copy of the project in another folder.
// PROPERTY_SEED and PROPERTY_STEPS replay or lengthen a run.
import { appendFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRandom } from '../../scripts/tools/bench/prng.ts';
import { compareTrees } from '../../scripts/lib/fs/compare-trees.ts';
import { renderArticleDocument } from '../../scripts/lib/ingest/article-document.ts';
import { makeArticles, type FixtureArticle } from '../support/fixture-site.ts';
import { copySources, createProjectCopy, runBuild } from '../support/project-copy.ts';
import { testPicture } from '../support/test-image.ts';

const SEED = Number(process.env.PROPERTY_SEED ?? 20261202);
const STEPS = Number(process.env.PROPERTY_STEPS ?? 14);
const SECTIONS = ['سورية', 'اقتصاد', 'رياضة', 'ثقافة وفن'];
const TAGS = ['إيران', 'روسيا', 'دمشق', 'كرة القدم', 'الليرة السورية'];
/** The pictures articles may have, under content/images/. */
const PICTURES = ['images/a.jpg', 'images/b.png'];

interface Model {
  articles: Map<string, FixtureArticle & { draft?: boolean }>;
  now: Date;
  baseUrl: string;
  serial: number;
}

type Operation = { name: string; apply: (model: Model, dir: string) => Promise<string> };

const day = (date: Date): string => date.toISOString().slice(0, 10);

function articlePath(dir: string, article: FixtureArticle): string {
  const [year, month] = article.frontMatter.date.split('-');
  return join(dir, 'content', 'articles', year as string, month as string, `${article.frontMatter.id}.md`);
}

async function writeArticle(dir: string, article: FixtureArticle & { draft?: boolean }): Promise<void> {
  const path = articlePath(dir, article);
  await mkdir(join(path, '..'), { recursive: true });
  const frontMatter = { ...article.frontMatter, ...(article.draft ? { draft: true } : {}) };
  await writeFile(path, renderArticleDocument(frontMatter, article.paragraphs));
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function operations(random: () => number): Operation[] {
  const anyArticle = (model: Model): (FixtureArticle & { draft?: boolean }) => pick(random, [...model.articles.values()].sort((a, b) => (a.frontMatter.id < b.frontMatter.id ? -1 : 1)));
  const rewrite = async (model: Model, dir: string, change: (article: FixtureArticle & { draft?: boolean }) => void): Promise<string> => {
    const article = anyArticle(model);
    await rm(articlePath(dir, article), { force: true });
    change(article);
    await writeArticle(dir, article);
    return article.frontMatter.id;
  };
  return [
    { name: 'add articles', apply: async (model, dir) => {
      const added: string[] = [];
      for (let count = 1 + Math.floor(random() * 3); count > 0; count -= 1) {
        model.serial += 1;
        const [template] = makeArticles(1) as [FixtureArticle];
        const where = random();
        // Mostly today's news; sometimes a backdated one, sometimes one scheduled for later.
        const offsetDays = where < 0.6 ? 0 : where < 0.85 ? -Math.floor(random() * 30) : 1 + Math.floor(random() * 3);
        const date = day(new Date(model.now.getTime() + offsetDays * 86_400_000));
        const id = (0xb000000000000000n + BigInt(model.serial)).toString(16);
        const article = { ...template, frontMatter: { ...template.frontMatter, id, date, title: `خبر جديد رقم ${model.serial}`, section: pick(random, SECTIONS), tags: [pick(random, TAGS)] } };
        model.articles.set(id, article);
        await writeArticle(dir, article);
        added.push(`${id} ${date}`);
      }
      return added.join(', ');
    } },
    { name: 'edit a body', apply: (model, dir) => rewrite(model, dir, (article) => { article.paragraphs = [...article.paragraphs, `فقرة مضافة ${model.serial += 1}.`]; }) },
    { name: 'edit a headline', apply: (model, dir) => rewrite(model, dir, (article) => { article.frontMatter.title = `عنوان مصحح رقم ${model.serial += 1}`; }) },
    { name: 'change tags', apply: (model, dir) => rewrite(model, dir, (article) => { article.frontMatter.tags = TAGS.filter(() => random() < 0.4); }) },
    { name: 'move to another section', apply: (model, dir) => rewrite(model, dir, (article) => { article.frontMatter.section = pick(random, SECTIONS.filter((section) => section !== article.frontMatter.section)); }) },
    { name: 'delete', apply: async (model, dir) => {
      const article = anyArticle(model);
      model.articles.delete(article.frontMatter.id);
      await rm(articlePath(dir, article));
      return article.frontMatter.id;
    } },
    { name: 'toggle draft', apply: (model, dir) => rewrite(model, dir, (article) => { article.draft = !article.draft; }) },
    { name: 'give a picture or take it away', apply: (model, dir) => rewrite(model, dir, (article) => {
      const src = pick(random, [...PICTURES, undefined]);
      article.frontMatter.image = src === undefined ? undefined : { src, alt: `صورة ${model.serial += 1}`, ...(random() < 0.5 ? { credit: 'رويترز' } : {}) };
    }) },
    { name: 'replace a picture in place', apply: async (_model, dir) => {
      const src = pick(random, PICTURES);
      await writeFile(join(dir, 'content', src), await testPicture(500 + Math.floor(random() * 1000), 300 + Math.floor(random() * 600), src.endsWith('.png') ? 'png' : 'jpeg'));
      return src;
    } },
    { name: 'advance now', apply: async (model) => {
      model.now = new Date(model.now.getTime() + (1 + Math.floor(random() * 2)) * 86_400_000);
      return model.now.toISOString();
    } },
    { name: 'change a layout', apply: async (_model, dir) => {
      await appendFile(join(dir, 'layouts', 'article.njk'), `\n<!-- ${random().toString(36).slice(2, 8)} -->\n`);
      return 'layouts/article.njk';
    } },
    { name: 'change a partial', apply: async (_model, dir) => {
      const file = join(dir, 'layouts', 'partials', 'footer.njk');
      await writeFile(file, (await readFile(file, 'utf8')).replace('</footer>', `<!-- ${random().toString(36).slice(2, 8)} --></footer>`));
      return 'layouts/partials/footer.njk';
    } },
    { name: 'change the CSS', apply: async (_model, dir) => {
      await appendFile(join(dir, 'assets', 'css', 'site.css'), `\n.x-${random().toString(36).slice(2, 8)} { color: inherit; }\n`);
      return 'assets/css/site.css';
    } },
    { name: 'change a site setting', apply: async (model) => {
      model.baseUrl = model.baseUrl === 'https://example.org' ? 'https://news.example.net' : 'https://example.org';
      return `SITE_BASE_URL=${model.baseUrl}`;
    } },
    { name: 'no change', apply: async () => '' },
  ];
}

describe('an incremental build equals a clean build after every operation', () => {
  const generator = createRandom(SEED);
  const random = (): number => generator.next();
  const model: Model = { articles: new Map(), now: new Date('2017-08-01T09:00:00Z'), baseUrl: 'https://example.org', serial: 0 };
  let dir = '';
  const env = (): Record<string, string> => ({ SITE_NOW: model.now.toISOString(), SITE_BASE_URL: model.baseUrl, SITE_ARTICLES_PER_PAGE: '3' });

  beforeAll(async () => {
    dir = await createProjectCopy('incremental');
    await mkdir(join(dir, 'content', 'images'), { recursive: true });
    for (const src of PICTURES) await writeFile(join(dir, 'content', src), await testPicture(1400, 800, src.endsWith('.png') ? 'png' : 'jpeg'));
    // Two articles start with a picture each: replacing a picture's file changes a page from the start.
    const initial = makeArticles(10);
    PICTURES.forEach((src, position) => { (initial[position] as FixtureArticle).frontMatter.image = { src, alt: `صورة ${position}` }; });
    for (const article of initial) {
      model.articles.set(article.frontMatter.id, article);
      await writeArticle(dir, article);
    }
    const first = await runBuild(dir, [], env());
    expect(first.code, first.stderr).toBe(0);
  });
  afterAll(async () => { if (dir) await rm(dir, { recursive: true, force: true }); });

  it(`holds for ${STEPS} random operations (seed ${SEED})`, async () => {
    const all = operations(random);
    const log: string[] = [];
    for (let step = 1; step <= STEPS; step += 1) {
      const operation = pick(random, all);
      const detail = await operation.apply(model, dir);
      log.push(`${step}. ${operation.name} ${detail}`);
      const incremental = await runBuild(dir, [], env());
      expect(incremental.code, `${log.join('\n')}\n${incremental.stderr}`).toBe(0);
      const cleanDir = await copySources(dir, 'clean');
      try {
        const clean = await runBuild(cleanDir, ['--clean'], env());
        expect(clean.code, clean.stderr).toBe(0);
        const differences = await compareTrees(join(cleanDir, '_site'), join(dir, '_site'));
        expect(differences, `after:\n${log.join('\n')}`).toEqual([]);
      } finally {
        await rm(cleanDir, { recursive: true, force: true });
      }
    }
  }, 600_000);
});
