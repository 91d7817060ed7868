// The search step's cache of segment bundles, in a folder it owns inside the build cache: one
// entry per segment fingerprint (segment-fingerprint.ts), holding the pruned bundle and the
// list of its files with their hashes and stamps. An entry is used only when every listed file
// still has the listed bytes (a file whose stamp has not moved is taken as unchanged; any other
// is hashed again); anything else (a damaged entry, a half-written one a killed build left,
// garbage) is ignored, and removed once the build is done with the cache.
//
//   segments/<fingerprint>/files.json   { fingerprint, files: [{ path, sha256, bytes }] }
//   segments/<fingerprint>/bundle/…     the bundle, as search-index.ts places it
//   segments/.writing-<random>/         an entry being written, renamed into place when complete

import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write.ts';
import { inodeStamp } from '../fs/file-stamp.ts';
import { walkFiles } from '../fs/walk-files.ts';
import { hashFileSync, isFileHash, type FileHash } from '../fs/file-hashes.ts';

export interface BundleFile extends FileHash {
  /** Relative to the bundle folder, with forward slashes. */
  path: string;
  /** Its inodeStamp when stored: a file that still has it is not read again to check it. */
  stamp?: string;
}

export interface SegmentBundle {
  /** The bundle folder: files are linked or copied from here, never written to. */
  dir: string;
  /** Every file of the bundle, in path order (with the stamp it was listed with, if any: never needed). */
  files: BundleFile[];
}

interface EntryList {
  fingerprint: string;
  files: BundleFile[];
}

const LIST_FILE = 'files.json';

/**
 * The file of a segment's bundle that names the others: the search page reads it first.
 * pagefind-segment.ts checks Pagefind wrote it, by its name: that module's source is part of
 * every segment's fingerprint (segment-fingerprint.ts), and a change of it indexes them all again.
 */
export const SEGMENT_ENTRY = 'pagefind-entry.json';
const BUNDLE_FOLDER = 'bundle';
const FINGERPRINT = /^[0-9a-f]{64}$/;
// Names Pagefind writes (pagefind-entry.json, fragment/en_1a2b.pf_fragment …): never '..'.
const BUNDLE_PATH = /^(?!.*(?:^|\/)\.\.?(?:\/|$))[\w.-]+(?:\/[\w.-]+)*$/;

function isBundleFile(value: unknown): value is BundleFile {
  return isFileHash(value) && typeof (value as Partial<BundleFile>).path === 'string' && BUNDLE_PATH.test((value as BundleFile).path);
}

/** The bundle's files with their hashes, in path order. */
export async function listBundle(dir: string): Promise<BundleFile[]> {
  const files: BundleFile[] = [];
  for await (const file of walkFiles(dir)) {
    files.push({ path: relative(dir, file).split(sep).join('/'), ...hashFileSync(file), stamp: inodeStamp(file) });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export class SegmentCache {
  private readonly segmentsDir: string;

  /** `dir`: the folder the search step owns; it may be missing or hold anything. */
  constructor(dir: string) {
    this.segmentsDir = join(dir, 'segments');
  }

  /**
   * Makes the cache's folders, replacing whatever else holds their names (a file where a
   * folder should be): the folder may hold anything, and the build must not fail on it.
   */
  prepare(): void {
    for (const folder of [dirname(this.segmentsDir), this.segmentsDir]) {
      const info = statSync(folder, { throwIfNoEntry: false });
      if (info && !info.isDirectory()) rmSync(folder, { force: true });
    }
    mkdirSync(this.segmentsDir, { recursive: true });
  }

  private entryDir(fingerprint: string): string {
    if (!FINGERPRINT.test(fingerprint)) throw new Error(`search cache: not a fingerprint: «${fingerprint}»`);
    return join(this.segmentsDir, fingerprint);
  }

  /** Whether the cache has an entry for the fingerprint (take() still checks it). */
  has(fingerprint: string): boolean {
    return existsSync(join(this.entryDir(fingerprint), LIST_FILE));
  }

  /**
   * The cached bundle for the fingerprint, once every file of it that is `needed` is checked
   * (by default all: a file the site holds with its bytes already is not read from here, and
   * at 100,000 articles checking them all was 107,000 stats a build); undefined when there is
   * none intact.
   */
  async take(fingerprint: string, needed: (path: string, file: FileHash) => boolean = () => true): Promise<SegmentBundle | undefined> {
    const entry = this.entryDir(fingerprint);
    try {
      // Synchronously: the pages' compression keeps libuv's threads busy during the search
      // step, and an fs/promises read waited behind it (41 reads took 0.3 s at 10,000 articles).
      const list = JSON.parse(readFileSync(join(entry, LIST_FILE), 'utf8')) as Partial<EntryList> | null;
      if (list?.fingerprint !== fingerprint || !Array.isArray(list.files) || !list.files.every(isBundleFile)) return undefined;
      if (!list.files.some((file) => file.path === SEGMENT_ENTRY)) return undefined;
      const dir = join(entry, BUNDLE_FOLDER);
      let restamped = false;
      const files = list.files.map((file) => {
        if (!needed(file.path, file)) return file;
        const stamp = inodeStamp(join(dir, file.path));
        // Untouched since stored (same size, mtime and inode): the bytes are the listed ones.
        if (file.stamp !== undefined && stamp === file.stamp) return file;
        const actual = hashFileSync(join(dir, file.path));
        if (actual.sha256 !== file.sha256 || actual.bytes !== file.bytes) throw new Error('damaged');
        restamped = true;
        return { ...file, stamp };
      });
      // Checked by their bytes (a copied cache, or one from before stamps): remembered, so the next build need not read them.
      if (restamped) await writeFileAtomic(join(entry, LIST_FILE), `${JSON.stringify({ fingerprint, files } satisfies EntryList)}\n`);
      // As listed, stamps and all: at 100,000 articles a copy without them was 112,000 objects a build.
      return { dir, files };
    } catch {
      // Missing, unreadable or not JSON: the same as no entry.
      return undefined;
    }
  }

  /**
   * Stores the bundle `write` makes (in a folder it is given, which does not exist yet) as
   * the fingerprint's entry. Written aside and renamed into place, so an entry that exists is complete.
   */
  async store(fingerprint: string, write: (bundleDir: string) => Promise<void>): Promise<SegmentBundle> {
    const entry = this.entryDir(fingerprint);
    const writing = join(this.segmentsDir, `.writing-${randomBytes(6).toString('hex')}`);
    // Synchronously, so that `write` is called before this returns: the search step's thread
    // goes on with other work while Pagefind writes, and an awaited mkdir would hold the
    // segment back until that work is done.
    mkdirSync(writing, { recursive: true });
    try {
      await write(join(writing, BUNDLE_FOLDER));
      const files = await listBundle(join(writing, BUNDLE_FOLDER));
      await writeFile(join(writing, LIST_FILE), `${JSON.stringify({ fingerprint, files } satisfies EntryList)}\n`, { flag: 'wx' });
      // Whatever was there failed take(): damaged, or not complete.
      await rm(entry, { recursive: true, force: true });
      await rename(writing, entry);
      return { dir: join(entry, BUNDLE_FOLDER), files: files.map(({ stamp: _stamp, ...file }) => file) };
    } catch (error) {
      await rm(writing, { recursive: true, force: true });
      throw error;
    }
  }

  /** Removes every entry but these, and whatever else is in the folder: the cache holds what the last build used. */
  async keepOnly(fingerprints: ReadonlySet<string>): Promise<void> {
    const names = await readdir(this.segmentsDir).catch(() => [] as string[]);
    await Promise.all(names.filter((name) => !fingerprints.has(name)).map((name) => rm(join(this.segmentsDir, name), { recursive: true, force: true })));
  }
}
