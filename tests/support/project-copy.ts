// A copy of the project to build in a child process, as `npm run build` runs: its own
// content (the project's pages, with the articles a test writes), layouts and assets (a test
// may change them), and links to the code and dependencies. Used to compare an incremental
// build with a clean build "in a fresh copy of the project in another folder".
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { BUILD_NODE_FLAGS } from '../../scripts/lib/site/build-node-flags.ts';
import { PROJECT_DIR } from './fixture-site.ts';

const run = promisify(execFile);

/** What a copy links to rather than copies: code and dependencies a test never changes. */
const LINKED = ['.eleventy.ts', 'scripts', 'node_modules', 'package.json', 'package-lock.json', 'tsconfig.json'];

export interface BuildRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** A new project folder under tmp-test-sites/ with the project's pages, layouts and assets, and no articles. */
export async function createProjectCopy(prefix: string): Promise<string> {
  const root = join(PROJECT_DIR, 'tmp-test-sites');
  await mkdir(root, { recursive: true });
  const dir = await mkdtemp(join(root, prefix));
  await cp(join(PROJECT_DIR, 'content'), join(dir, 'content'), { recursive: true, filter: (source) => !/[\\/]articles[\\/]\d{4}/u.test(source) });
  await cp(join(PROJECT_DIR, 'layouts'), join(dir, 'layouts'), { recursive: true });
  await cp(join(PROJECT_DIR, 'assets'), join(dir, 'assets'), { recursive: true });
  for (const entry of LINKED) await symlink(join(PROJECT_DIR, entry), join(dir, entry));
  return dir;
}

/** A fresh copy of a project's sources (content, layouts, assets): no cache, no site, no ingest state. */
export async function copySources(fromDir: string, prefix: string): Promise<string> {
  const dir = await createProjectCopy(prefix);
  for (const folder of ['content', 'layouts', 'assets']) {
    await rm(join(dir, folder), { recursive: true, force: true });
    await cp(join(fromDir, folder), join(dir, folder), { recursive: true, filter: (source) => !source.endsWith('.ingest-state.json') });
  }
  return dir;
}

/** Runs scripts/build.ts in a project folder, as `npm run build` does. */
export async function runBuild(dir: string, args: string[], env: Record<string, string>): Promise<BuildRun> {
  try {
    const { stdout, stderr } = await run(process.execPath, [...BUILD_NODE_FLAGS, '--import', 'tsx', 'scripts/build.ts', ...args], {
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

/** The article files of a project copy, relative to its articles folder, sorted. */
export async function articleFiles(dir: string): Promise<string[]> {
  const folder = join(dir, 'content', 'articles');
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1))
    .sort();
}
