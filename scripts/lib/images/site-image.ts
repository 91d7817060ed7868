// The site's own picture for previews of a shared link when an article has none (and for
// every other page): the publication's name in Noto Kufi Arabic, white on the masthead's red,
// 1200×630 as Facebook, WhatsApp and Telegram ask. Described here; drawn by image-files.ts.

import { createHash } from 'node:crypto';

export interface SiteImage {
  /** Root-relative path: /images/site-<hash>.png (the hash covers the name and the design). */
  path: string;
  width: number;
  height: number;
  type: string;
  /** What is drawn: the name, in the design below. */
  name: string;
  design: typeof SITE_IMAGE_DESIGN;
}

/** The design: change any of it and the file is drawn again under a new name. */
export const SITE_IMAGE_DESIGN = {
  version: 1,
  width: 1200,
  height: 630,
  background: '#8c1c13',
  band: '#5e120c',
  bandHeight: 40,
  textColour: '#ffffff',
  /** Pango font description and the font file (from the pinned @fontsource package). */
  font: 'Noto Kufi Arabic Bold 200',
  fontFile: '@fontsource/noto-kufi-arabic/files/noto-kufi-arabic-arabic-700-normal.woff2',
} as const;

export function siteImage(name: string): SiteImage {
  const design = SITE_IMAGE_DESIGN;
  const hash = createHash('sha256').update(JSON.stringify({ name, design })).digest('hex').slice(0, 16);
  return { path: `/images/site-${hash}.png`, width: design.width, height: design.height, type: 'image/png', name, design };
}

/** The background as SVG: the red field and the darker band along its foot. */
export function siteImageBackground(design: SiteImage['design']): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${design.width}" height="${design.height}">`
    + `<rect width="${design.width}" height="${design.height}" fill="${design.background}"/>`
    + `<rect y="${design.height - design.bandHeight}" width="${design.width}" height="${design.bandHeight}" fill="${design.band}"/></svg>`;
}
