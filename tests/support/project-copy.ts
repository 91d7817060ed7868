// Project copies for the tests that build in a child process, as `npm run build` runs: the
// benchmark's copies (scripts/lib/bench/bench-project.ts), one home for "a copy of the
// project", and "a fresh copy of its sources" (no cache, no site, no ingest state) for the
// clean build an incremental one is compared with.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createBenchProject, createCleanCopy, projectAt } from '../../scripts/lib/bench/bench-project.ts';
import { BUILD_NODE_FLAGS } from '../../scripts/lib/site/build-node-flags.ts';
import { PROJECT_DIR } from './fixture-site.ts';

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
