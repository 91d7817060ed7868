// Precompressed copies of the site's text files, `page.html.br` and `page.html.gz` beside
// `page.html`, for hosts that serve them as they are (nginx gzip_static/brotli_static, most
// static hosts, `npm run serve`). Deterministic bytes (no time in the gzip header, the OS byte
// pinned, brotli at a fixed quality), and made once per content: each is kept in the build
// cache under the SHA-256 of the file it compresses and hard-linked into the site, so a
// publish compresses only the files it changed. The copies are recorded like any other file
// of the site, so the engine carries them between its two trees and drops them with their page.

import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync, type BrotliOptions, type ZlibOptions } from 'node:zlib';
import { prepareInParallelCommitInOrder } from '../fs/bounded.ts';
import type { OutputRecord } from './site-records.ts';
import { writeFileAtomic } from '../fs/atomic-write.ts';
import { inodeStamp } from '../fs/file-stamp.ts';
import { hashBytes, type FileHash } from '../fs/file-hashes.ts';

/** The encodings written, by file suffix and Content-Encoding name. */
export const ENCODINGS = [
  { suffix: '.br', name: 'br' },
  { suffix: '.gz', name: 'gzip' },
] as const;
export type EncodingSuffix = (typeof ENCODINGS)[number]['suffix'];

/**
 * Text formats worth compressing. Pagefind's index files (.pf_*, .pagefind) are gzip already,
 * and pictures and fonts are compressed formats: none of them is listed.
 */
const TEXT_EXTENSIONS = new Set(['.html', '.css', '.js', '.mjs', '.json', '.xml', '.txt', '.svg', '.webmanifest']);

/**
 * Brotli's quality. A publish compresses every page it re-renders: on a 43 KB front page,
 * quality 6 takes 0.4 ms and 9 takes 4.3 ms for 2.5% less (11 is slower still), while gzip
 * at 9 takes 0.5 ms; 6 keeps a publish of a thousand pages under half a second of brotli.
 */
export const BROTLI_QUALITY = 6;
const GZIP_LEVEL = 9;

/**
 * Files at least this large are compressed at brotli 3 and gzip 6. Every publish rewrites the
 * offline archive's manifest (offline-archive.ts: 22 MB at 100,000 articles, mostly content
 * hashes, which do not compress), and brotli 6 took 2.3 s of it for 6.48 MB where 3 takes
 * 0.28 s for 6.24 MB, gzip 9 0.75 s where 6 takes 0.29 s for 1.6% more. Pages are far below it.
 */
export const LARGE_FILE_BYTES = 1024 * 1024;
const LARGE_BROTLI_QUALITY = 3;
const LARGE_GZIP_LEVEL = 6;

/**
 * The settings every cached copy is made with, saved in its facts: a copy made under others
 * (an earlier version of this file) is made again, never linked into a site a clean build
 * would compress differently.
 */
const COMPRESSION_SETTINGS = `brotli ${BROTLI_QUALITY} gzip ${GZIP_LEVEL}; from ${LARGE_FILE_BYTES} bytes brotli ${LARGE_BROTLI_QUALITY} gzip ${LARGE_GZIP_LEVEL}`;

/** Whether a site file gets precompressed copies (the copies themselves never do). */
export function isCompressible(path: string): boolean {
  const dot = path.lastIndexOf('.');
  return dot > path.lastIndexOf('/') && TEXT_EXTENSIONS.has(path.slice(dot).toLowerCase());
}

/** Whether a site file is a precompressed copy of another. */
export function isPrecompressedCopy(path: string): boolean {
  return ENCODINGS.some(({ suffix }) => path.endsWith(suffix)) && isCompressible(path.slice(0, -3));
}

const gzipOptions = (bytes: Uint8Array): ZlibOptions => ({ level: bytes.length >= LARGE_FILE_BYTES ? LARGE_GZIP_LEVEL : GZIP_LEVEL });

/**
 * gzip's header as Node writes it, made independent of where the build ran: Node writes
 * mtime 0; the OS byte is zlib's build-time guess (3, Unix, on Linux), pinned to 3. Neither
 * byte is covered by the gzip trailer's checksum.
 */
function pinGzipHeader(gzipped: Buffer): Buffer {
  gzipped.fill(0, 4, 8);
  gzipped[9] = 3;
  return gzipped;
}

/** gzip at level 9 (6 for a large file). */
export function gzipBytes(bytes: Uint8Array): Buffer {
  return pinGzipHeader(gzipSync(bytes, gzipOptions(bytes)));
}

const brotliOptions = (bytes: Uint8Array): BrotliOptions => ({
  params: {
    [constants.BROTLI_PARAM_QUALITY]: bytes.length >= LARGE_FILE_BYTES ? LARGE_BROTLI_QUALITY : BROTLI_QUALITY,
    [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
  },
});

export function brotliBytes(bytes: Uint8Array): Buffer {
  return brotliCompressSync(bytes, brotliOptions(bytes));
}

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/**
 * The same bytes as gzipBytes and brotliBytes, compressed on libuv's thread pool: a site's
 * thousands of files then use every core, and the build's main thread stays free.
 */
const COMPRESSORS: Record<EncodingSuffix, (bytes: Uint8Array) => Promise<Buffer>> = {
  '.br': (bytes) => brotliAsync(bytes, brotliOptions(bytes)),
  '.gz': async (bytes) => pinGzipHeader(await gzipAsync(bytes, gzipOptions(bytes))),
};

/** Files compressed at once: enough to keep the thread pool (four threads) busy. */
const FILES_IN_FLIGHT = 8;

export interface PrecompressOptions {
  /**
   * Files of `outputs` whose copies an earlier call made and recorded (the pages', compressed
   * while the search step ran): not looked at again.
   */
  done?: ReadonlySet<string>;
  /**
   * What `siteDir` holds already, each record checked against its file (a spare site's,
   * spare-site.ts): a file whose record here is of the same content keeps the copies recorded
   * beside it here, with no look at the cache or the disk. At 10,000 articles that is 12,000
   * reads and 48,000 stats a publish does not make.
   */
  present?: ReadonlyMap<string, OutputRecord>;
}

export interface PrecompressResult {
  /** Copies compressed by this build (not found in the cache). */
  compressed: number;
  /** Copies linked into the site (not already there as the cache's file). */
  linked: number;
}

/**
 * Gives every compressible file of `outputs` its .br and .gz in `siteDir`, and records them in
 * `outputs` (key ''). A copy already in the site as the cache's file for its content is left
 * alone; any other is linked from the cache, which compresses the content first when it has
 * no intact copy of it. Copies whose page is gone are not touched here: they are not in
 * `outputs`, so the engine removes them as it removes any file the new site no longer has.
 * `previous`, the last build's records: the cache's copies of contents it had and this
 * build has not are removed (the sites that hold them keep their links), so the cache holds
 * about two copies per text file of the site, never the whole history of every page.
 */
export async function precompressSite(
  siteDir: string, outputs: Map<string, OutputRecord>, cacheDir: string, previous?: ReadonlyMap<string, OutputRecord>,
  options: PrecompressOptions = {},
): Promise<PrecompressResult> {
  const result: PrecompressResult = { compressed: 0, linked: 0 };
  const cached = new Map<string, Promise<CachedCopies>>();
  mkdirSync(cacheDir, { recursive: true });
  const sources = [...outputs].filter(([path]) => isCompressible(path) && !options.done?.has(path) && !keepsCopies(path, outputs, options.present))
    .sort(([a], [b]) => (a < b ? -1 : 1));
  // Copies are made several files at a time, and linked and recorded in path order.
  await prepareInParallelCommitInOrder(sources, FILES_IN_FLIGHT,
    async ([path, record]) => {
      let copies = cached.get(record.sha256);
      if (!copies) {
        // Two files with the same content share its copies, made once even when both are in flight.
        copies = cachedCopies(cacheDir, record.sha256, join(siteDir, path), result);
        cached.set(record.sha256, copies);
      }
      return { path, copies: await copies };
    },
    ({ path, copies }) => {
      for (const { suffix } of ENCODINGS) {
        const copy = copies[suffix];
        const target = join(siteDir, `${path}${suffix}`);
        if (inodeStamp(target) !== copy.stamp) {
          linkInto(copy.file, target);
          result.linked += 1;
        }
        outputs.set(`${path}${suffix}`, { key: '', ...copy.hash, stamp: copy.stamp });
      }
    });
  if (previous) {
    const current = new Set([...outputs].filter(([path]) => isCompressible(path)).map(([, record]) => record.sha256));
    for (const [path, record] of previous) {
      if (!isCompressible(path) || current.has(record.sha256)) continue;
      const base = join(cacheDir, record.sha256.slice(0, 2), record.sha256);
      for (const { suffix } of ENCODINGS) rmSync(`${base}${suffix}`, { force: true });
      rmSync(`${base}.json`, { force: true });
    }
  }
  return result;
}

/**
 * Whether the folder holds copies of this file's content already (`present`), which are then
 * recorded as they are: its record there is of the same bytes, and so are its copies'.
 */
function keepsCopies(path: string, outputs: Map<string, OutputRecord>, present: ReadonlyMap<string, OutputRecord> | undefined): boolean {
  const there = present?.get(path);
  if (!present || there?.sha256 !== (outputs.get(path) as OutputRecord).sha256) return false;
  const copies = ENCODINGS.map(({ suffix }) => [`${path}${suffix}`, present.get(`${path}${suffix}`)] as const);
  if (copies.some(([, copy]) => copy === undefined)) return false;
  for (const [copyPath, copy] of copies) outputs.set(copyPath, copy as OutputRecord);
  return true;
}

interface CachedCopy {
  file: string;
  stamp: string;
  hash: FileHash;
}

type CachedCopies = Record<EncodingSuffix, CachedCopy>;
type SavedFacts = Partial<Record<EncodingSuffix, { stamp: string; hash: FileHash }>> & { settings?: string };

/**
 * The cache's copies of a content: `<sha256>.br` and `<sha256>.gz` under the cache folder,
 * with `<sha256>.json` holding each one's hash and stamp and the settings they were made
 * with. A copy whose stamp moved, or that the facts do not name (unreadable, half-written,
 * other settings), is made again from the site's file.
 */
async function cachedCopies(cacheDir: string, sha256: string, source: string, result: PrecompressResult): Promise<CachedCopies> {
  const base = join(cacheDir, sha256.slice(0, 2), sha256);
  let saved: SavedFacts = {};
  try {
    saved = JSON.parse(readFileSync(`${base}.json`, 'utf8')) as SavedFacts;
    if (saved.settings !== COMPRESSION_SETTINGS) saved = {};
  } catch {
    // No copies yet, or their facts unreadable: made below.
  }
  let bytes: Buffer | undefined;
  let made = false;
  const copies = {} as CachedCopies;
  await Promise.all(ENCODINGS.map(async ({ suffix }) => {
    const file = `${base}${suffix}`;
    const facts = saved[suffix];
    if (facts && typeof facts.stamp === 'string' && inodeStamp(file) === facts.stamp) {
      copies[suffix] = { file, stamp: facts.stamp, hash: facts.hash };
      return;
    }
    bytes ??= readFileSync(source);
    const compressed = await COMPRESSORS[suffix](bytes);
    await writeFileAtomic(file, compressed);
    copies[suffix] = { file, stamp: inodeStamp(file) as string, hash: hashBytes(compressed) };
    made = true;
    result.compressed += 1;
  }));
  if (made) {
    const facts: SavedFacts = { settings: COMPRESSION_SETTINGS, ...Object.fromEntries(ENCODINGS.map(({ suffix }) => [suffix, { stamp: copies[suffix].stamp, hash: copies[suffix].hash }])) };
    await writeFileAtomic(`${base}.json`, JSON.stringify(facts));
  }
  return copies;
}

/**
 * Links the cache's file at target, which sits beside the file it compresses (its folder
 * exists). Where there is no file yet the link is made at once; one there is replaced in one
 * rename (a site file is never written in place).
 */
function linkInto(file: string, target: string): void {
  try {
    linkSync(file, target);
    return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  // Named as atomic-write.ts names its temporary files, which a later build clears up.
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  linkSync(file, temporary);
  renameSync(temporary, target);
}
