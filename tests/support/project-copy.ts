// Project copies for the tests that build in a child process, as `npm run build` runs: the
// benchmark's copies (scripts/tools/bench/bench-project.ts), one home for "a copy of the
// project", and "a fresh copy of its sources" (no cache, no site, no ingest state) for the
// clean build an incremental one is compared with.
import { execFile } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'vitest';
import { createBenchProject, createCleanCopy, projectAt } from '../../scripts/tools/bench/bench-project.ts';
import type { BundledCommand } from '../../scripts/lib/fs/command-bundle.ts';
import { compareTrees } from '../../scripts/lib/fs/compare-trees.ts';
import { renderArticleDocument } from '../../scripts/lib/ingest/article-document.ts';
import { BUILD_NODE_FLAGS } from '../../scripts/lib/site/build-node-flags.ts';
import { makeArticles, PROJECT_DIR } from './fixture-site.ts';

const run = promisify(execFile);

export interface BuildRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** A new project folder under tmp-test-sites/ with the project's pages, layouts, assets and code, and no articles. */
export async function createProjectCopy(label: string): Promise<string> {
  return (await createBenchProject(PROJECT_DIR, label)).dir;
}

/** A fresh copy of a project copy's sources: no cache, no site, no ingest state. */
export async function copySources(fromDir: string, label: string): Promise<string> {
  return (await createCleanCopy(projectAt(fromDir), PROJECT_DIR, label)).dir;
}

/** Runs scripts/build.ts in a project folder, as `npm run build` does (through the commands' launcher: its bundle once it has one). */
export function runBuild(dir: string, args: string[], env: Record<string, string>): Promise<BuildRun> {
  return runBuildScript(dir, 'build', args, env);
}

/** Runs scripts/publish.ts in a project folder, as `npm run publish` does. */
export function runPublish(dir: string, args: string[], env: Record<string, string>): Promise<BuildRun> {
  return runBuildScript(dir, 'publish', args, env);
}

async function runBuildScript(dir: string, command: BundledCommand, args: string[], env: Record<string, string>): Promise<BuildRun> {
  try {
    const { stdout, stderr } = await run(process.execPath, [...BUILD_NODE_FLAGS, 'scripts/run-command.mjs', command, ...args], {
      cwd: dir,
      env: { ...process.env, ...env },
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : 1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

/** Writes `count` plausible articles (makeArticles) into a project copy, titled «<prefix> <n>». */
export async function writeArticles(dir: string, count: number, titlePrefix = 'خبر'): Promise<void> {
  for (const [position, article] of makeArticles(count).entries()) {
    const [year, month] = article.frontMatter.date.split('-');
    const path = join(dir, 'content', 'articles', year as string, month as string, `${article.frontMatter.id}.md`);
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(path, renderArticleDocument({ ...article.frontMatter, title: `${titlePrefix} ${position}` }, article.paragraphs));
  }
}

/** Asserts a project copy's site equals a clean build of the same sources in a fresh copy. */
export async function expectEqualToClean(dir: string, env: Record<string, string>): Promise<void> {
  const cleanDir = await copySources(dir, 'clean');
  try {
    const clean = await runBuild(cleanDir, ['--clean'], env);
    expect(clean.code, clean.stderr).toBe(0);
    expect(await compareTrees(join(cleanDir, '_site'), join(dir, '_site'))).toEqual([]);
  } finally {
    await rm(cleanDir, { recursive: true, force: true });
  }
}
