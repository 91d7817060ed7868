// A throw-away copy of the project for one benchmark run: its own content/ (the project's
// pages, feeds and directory data, with the generated articles in place of the bundled
// ones) and links to everything else (config, layouts, assets, scripts, node_modules), so
// `scripts/build.ts` run inside it does exactly what `npm run build` does, on the corpus.
// It lives under tmp-test-sites/ in the project, like the test sites: not a dot-folder
// (Eleventy skips those) and .gitignored.

import { cp, mkdir, mkdtemp, readdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';

/** Top-level entries of the project that a benchmark copy neither copies nor links. */
const NOT_LINKED = new Set(['content', '_site', 'tmp-test-sites', 'bench-results', '.git']);

export interface BenchProject {
  dir: string;
  contentDir: string;
  /** Where the generated articles are ingested. */
  articlesDir: string;
  /** Where scripts/build.ts writes the site. */
  siteDir: string;
  /** Where the floor writes its pages. */
  floorDir: string;
}

export async function createBenchProject(projectDir: string, label: string): Promise<BenchProject> {
  const root = join(projectDir, 'tmp-test-sites');
  await mkdir(root, { recursive: true });
  const dir = await mkdtemp(join(root, `bench-${label}-`));
  const contentDir = join(dir, 'content');
  // The site's own pages; bundled articles (content/articles/<yyyy>/) stay out.
  await cp(join(projectDir, 'content'), contentDir, {
    recursive: true,
    filter: (source) => !/[\\/]articles[\\/]\d{4}(?:[\\/]|$)/u.test(source),
  });
  for (const entry of await readdir(projectDir)) {
    // Build leftovers (._site-build-…, .site-…) and the benchmark's own folders are not the project.
    if (NOT_LINKED.has(entry) || /^\.(?:_?site)-/u.test(entry)) continue;
    await symlink(join(projectDir, entry), join(dir, entry));
  }
  return { dir, contentDir, articlesDir: join(contentDir, 'articles'), siteDir: join(dir, '_site'), floorDir: join(dir, 'floor-site') };
}
