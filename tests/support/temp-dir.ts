// Temporary folders for tests that touch the file system, removed when their tests are done.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
