// npm start shows a saved article's page before the rest of its build. A preview build of a
// 10,000-article site takes about half a second before its first page is written (the
// articles stamped, the news index, the plan and every page's render key, the site's files
// stamped); an editor correcting an article waits for exactly one page. So the preview keeps
// the article pages of its last build's plan (ArticlePages), and a save of article files
// alone renders their pages first: the view of the last plan with the article as it is now.
//
// That view is the one the build will plan only if the save left the article where it was
// in the site: the same id, section, date, tags and draft flag (which decide the lists it is
// in, its neighbours and its related articles), and no picture (whose sizes come from the
// picture's file). Any other save, a file with a problem, a file the plan did not have: no
// page is shown first. Whatever is shown, the build that follows renders the pages it
// plans, this one included, and the site ends as it would have without this.

import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { readArticleFile, type ArticleItem } from '../site/article-source.ts';
import type { BuildContext } from '../site/build-context.ts';
import { eleventyConfigFile } from '../site/render-lanes.ts';
import { renderShare } from '../site/render-pages.ts';
import type { Chrome, PlannedPage, SitePlan } from '../site/render-plan.ts';
import { buildFolders } from '../site/site-folders.ts';

/** The article pages of the last preview build whose pages are in place, by article file (relative to the content folder), and the chrome they were rendered with. */
export interface ArticlePages {
  pages: Map<string, PlannedPage>;
  chrome: Chrome;
}

/** The fields that decide an article's place in the site: its lists, neighbours, related articles. */
const PLACE_FIELDS = ['id', 'section', 'date', 'tags', 'draft'] as const;

const posix = (path: string): string => path.split(sep).join('/');

export function articlePagesOf(plan: Pick<SitePlan, 'pages' | 'chrome'>): ArticlePages {
  const pages = new Map<string, PlannedPage>();
  for (const page of plan.pages) if (page.family === 'article') pages.set((page.view.article as ArticleItem).inputPath, page);
  return { pages, chrome: plan.chrome };
}

/** Whether the article, as read now, keeps the place (and the picture-less page) its planned page was made for. */
function keepsItsPlace(planned: ArticleItem, now: ArticleItem): boolean {
  const place = (item: ArticleItem): string => JSON.stringify(PLACE_FIELDS.map((field) => (item.data as unknown as Record<string, unknown>)[field] ?? null));
  return planned.data.image === undefined && now.data.image === undefined && place(planned) === place(now);
}

export interface SavedArticlesRequest {
  context: BuildContext;
  projectDir: string;
  inputDir: string;
  outputDir: string;
  /** The saved files, absolute. */
  files: readonly string[];
  pages: ArticlePages;
}

/**
 * The planned pages of the saved article files, made with the articles as they are now;
 * undefined unless every file is an article of the plan that kept its place (see above).
 */
export function savedArticlePages(request: Pick<SavedArticlesRequest, 'inputDir' | 'files' | 'pages'>): PlannedPage[] | undefined {
  if (request.files.length === 0) return undefined;
  const pages: PlannedPage[] = [];
  for (const file of request.files) {
    const inputPath = posix(relative(request.inputDir, file));
    const planned = request.pages.pages.get(inputPath);
    if (!planned) return undefined;
    let now: ArticleItem | undefined;
    try {
      now = readArticleFile(file, inputPath);
    } catch {
      return undefined;
    }
    if (!now || !keepsItsPlace(planned.view.article as ArticleItem, now)) return undefined;
    pages.push({ family: 'article', output: planned.output, view: { ...planned.view, article: now, body: now.bodyHash } });
  }
  return pages;
}

/**
 * Renders the saved articles' pages into the site (each file renamed into place, as the
 * preview's build does); returns how many, 0 when they are not to be shown first.
 */
export async function showSavedArticles(request: SavedArticlesRequest): Promise<number> {
  const pages = savedArticlePages(request);
  if (!pages) return 0;
  // A staging folder as a build's: one a killed process leaves is removed by the next build.
  const { staging } = buildFolders(request.outputDir);
  try {
    await renderShare({
      context: request.context, projectDir: request.projectDir, inputDir: request.inputDir, outputDir: staging,
      pages, chrome: request.pages.chrome, quiet: true, copyAssets: false,
      fileByUrl: new Map(pages.map((page) => [(page.view.article as ArticleItem).url, join(request.inputDir, (page.view.article as ArticleItem).inputPath)])),
      configPath: await eleventyConfigFile(request.projectDir),
    });
    for (const page of pages) {
      mkdirSync(dirname(join(request.outputDir, page.output)), { recursive: true });
      renameSync(join(staging, page.output), join(request.outputDir, page.output));
    }
    return pages.length;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
