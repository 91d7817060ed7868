// A production build that never loses the last good site: Eleventy writes into a fresh
// temporary folder beside the output, and only a build that fully succeeded is swapped in.

import { randomBytes } from 'node:crypto';
import { readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import Eleventy from '@11ty/eleventy';
import { buildSearch } from '../search/build-search.ts';
import { releaseWrittenPages } from './release-written-pages.ts';
import { currentBuildContext, setBuildContext, type BuildContext } from './build-context.ts';

export interface BuildOptions {
  /** Project folder holding .eleventy.ts and content/. */
  projectDir: string;
  /** Folder the finished site ends up in. */
  outputDir: string;
  /** Content folder, relative to projectDir or absolute. */
  inputDir?: string;
  /** Steps run on the finished temporary folder before it is swapped in (search index …). */
  afterRender?: (siteDir: string) => Promise<void>;
  quiet?: boolean;
  /** Site settings, now and drafts mode; by default read from the environment. */
  context?: BuildContext;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false);
}

/** Names of the temporary folders a build uses beside the output folder. */
export function buildFolders(outputDir: string): { staging: string; previous: string } {
  const folder = dirname(resolve(outputDir));
  const name = basename(resolve(outputDir));
  const suffix = randomBytes(4).toString('hex');
  return { staging: join(folder, `.${name}-build-${suffix}`), previous: join(folder, `.${name}-previous-${suffix}`) };
}

export interface BuildResult {
  pages: number;
  /** Seconds each step took: what `npm run build` reports, and where a slow build looks first. */
  seconds: { render: number; search: number; total: number };
  /** Shards of the search index. */
  searchShards: number;
}

const secondsSince = (start: number): number => (performance.now() - start) / 1000;

export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const projectDir = resolve(options.projectDir);
  const outputDir = resolve(projectDir, options.outputDir);
  const inputDir = resolve(projectDir, options.inputDir ?? 'content');
  const { staging, previous } = buildFolders(outputDir);
  if (options.context) setBuildContext(options.context);
  await removeLeftovers(outputDir);
  try {
    const pages = await renderSite(projectDir, inputDir, staging, options.quiet ?? true);
    const render = secondsSince(started);
    // The search index, browser scripts and service worker are part of every build.
    const searchStarted = performance.now();
    const search = await buildSearch(staging, currentBuildContext().site);
    const searchSeconds = secondsSince(searchStarted);
    await options.afterRender?.(staging);
    await swapIn(staging, outputDir, previous);
    return { pages, seconds: { render, search: searchSeconds, total: secondsSince(started) }, searchShards: search.shards };
  } catch (error) {
    // Eleventy may still be writing other pages when one fails: retry, and never let the
    // clean-up hide the build's own error (a leftover is removed by the next build).
    await rm(staging, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }).catch(() => undefined);
    throw error;
  }
}

/**
 * Eleventy's run, in a function of its own so that nothing keeps it alive afterwards: write()
 * resolves to every rendered page's content (gigabytes at 100,000 articles), which the
 * search step, reading the pages from disk, must not hold on to.
 */
async function renderSite(projectDir: string, inputDir: string, outputDir: string, quiet: boolean): Promise<number> {
  // A written page's HTML is on disk: Eleventy need not keep it (gigabytes at 100k).
  await releaseWrittenPages();
  // Relative on purpose: Eleventy 3 misses directory data files (articles.11tydata.ts)
  // under an absolute input path.
  const eleventy = new Eleventy(`./${relative(process.cwd(), inputDir)}`, outputDir, {
    configPath: join(projectDir, '.eleventy.ts'),
    quietMode: quiet,
  });
  // write() resolves to [passthrough copies, rendered templates].
  const [, rendered] = (await eleventy.write()) as unknown as [unknown[], unknown[]];
  return rendered.length;
}

/** Removes what killed or failed builds left beside the output folder. */
async function removeLeftovers(outputDir: string): Promise<void> {
  const folder = dirname(outputDir);
  const name = basename(outputDir);
  const leftovers = (await readdir(folder).catch(() => [] as string[]))
    .filter((entry) => entry.startsWith(`.${name}-build-`) || entry.startsWith(`.${name}-previous-`));
  // A previous site with no current one means a build died mid-swap: put it back first.
  if (!(await exists(outputDir))) {
    const previous = leftovers.find((entry) => entry.startsWith(`.${name}-previous-`));
    if (previous) await rename(join(folder, previous), outputDir);
  }
  await Promise.all(leftovers.map((entry) => rm(join(folder, entry), { recursive: true, force: true })));
}

/** Replaces outputDir by staging; if that fails half way, the old site is put back. */
async function swapIn(staging: string, outputDir: string, previous: string): Promise<void> {
  if (!(await exists(join(staging, 'index.html')))) throw new Error(`the build wrote no home page into ${staging}`);
  const hadSite = await exists(outputDir);
  if (hadSite) await rename(outputDir, previous);
  try {
    await rename(staging, outputDir);
  } catch (error) {
    if (hadSite) await rename(previous, outputDir);
    throw error;
  }
  if (hadSite) await rm(previous, { recursive: true, force: true });
}
