// Cuts the core of each Arabic font (arabic-font-core.ts) from the pinned @fontsource file,
// with HarfBuzz's subsetter: the glyphs of the core's characters and every glyph their
// shaping reaches (joining forms, lam-alef, marks), in WOFF2. Run by `npm run fonts`, not
// by a build: the cores are kept in the project, and a test checks they are what this makes.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import subsetFont from 'subset-font';
import { ARABIC_CORE_FONTS } from './asset-fingerprint.ts';
import { ARABIC_CORE_RANGES, rangeCharacters } from './arabic-font-core.ts';

/** Each core font's project path and bytes. */
export async function cutArabicCoreFonts(projectDir: string): Promise<Map<string, Buffer>> {
  const characters = rangeCharacters(ARABIC_CORE_RANGES);
  const cores = new Map<string, Buffer>();
  for (const { file, from } of ARABIC_CORE_FONTS) {
    cores.set(file, await subsetFont(await readFile(join(projectDir, 'node_modules', from)), characters, { targetFormat: 'woff2' }));
  }
  return cores;
}
