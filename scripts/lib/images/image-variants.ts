// The files made of an article's picture and how a page names them: WebP in a few widths for
// the page's srcset, and a JPEG for previews of a shared link (WhatsApp, Telegram and Facebook
// read JPEG everywhere). A file's name carries a hash of its source's bytes and of the
// settings, so a changed picture gets new names and a name always means the same bytes.
// Pure: no file system, no image library.

import { createHash } from 'node:crypto';

/** What a picture's source is, as the build read it (image-facts.ts). */
export interface SourceImage {
  /** The file, relative to the content folder (images/…). */
  src: string;
  /** SHA-256 of its bytes. */
  sha256: string;
  /** Its size as displayed, after its EXIF orientation. */
  width: number;
  height: number;
}

export type VariantFormat = 'webp' | 'jpeg';

/** One file made of a picture: what it is made from and how. */
export interface ImageVariant {
  /** Root-relative path of the output: /images/<hash>-800.webp. */
  path: string;
  source: string;
  sourceSha256: string;
  format: VariantFormat;
  width: number;
  height: number;
  quality: number;
}

/**
 * The settings of every file made of a picture. Changing any of them renames every file (the
 * hash in the name covers them), so no old bytes are served under a name they no longer mean.
 */
export const IMAGE_SETTINGS = {
  /** srcset widths, at most the source's own width. */
  widths: [480, 800, 1200],
  /** The width of the preview picture for shared links (Facebook asks for 1200×630 or more). */
  shareWidth: 1200,
  webpQuality: 72,
  jpegQuality: 80,
} as const;

/** `sizes` of the lead picture: the text column's width, the whole screen below it. */
export const LEAD_IMAGE_SIZES = '(min-width: 48rem) 46rem, 100vw';

const nameHash = (sha256: string, settings: object): string =>
  createHash('sha256').update(`${sha256}\0${JSON.stringify(settings)}`).digest('hex').slice(0, 16);

const heightAt = (source: SourceImage, width: number): number => Math.max(1, Math.round((source.height * width) / source.width));

/** The widths a picture is made in: the settings' widths below its own, and its own if smaller than the largest. */
export function variantWidths(sourceWidth: number, widths: readonly number[] = IMAGE_SETTINGS.widths): number[] {
  const below = widths.filter((width) => width < sourceWidth);
  const largest = Math.max(...widths);
  return sourceWidth >= largest ? [...below.filter((width) => width !== largest), largest] : [...below, sourceWidth];
}

function variant(source: SourceImage, format: VariantFormat, width: number): ImageVariant {
  const quality = format === 'webp' ? IMAGE_SETTINGS.webpQuality : IMAGE_SETTINGS.jpegQuality;
  const hash = nameHash(source.sha256, { format, quality });
  return {
    path: `/images/${hash}-${width}.${format === 'webp' ? 'webp' : 'jpg'}`,
    source: source.src, sourceSha256: source.sha256, format, width, height: heightAt(source, width), quality,
  };
}

/** How an article page shows its picture, and every file that takes. */
export interface ResponsiveImage {
  /** The middle width: what a browser without srcset shows. */
  src: string;
  /** The srcset's files, narrowest first (the template writes them under the path prefix). */
  candidates: { path: string; width: number }[];
  sizes: string;
  /** The largest file's size: the width and height attributes (the aspect ratio a page reserves). */
  width: number;
  height: number;
  /** The picture for previews of a shared link (og:image, JSON-LD). */
  share: { path: string; width: number; height: number; type: string };
  variants: ImageVariant[];
}

export function responsiveImage(source: SourceImage): ResponsiveImage {
  const webp = variantWidths(source.width).map((width) => variant(source, 'webp', width));
  const share = variant(source, 'jpeg', Math.min(source.width, IMAGE_SETTINGS.shareWidth));
  const largest = webp[webp.length - 1] as ImageVariant;
  const middle = webp[Math.floor((webp.length - 1) / 2)] as ImageVariant;
  return {
    src: middle.path,
    candidates: webp.map((file) => ({ path: file.path, width: file.width })),
    sizes: LEAD_IMAGE_SIZES,
    width: largest.width,
    height: largest.height,
    share: { path: share.path, width: share.width, height: share.height, type: 'image/jpeg' },
    variants: [...webp, share],
  };
}
