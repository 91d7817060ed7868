// Builds a fixture site programmatically: the project's pages and layouts, with articles
// the test chooses, into a folder of its own under tmp-test-sites/ (inside the project, not a dot-folder Eleventy would skip, so
// the package's #site/* imports resolve).
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type SiteSettings } from '../../scripts/lib/config/site.ts';
import { siteSettings } from './site-settings.ts';
import type { ArticleFrontMatter } from '../../scripts/lib/content/article-schema.ts';
import { renderArticleDocument } from '../../scripts/lib/ingest/article-document.ts';
import { createSiteWorkspace } from '../../scripts/lib/site/site-workspace.ts';
import type { WarmLane } from '../../scripts/lib/site/render-lanes.ts';

export const PROJECT_DIR = resolve(import.meta.dirname, '../..');

export interface FixtureArticle {
  frontMatter: Omit<ArticleFrontMatter, 'ingestSha256'>;
  paragraphs: string[];
}

export interface FixtureSite {
  dir: string;
  contentDir: string;
  outputDir: string;
  build(options?: { now?: Date; includeDrafts?: boolean; site?: Partial<SiteSettings>; clean?: boolean; pagesPerRun?: number; renderLanes?: number; warmLane?: WarmLane; cacheTemplates?: boolean }): Promise<{ pages: number }>;
  read(path: string): Promise<string>;
  /** Every output file, relative to the output folder, with forward slashes. */
  files(): Promise<string[]>;
  remove(): Promise<void>;
}

const SECTIONS = ['سورية', 'اقتصاد', 'رياضة'];
const TAGS = ['إيران', 'روسيا', 'دمشق', 'كرة القدم'];

/** n plausible articles, one a day back from 2017-07-31, spread over sections and tags. */
export function makeArticles(count: number): FixtureArticle[] {
  return Array.from({ length: count }, (_, index) => {
    const day = new Date(Date.UTC(2017, 6, 31 - index));
    const date = day.toISOString().slice(0, 10);
    const id = (0xa000000000000000n + BigInt(index)).toString(16);
    return {
      frontMatter: {
        id,
        title: `خبر رقم ${index + 1} عن الأحداث في دمشق`,
        section: SECTIONS[index % SECTIONS.length] as string,
        byline: index % 2 === 0 ? 'وكالات' : 'دمشق - رامي سلوم',
        author: index % 2 === 0 ? undefined : 'رامي سلوم',
        place: index % 2 === 0 ? undefined : 'دمشق',
        date,
        dateSource: 'manifest',
        excerpt: `ملخص الخبر رقم ${index + 1}.`,
        tags: [TAGS[index % TAGS.length] as string, ...(index % 5 === 0 ? ['روسيا'] : [])].filter((tag, i, all) => all.indexOf(tag) === i),
        source: `${String(index).padStart(3, '0')}_${id}.txt`,
        sourceSha256: 'a'.repeat(64),
        textSha256: index.toString(16).padStart(64, '0'),
      },
      paragraphs: [`ملخص الخبر رقم ${index + 1}.`, 'فقرة ثانية من نص الخبر.'],
    };
  });
}

export async function createFixtureSite(articles: readonly FixtureArticle[], extraFiles: Record<string, string> = {}): Promise<FixtureSite> {
  const { dir, contentDir, outputDir } = await createSiteWorkspace(PROJECT_DIR);
  for (const article of articles) {
    const [year, month] = article.frontMatter.date.split('-');
    const path = join(contentDir, 'articles', year as string, month as string, `${article.frontMatter.id}.md`);
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(path, renderArticleDocument(article.frontMatter, article.paragraphs));
  }
  for (const [path, text] of Object.entries(extraFiles)) {
    await mkdir(join(contentDir, path, '..'), { recursive: true });
    await writeFile(join(contentDir, path), text);
  }
  return {
    dir, contentDir, outputDir,
    // Eleventy is loaded by the first build, not by importing this file: the unit tests that
    // take PROJECT_DIR or makeArticles from here do not pay for it.
    build: async (options = {}) => (await import('../../scripts/lib/build/build-site.ts')).buildSite({
      projectDir: PROJECT_DIR,
      inputDir: contentDir,
      outputDir,
      cacheDir: join(dir, '.cache', 'build'),
      clean: options.clean,
      pagesPerRun: options.pagesPerRun,
      renderLanes: options.renderLanes,
      warmLane: options.warmLane,
      context: {
        site: { ...siteSettings, ...options.site },
        now: options.now ?? new Date('2017-08-01T12:00:00+03:00'),
        includeDrafts: options.includeDrafts ?? false,
        // Tests edit files between builds of one process.
        cacheTemplates: options.cacheTemplates ?? false,
      },
    }),
    read: (path) => readFile(join(outputDir, path), 'utf8'),
    files: async () => (await readdir(outputDir, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name).slice(outputDir.length + 1).split('\\').join('/'))
      .sort(),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
