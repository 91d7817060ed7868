// Temporary folders for tests that touch the file system, removed when their tests are done.

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach } from 'vitest';
import { ingestStatePath } from '../../scripts/lib/ingest/ingest-state.ts';

function tempDirs(prefix: string, cleanUpAfter: (cleanUp: () => Promise<void>) => void): () => Promise<string> {
  const made: string[] = [];
  cleanUpAfter(async () => {
    // A folder used as ingest's --out gets the ingest state beside it, outside the folder.
    await Promise.all(made.splice(0).flatMap((folder) => [
      rm(folder, { recursive: true, force: true }),
      rm(ingestStatePath(folder), { force: true }),
    ]));
  });
  return async () => {
    const folder = await mkdtemp(join(tmpdir(), prefix));
    made.push(folder);
    return folder;
  };
}

/** A maker of fresh temporary folders, each removed after the test that made it. */
export function useTempDirs(prefix = 'ingest-test-'): () => Promise<string> {
  return tempDirs(prefix, afterEach);
}

/** A maker of temporary folders shared by the tests of one describe block (made in beforeAll), removed after them. */
export function useSuiteTempDirs(prefix = 'ingest-suite-'): () => Promise<string> {
  return tempDirs(prefix, afterAll);
}

/** Writes each file of `files` (text by path relative to dir, with forward slashes) under dir, making its folders. */
export async function writeTree(dir: string, files: Readonly<Record<string, string>>): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
}
