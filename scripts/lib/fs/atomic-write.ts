// Writes a file so that readers (and a crash) only ever see the old or the new content:
// the bytes go to a temporary file in the same folder, which is then renamed over the target.

import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Temporary files this module leaves behind only if the process dies mid-write. */
export const TEMPORARY_FILE = /^\..+\.[0-9a-f]{12}\.tmp$/;

/** A name beside path for a file that is then renamed over it (TEMPORARY_FILE matches it). */
export function temporaryPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
}

export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = temporaryPath(path);
  try {
    await writeFile(temporary, content, { flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * writeFileAtomic, synchronously: for a write that would otherwise queue behind the build's
 * compression, which keeps libuv's four threads busy while the search step runs.
 */
export function writeFileAtomicSync(path: string, content: string | Uint8Array): void {
  const temporary = stageFileSync(path, content);
  try {
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * The first half of writeFileAtomic, synchronously (for a worker thread that does nothing
 * else): writes the content to a temporary file beside path and returns its name. Renaming
 * it over path writes the file; removing it leaves things as they were.
 */
export function stageFileSync(path: string, content: string | Uint8Array, knownFolders?: Set<string>): string {
  const folder = dirname(path);
  const temporary = temporaryPath(path);
  // A folder made once need not be made again, unless it has gone since.
  for (let attempt = 0; ; attempt += 1) {
    if (!knownFolders?.has(folder)) {
      mkdirSync(folder, { recursive: true });
      knownFolders?.add(folder);
    }
    try {
      writeFileSync(temporary, content, { flag: 'wx' });
      return temporary;
    } catch (error) {
      rmSync(temporary, { force: true });
      const gone = (error as NodeJS.ErrnoException).code === 'ENOENT' && knownFolders?.delete(folder);
      if (!gone || attempt > 0) throw error;
    }
  }
}
