// A throw-away copy of the project for one benchmark run: its own content/ (the project's
// pages, feeds and directory data, with the generated articles in place of the bundled
// ones), layouts, code and config, and links to everything else (node_modules, tests), so
// `scripts/build.ts` run inside it does exactly what `npm run build` does, on the corpus.
// The copies let the scenarios edit content and layouts without touching the real project,
// and hold the code still for the whole run: an edit to the working tree meanwhile would
// change the build's fingerprint and make every cached page stale. It lives under
// tmp-test-sites/ in the project, like the test sites: not a dot-folder (Eleventy skips
// those) and .gitignored.

import { cp, lstat, mkdir, mkdtemp, readdir, readlink, symlink } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { ingestStatePath } from '../../lib/ingest/ingest-state.ts';

/**
 * Top-level entries of the project that a benchmark copy neither copies nor links: its
 * output and build cache (a link would let the copy's builds read and write the real
 * project's), and the benchmark's own folders.
 */
const NOT_LINKED = new Set(['_site', '.cache', 'tmp-test-sites', 'bench-results', '.git']);

/** Top-level entries copied, not linked: what scenarios edit and what the build's output depends on (small: under 2 MB). */
const COPIED = new Set(['content', 'layouts', 'scripts', 'assets', '.eleventy.ts', 'package.json', 'package-lock.json', 'tsconfig.json']);

/** What a benchmark writes into a copy, never part of the sources a clean copy starts from. */
const NOT_SOURCES = new Set(['_site', '.cache', 'floor-site']);

/** Build leftovers (._site-build-…, .site-…): not the project. */
const BUILD_LEFTOVER = /^\.(?:_?site)-/u;

export interface BenchProject {
  dir: string;
  contentDir: string;
  /** Where the generated articles are ingested. */
  articlesDir: string;
  /** The copy's own layouts, which a scenario may edit. */
  layoutsDir: string;
  /** Where scripts/build.ts writes the site. */
  siteDir: string;
  /** Where the floor writes its pages. */
  floorDir: string;
}

/** The paths of a project copy in `dir`. */
export function projectAt(dir: string): BenchProject {
  const contentDir = join(dir, 'content');
  return {
    dir,
    contentDir,
    articlesDir: join(contentDir, 'articles'),
    layoutsDir: join(dir, 'layouts'),
    siteDir: join(dir, '_site'),
    floorDir: join(dir, 'floor-site'),
  };
}

/** The bundled articles (content/articles/<yyyy>/…) stay out of a copy: the corpus takes their place. */
function isBundledArticle(projectDir: string, path: string): boolean {
  return /^content\/articles\/\d{4}(?:\/|$)/u.test(relative(projectDir, path).split(sep).join('/'));
}

async function makeDir(projectDir: string, label: string): Promise<string> {
  const root = join(projectDir, 'tmp-test-sites');
  await mkdir(root, { recursive: true });
  return mkdtemp(join(root, `bench-${label}-`));
}

export async function createBenchProject(projectDir: string, label: string): Promise<BenchProject> {
  const project = projectAt(await makeDir(projectDir, label));
  for (const entry of await readdir(projectDir)) {
    if (NOT_LINKED.has(entry) || BUILD_LEFTOVER.test(entry)) continue;
    const [from, to] = [join(projectDir, entry), join(project.dir, entry)];
    if (COPIED.has(entry)) await cp(from, to, { recursive: true, filter: (source) => !isBundledArticle(projectDir, source) });
    else await symlink(from, to);
  }
  return project;
}

/**
 * A fresh copy of a benchmark copy's sources, for the clean build its incremental builds
 * are compared with: what the copy holds as its own (content with the articles, layouts,
 * code) is copied, what it links is linked to the same place; its site, build cache, floor pages
 * and ingest state stay behind. Made in `projectDir`'s tmp-test-sites/ like the copy itself.
 */
export async function createCleanCopy(source: BenchProject, projectDir: string, label: string): Promise<BenchProject> {
  const copy = projectAt(await makeDir(projectDir, label));
  const ingestState = ingestStatePath(source.articlesDir);
  for (const entry of await readdir(source.dir)) {
    if (NOT_SOURCES.has(entry) || BUILD_LEFTOVER.test(entry)) continue;
    const from = join(source.dir, entry);
    const to = join(copy.dir, entry);
    if ((await lstat(from)).isSymbolicLink()) await symlink(await readlink(from), to);
    else await cp(from, to, { recursive: true, filter: (path) => path !== ingestState });
  }
  return copy;
}
