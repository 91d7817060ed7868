// Writes a file so that readers (and a crash) only ever see the old or the new content:
// the bytes go to a temporary file in the same folder, which is then renamed over the target.

import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Temporary files this module leaves behind only if the process dies mid-write. */
export const TEMPORARY_FILE = /^\..+\.[0-9a-f]{12}\.tmp$/;

export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  const folder = dirname(path);
  await mkdir(folder, { recursive: true });
  const temporary = join(folder, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, content, { flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
