// What a build knows of the files it put into the site: each file's render key, hash, size
// and stamp (build-state.ts keeps them), and the checks and records made of a site folder.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { ARCHIVE_PARTS_DIR } from '../../../assets/js/cache-names.ts';
import { inodeStamp } from '../fs/file-stamp.ts';
import { walkFilesSync } from '../fs/walk-files.ts';

/** A file the build put into the site (build-state.ts keeps them between builds). */
export interface OutputRecord {
  /** The render key of a page ('' for files the search step or the asset copy wrote). */
  key: string;
  sha256: string;
  bytes: number;
  /** size:mtime:inode of the file in the site as the build left it. */
  stamp: string;
}

const posix = (path: string): string => path.split(sep).join('/');

/**
 * The records of the last build whose files are still in the site as it left them, given
 * the stamps of the files now, in the records' order (stamps-in-parallel.ts takes them).
 */
export function intactOutputs(outputs: ReadonlyMap<string, OutputRecord>, stamps: readonly (string | undefined)[]): Map<string, OutputRecord> {
  const intact = new Map<string, OutputRecord>();
  let position = 0;
  for (const [path, record] of outputs) if (stamps[position++] === record.stamp) intact.set(path, record);
  return intact;
}

/**
 * Hashes of the files a step wrote, for the state and the search step. A file whose stamp is
 * one the last build recorded (a link to the same inode, untouched) is not read again.
 */
export function recordFiles(
  siteDir: string, paths: Iterable<string>, keyOf: (path: string) => string, records: Map<string, OutputRecord>,
  known?: ReadonlyMap<string, OutputRecord>, hashed?: ReadonlyMap<string, { sha256: string; bytes: number }>,
): void {
  for (const path of paths) {
    const stamp = inodeStamp(join(siteDir, path)) ?? '';
    const record = known?.get(path);
    if (record && record.stamp === stamp && record.key === keyOf(path)) { records.set(path, record); continue; }
    const hash = hashed?.get(path);
    if (hash) { records.set(path, { key: keyOf(path), ...hash, stamp }); continue; }
    const bytes = readFileSync(join(siteDir, path));
    records.set(path, { key: keyOf(path), sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length, stamp });
  }
}

/** The files the search step and the asset copy own: everything outside the planned pages. */
export function filesOutsidePages(siteDir: string, pages: ReadonlySet<string>): string[] {
  // Pages are planned; what else there is sits at the root or in these folders.
  const files = readdirSync(siteDir, { withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name);
  for (const folder of ['pagefind', 'assets', ARCHIVE_PARTS_DIR]) {
    for (const file of walkFilesSync(join(siteDir, folder))) files.push(posix(relative(siteDir, file)));
  }
  return files.filter((path) => !pages.has(path)).sort();
}
