// What the build knows of each picture the articles name: its hash and its displayed size,
// read with sharp from the file's header. A picture whose stat has not moved since it was
// last read is not read again (the facts are kept in the build cache, by stamp). A picture
// that is missing or unreadable is a problem with the article that names it.

import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write.ts';
import { changeStamp } from '../fs/file-stamp.ts';
import { walkFilesSync } from '../fs/walk-files.ts';
import { IMAGE_FOLDER } from '../content/article-schema.ts';
import type { SourceImage } from './image-variants.ts';

interface CachedFacts extends SourceImage {
  stamp: string;
}

/** A picture an article names that the build cannot use. */
export interface ImageProblem {
  src: string;
  code: 'missingImage' | 'notAnImage';
}

const READABLE = new Set(['jpeg', 'png', 'webp']);

async function readFacts(src: string, file: string, stamp: string): Promise<CachedFacts | 'notAnImage'> {
  const bytes = await readFile(file);
  // Loaded on first use: most builds find every picture's facts cached, and a build that has
  // nothing to do should not pay a tenth of a second for the library.
  const { default: sharp } = await import('sharp');
  try {
    const metadata = await sharp(bytes).metadata();
    if (!READABLE.has(metadata.format ?? '')) return 'notAnImage';
    // The size as shown: a portrait photo from a phone is stored landscape with an EXIF turn.
    const { width, height } = metadata.autoOrient;
    if (!width || !height) return 'notAnImage';
    return { src, sha256: createHash('sha256').update(bytes).digest('hex'), width, height, stamp };
  } catch {
    return 'notAnImage';
  }
}

/**
 * The facts of the pictures `sources` (paths relative to contentDir), and the problems of
 * those it cannot use. `cacheFile` keeps the facts between builds.
 */
export async function readImageFacts(contentDir: string, sources: Iterable<string>, cacheFile: string): Promise<{ facts: Map<string, SourceImage>; problems: ImageProblem[] }> {
  let cached: Record<string, CachedFacts> = {};
  try {
    if (existsSync(cacheFile)) cached = JSON.parse(readFileSync(cacheFile, 'utf8')) as Record<string, CachedFacts>;
  } catch {
    cached = {};
  }
  const kept: Record<string, CachedFacts> = {};
  const facts = new Map<string, SourceImage>();
  const problems: ImageProblem[] = [];
  let changed = false;
  for (const src of new Set(sources)) {
    const file = join(contentDir, src);
    let stamp: string;
    try {
      stamp = changeStamp(file);
    } catch {
      problems.push({ src, code: 'missingImage' });
      continue;
    }
    let entry: CachedFacts | 'notAnImage' | undefined = cached[src];
    if (entry?.stamp !== stamp) {
      entry = await readFacts(src, file, stamp);
      changed = true;
    }
    if (entry === 'notAnImage') { problems.push({ src, code: 'notAnImage' }); continue; }
    kept[src] = entry;
    const { stamp: _stamp, ...source } = entry;
    facts.set(src, source);
  }
  if (changed || Object.keys(kept).length !== Object.keys(cached).length) {
    await writeFileAtomic(cacheFile, JSON.stringify(kept));
  }
  return { facts, problems };
}

/**
 * The stamps of every file under the content folder's images/: in the build's assets
 * fingerprint, so a picture changed in place (same name) is never missed by a build that
 * otherwise finds nothing to do. Stat only.
 */
export function imagesStamp(contentDir: string): string {
  const hash = createHash('sha256');
  for (const file of walkFilesSync(join(contentDir, IMAGE_FOLDER))) hash.update(`${file.slice(contentDir.length)}\0${changeStamp(file)}\0`);
  return hash.digest('hex');
}
