// Writes the picture files a build plans (render-plan.ts, family 'image'): the sizes of the
// articles' pictures and the site's own picture. Each is made once, with sharp, into the
// image cache under its name (which carries the hash of its source and settings), and copied
// from there: a build makes only the files of a new or changed picture. sharp writes no
// metadata and its encoders are deterministic, so a file's bytes depend only on its source,
// its settings and the pinned sharp (libvips) version.

import { createRequire } from 'node:module';
import { copyFile, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import sharp from 'sharp';
import { writeFileAtomic } from '../fs/atomic-write.ts';
import type { ImageVariant } from './image-variants.ts';
import { siteImageBackground, type SiteImage } from './site-image.ts';

/** A planned picture file: one size of an article's picture, or the site's picture. */
export type ImageFileView = { kind: 'variant'; variant: ImageVariant } | { kind: 'site'; image: SiteImage };

const escapeMarkup = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

async function variantBytes(variant: ImageVariant, contentDir: string): Promise<Buffer> {
  const source = sharp(await readFile(join(contentDir, variant.source))).autoOrient()
    .resize({ width: variant.width, height: variant.height, fit: 'fill' });
  return variant.format === 'webp'
    ? source.webp({ quality: variant.quality, effort: 4 }).toBuffer()
    // A JPEG has no transparency: a PNG's is laid on white.
    : source.flatten({ background: '#ffffff' }).jpeg({ quality: variant.quality, mozjpeg: true }).toBuffer();
}

async function siteImageBytes(image: SiteImage, projectDir: string): Promise<Buffer> {
  const { design } = image;
  const fontFile = createRequire(join(projectDir, 'package.json')).resolve(design.fontFile);
  const name = await sharp({
    text: { text: `<span foreground="${design.textColour}">${escapeMarkup(image.name)}</span>`, font: design.font, fontfile: fontFile, rgba: true, dpi: 72 },
  }).png().toBuffer();
  return sharp(Buffer.from(siteImageBackground(design)))
    .composite([{ input: name, gravity: 'centre' }])
    .png({ compressionLevel: 9 })
    .toBuffer();
}

export interface ImageFileRequest {
  projectDir: string;
  /** The content folder the pictures' src are relative to. */
  contentDir: string;
  outputDir: string;
  /** Where made files are kept between builds, by name. */
  cacheDir: string;
}

// Made files are kept per sharp and libvips version: another version may make other bytes.
const MADE_FOLDER = `sharp-${sharp.versions.sharp}-vips-${sharp.versions.vips}`;
const isMadeFolder = (name: string): boolean => name.startsWith('sharp-');

/** Writes each planned picture file into outputDir (making it first when the cache has none). */
export async function writeImageFiles(pages: readonly { output: string; view: unknown }[], request: ImageFileRequest): Promise<void> {
  const made = join(request.cacheDir, MADE_FOLDER);
  for (const page of pages) {
    const view = page.view as ImageFileView;
    const cached = join(made, basename(page.output));
    if (!existsSync(cached)) {
      const bytes = view.kind === 'variant' ? await variantBytes(view.variant, request.contentDir) : await siteImageBytes(view.image, request.projectDir);
      await writeFileAtomic(cached, bytes);
    }
    const target = join(request.outputDir, page.output);
    await mkdir(dirname(target), { recursive: true });
    await copyFile(cached, target);
  }
}

/**
 * Removes from the image cache what no picture of the site needs: made files of pictures
 * replaced or gone (their names carry the hash of their source), and the files another
 * sharp or libvips version made. `planned`: every picture file of the site, not only the
 * ones this build wrote. Returns how many files went.
 */
export async function pruneImageCache(cacheDir: string, planned: readonly { output: string }[]): Promise<number> {
  const needed = new Set(planned.map((page) => basename(page.output)));
  let removed = 0;
  const folders = await readdir(cacheDir, { withFileTypes: true }).catch(() => []);
  for (const folder of folders) {
    if (!folder.isDirectory() || !isMadeFolder(folder.name)) continue;
    const path = join(cacheDir, folder.name);
    if (folder.name !== MADE_FOLDER) {
      removed += (await readdir(path)).length;
      await rm(path, { recursive: true, force: true });
      continue;
    }
    for (const name of await readdir(path)) {
      if (needed.has(name)) continue;
      await rm(join(path, name), { force: true });
      removed += 1;
    }
  }
  return removed;
}
