// A site of its own beside the project's: the project's pages, data files and layouts with
// a content folder of other articles (generated corpora, test fixtures, quality gates).
// It lives inside the project (not in a dot-folder) so that Eleventy finds its directory
// data files and the package's #site/* imports resolve.

import { cp, mkdir, mkdtemp, symlink } from 'node:fs/promises';
import { join } from 'node:path';

export interface SiteWorkspace {
  dir: string;
  /** The input folder: the project's pages plus content/articles for the articles. */
  contentDir: string;
  articlesDir: string;
  outputDir: string;
}

export const WORKSPACES_FOLDER = 'tmp-test-sites';

export async function createSiteWorkspace(projectDir: string, prefix = 'site-'): Promise<SiteWorkspace> {
  const root = join(projectDir, WORKSPACES_FOLDER);
  await mkdir(root, { recursive: true });
  const dir = await mkdtemp(join(root, prefix));
  const contentDir = join(dir, 'content');
  await cp(join(projectDir, 'content'), contentDir, {
    recursive: true,
    // Everything but the bundled articles themselves (content/articles/<yyyy>/…).
    filter: (source) => !/[\\/]articles[\\/]\d{4}/.test(source),
  });
  await symlink(join(projectDir, 'layouts'), join(dir, 'layouts'));
  return { dir, contentDir, articlesDir: join(contentDir, 'articles'), outputDir: join(dir, '_site') };
}
