// Precompressed copies of the site's text files, `page.html.br` and `page.html.gz` beside
// `page.html`, for hosts that serve them as they are (nginx gzip_static/brotli_static, most
// static hosts, `npm run serve`). Deterministic bytes (no time in the gzip header, the OS byte
// pinned, brotli at a fixed quality), and made once per content: each is written into the
// site and hard-linked into the build cache under the SHA-256 of the file it compresses, so a
// publish compresses only the files it changed. The copies are recorded in their file's
// record, as their stamps and sums (site-records.ts), and those records (the last build's, the spare
// site's) are what tells a cached copy intact: nothing beside the copies is written per
// content. The engine carries the copies between its two trees and drops them with their page.

import { createHash } from 'node:crypto';
import { closeSync, fstatSync, linkSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync, type BrotliOptions, type ZlibOptions } from 'node:zlib';
import { prepareInParallelCommitInOrder } from '../fs/bounded.ts';
import { copySum, withCopies, type OutputRecord } from './site-records.ts';
import { inodeStamp, inodeStampOf } from '../fs/file-stamp.ts';
import { createReplacing, removeFile } from '../fs/remove-file.ts';

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
 * quality 6 takes 0.4 ms and 9 takes 4.3 ms for 2.5% less (11 is slower still); 6 keeps a
 * publish of a thousand pages under half a second of brotli.
 */
export const BROTLI_QUALITY = 6;
/**
 * gzip's level, zlib's default. The .gz is for the few clients without brotli. On the 308 MB
 * of text of a 10,000-article site, level 9 took 5.3 s of CPU for 72.02 MB and 6 takes 3.9 s
 * for 72.16 MB (0.2% more); on the offline manifest (below), 9 took 0.75 s where 6 takes 0.29 s.
 */
export const GZIP_LEVEL = 6;

/**
 * Files at least this large are compressed at brotli 3. Every publish rewrote the offline
 * archive's manifest when it was one file (22 MB at 100,000 articles, mostly content hashes,
 * which do not compress; now in parts: offline-archive.ts), and brotli 6 took 2.3 s of it for
 * 6.48 MB where 3 takes 0.28 s for 6.24 MB. Pages are far below it.
 */
export const LARGE_FILE_BYTES = 1024 * 1024;
export const LARGE_BROTLI_QUALITY = 3;

/**
 * The settings every cached copy is made with, and the compressors' own versions (another
 * zlib or brotli may write other bytes with the same settings). The cache keeps its copies in
 * a folder named by them, so a copy made under others (an earlier version of this file,
 * another Node) is never linked into a site a clean build would compress differently.
 */
const COMPRESSION_SETTINGS = `brotli ${BROTLI_QUALITY} gzip ${GZIP_LEVEL}; from ${LARGE_FILE_BYTES} bytes brotli ${LARGE_BROTLI_QUALITY}; `
  + `zlib ${process.versions.zlib ?? '?'} brotli ${process.versions.brotli ?? '?'}`;
/** The cache's folder of copies made with COMPRESSION_SETTINGS; anything else in the cache is removed. */
export const COPIES_FOLDER = `copies-${createHash('sha256').update(COMPRESSION_SETTINGS).digest('hex').slice(0, 16)}`;

/** Whether a site file gets precompressed copies (the copies themselves never do). */
export function isCompressible(path: string): boolean {
  const dot = path.lastIndexOf('.');
  return dot > path.lastIndexOf('/') && TEXT_EXTENSIONS.has(path.slice(dot).toLowerCase());
}

/** Whether a site file is a precompressed copy of another. */
export function isPrecompressedCopy(path: string): boolean {
  return ENCODINGS.some(({ suffix }) => path.endsWith(suffix)) && isCompressible(path.slice(0, -3));
}

const GZIP_OPTIONS: ZlibOptions = { level: GZIP_LEVEL };

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

/** gzip at GZIP_LEVEL. */
export function gzipBytes(bytes: Uint8Array): Buffer {
  return pinGzipHeader(gzipSync(bytes, GZIP_OPTIONS));
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
  '.gz': async (bytes) => pinGzipHeader(await gzipAsync(bytes, GZIP_OPTIONS)),
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
   * What `siteDir` holds already, each record checked against its file, its copies' stamps
   * included (a spare site's, spare-site.ts): a file whose record here is of the same content
   * keeps the copies recorded here, with no look at the cache or the disk. At 10,000 articles
   * that is 12,000 reads and 48,000 stats a publish does not make.
   */
  present?: ReadonlyMap<string, OutputRecord>;
  /**
   * Records of an earlier build that may vouch for the cache's copies, when they are not
   * `previous` (default): the last build's, handed to a call that must not clear the cache
   * of what it does not see (the pages' copies, made before the other files are known).
   */
  earlier?: ReadonlyMap<string, OutputRecord>;
}

export interface PrecompressResult {
  /** Copies compressed by this build (not found in the cache). */
  compressed: number;
  /** Copies linked or written into the site (not already there as the cache's file). */
  linked: number;
}

/** A copy in the cache: its file there, that file's inodeStamp, and its sum (copySum). */
interface CachedCopy {
  file: string;
  stamp: string;
  sum: string;
}

/** A copy of a content as the build has it: in the cache already, or just compressed. */
type CopyOf = { cached: CachedCopy } | { bytes: Buffer };

/**
 * Gives every compressible file of `outputs` its .br and .gz in `siteDir`, and records them in
 * its record (`copies`). A copy already in the site as the cache's file for its content is
 * left alone; any other is linked from the cache when the cache holds it intact, or else
 * compressed, written into the site and linked into the cache. What tells a cached copy intact
 * is a record of an earlier build: `options.present`, `options.earlier` (or `previous`) or
 * `outputs` itself recording the same content at the same path with a copy whose stamp is the
 * cached file's (a copy and its cached file are one file, hard-linked). The copies a record of
 * `outputs` comes with are never taken on their own word: they may be another tree's. Copies
 * whose file is gone are not touched here: the engine removes them with it. `previous`, the
 * last build's records: the cache's copies of contents it had and this build has not are
 * removed (the sites that hold them keep their links), so the cache holds about two copies
 * per text file of the site, never the whole history of every page.
 */
export async function precompressSite(
  siteDir: string, outputs: Map<string, OutputRecord>, cacheDir: string, previous?: ReadonlyMap<string, OutputRecord>,
  options: PrecompressOptions = {},
): Promise<PrecompressResult> {
  const result: PrecompressResult = { compressed: 0, linked: 0 };
  const cache = new CopiesCache(cacheDir);
  const sources: [string, OutputRecord][] = [];
  for (const [path, record] of outputs) {
    if (!isCompressible(path) || options.done?.has(path)) continue;
    // The folder holds copies of this content already: recorded as they are (a key the map
    // has keeps its place when set again).
    // (A record without the copies' sums, an earlier build's, has them read below, once.)
    const there = options.present?.get(path);
    if (there?.copies && there.copySums && there.sha256 === record.sha256) {
      if (record.copies !== there.copies) outputs.set(path, withCopies(record, there.copies, there.copySums));
      continue;
    }
    sources.push([path, record]);
  }
  sources.sort(([a], [b]) => (a < b ? -1 : 1));
  // Records that may vouch for a cached copy (outputs: copies a call before this one recorded).
  const earlier = [options.present, options.earlier ?? previous, outputs];
  // A content is compressed once, even when two files of it are in flight; once its copies
  // are in the cache (`placed`), a later file of it links them.
  const making = new Map<string, Promise<CopyOf[]>>();
  const placed = new Map<string, CachedCopy>();
  await prepareInParallelCommitInOrder(sources, FILES_IN_FLIGHT,
    async ([path, record]) => {
      if (ENCODINGS.every(({ suffix }) => placed.has(`${record.sha256}${suffix}`))) return { path, record };
      let copies = making.get(record.sha256);
      if (!copies) {
        copies = copiesOf(cache, path, record.sha256, join(siteDir, path), earlier);
        making.set(record.sha256, copies);
      }
      return { path, record, copies: await copies };
    },
    ({ path, record, copies }) => {
      making.delete(record.sha256);
      const sums: string[] = [];
      const stamps = ENCODINGS.map(({ suffix }, position) => {
        const target = join(siteDir, `${path}${suffix}`);
        let copy = placed.get(`${record.sha256}${suffix}`);
        const made = copy ? undefined : copies?.[position];
        if (made && 'bytes' in made) {
          // New bytes go straight into the site, and the cache gets a link to them.
          copy = { file: cache.fileOf(record.sha256, suffix), stamp: createReplacing(target, (file) => writeNewFile(file, made.bytes)), sum: copySum(made.bytes) };
          cache.keep(target, copy.file);
          result.compressed += 1;
          result.linked += 1;
        } else {
          copy ??= (made as { cached: CachedCopy }).cached;
          if (inodeStamp(target) !== copy.stamp) {
            const cached = copy.file;
            createReplacing(target, (file) => linkSync(cached, file));
            result.linked += 1;
          }
        }
        placed.set(`${record.sha256}${suffix}`, copy);
        sums.push(copy.sum);
        return copy.stamp;
      });
      outputs.set(path, withCopies(record, stamps, sums));
    });
  if (previous) {
    // A content the last build had at a path that has it still is in the site: only the
    // others may be gone, and only they are looked for among the site's files (at 100,000
    // articles, two sets of 475,000 records made for the few contents a correction changes).
    const gone = new Set<string>();
    for (const [path, record] of previous) if (outputs.get(path)?.sha256 !== record.sha256 && isCompressible(path)) gone.add(record.sha256);
    if (gone.size > 0) for (const [path, record] of outputs) if (gone.has(record.sha256) && isCompressible(path)) gone.delete(record.sha256);
    for (const sha256 of gone) for (const { suffix } of ENCODINGS) removeFile(cache.fileOf(sha256, suffix));
  }
  return result;
}

/**
 * The cache's copies of a content, `<COPIES_FOLDER>/<sha256 prefix>/<sha256>.br` and `.gz`.
 * Nothing beside them says what they are: the records of the sites they were linked into do.
 */
class CopiesCache {
  private readonly copiesDir: string;
  private readonly folders = new Set<string>();

  constructor(cacheDir: string) {
    this.copiesDir = join(cacheDir, COPIES_FOLDER);
    mkdirSync(this.copiesDir, { recursive: true });
    // Copies made with other settings (and an earlier layout of this folder) are never used again.
    for (const name of readdirSync(cacheDir)) {
      if (name !== COPIES_FOLDER) rmSync(join(cacheDir, name), { recursive: true, force: true });
    }
  }

  fileOf(sha256: string, suffix: EncodingSuffix): string {
    return join(this.copiesDir, sha256.slice(0, 2), `${sha256}${suffix}`);
  }

  /**
   * The cached copy an earlier build recorded for this content at this path, when the cache's
   * file is still the one it recorded (its stamp); a copy replaced or written into is not.
   */
  intact(path: string, sha256: string, position: number, earlier: readonly (ReadonlyMap<string, OutputRecord> | undefined)[]): CachedCopy | undefined {
    const file = this.fileOf(sha256, (ENCODINGS[position] as (typeof ENCODINGS)[number]).suffix);
    let stamp: string | undefined | null = null;
    for (const records of earlier) {
      const record = records?.get(path);
      const copy = record?.sha256 === sha256 ? record.copies?.[position] : undefined;
      if (copy === undefined) continue;
      if (stamp === null) stamp = inodeStamp(file);
      if (stamp !== undefined && copy === stamp) return { file, stamp, sum: record?.copySums?.[position] ?? copySum(readFileSync(file)) };
    }
    return undefined;
  }

  /** Links a copy just written into the site into the cache, in place of what the cache held. */
  keep(siteFile: string, file: string): void {
    const folder = dirname(file);
    if (!this.folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      this.folders.add(folder);
    }
    // One there is one no record vouches for (a build killed before it saved its state, a damaged copy).
    createReplacing(file, (name) => linkSync(siteFile, name));
  }
}

/** A content's copies, in ENCODINGS' order: those the cache holds intact, the others compressed from the site's file. */
async function copiesOf(
  cache: CopiesCache, path: string, sha256: string, source: string, earlier: readonly (ReadonlyMap<string, OutputRecord> | undefined)[],
): Promise<CopyOf[]> {
  let bytes: Buffer | undefined;
  return Promise.all(ENCODINGS.map(async ({ suffix }, position): Promise<CopyOf> => {
    const cached = cache.intact(path, sha256, position, earlier);
    if (cached) return { cached };
    bytes ??= readFileSync(source);
    return { bytes: await COMPRESSORS[suffix](bytes) };
  }));
}

/**
 * Writes a copy's bytes into a new file beside the file it compresses (its folder exists),
 * and returns its inodeStamp.
 */
function writeNewFile(file: string, bytes: Uint8Array): string {
  const descriptor = openSync(file, 'wx');
  try {
    writeFileSync(descriptor, bytes);
    return inodeStampOf(fstatSync(descriptor, { bigint: true }));
  } finally {
    closeSync(descriptor);
  }
}
