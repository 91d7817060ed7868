import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARABIC_CORE_FONTS } from '../../scripts/lib/site/asset-fingerprint.ts';
import { FONT_FILES } from '../../scripts/lib/site/static-assets-plugin.ts';
import { PROJECT_DIR } from '../support/fixture-site.ts';

const css = readFileSync(join(PROJECT_DIR, 'assets/css/site.css'), 'utf8');
const fontUrls = [...css.matchAll(/url\('\.\.\/fonts\/([^']+)'\)/g)].map((match) => match[1]);
const shipped = [...FONT_FILES, ...ARABIC_CORE_FONTS.map(({ file }) => file)].map((file) => file.split('/').pop());

describe('the fonts the site ships', () => {
  it('are exactly the files site.css declares, each once', () => {
    expect([...fontUrls].sort()).toEqual([...shipped].sort());
    expect(new Set(fontUrls).size).toBe(fontUrls.length);
  });

  it('exist in the installed font packages', () => {
    for (const file of FONT_FILES) expect(existsSync(join(PROJECT_DIR, 'node_modules', file)), file).toBe(true);
    for (const { file } of ARABIC_CORE_FONTS) expect(existsSync(join(PROJECT_DIR, file)), file).toBe(true);
  });

  it('cover Latin beside Arabic in every weight: Naskh 400 and 700, Kufi 700, and no other weight', () => {
    for (const face of ['noto-naskh-arabic-%s-400', 'noto-naskh-arabic-%s-700', 'noto-kufi-arabic-%s-700']) {
      for (const subset of ['arabic', 'arabic-core', 'latin', 'latin-ext']) expect(shipped).toContain(`${face.replace('%s', subset)}-normal.woff2`);
    }
    expect(shipped).toHaveLength(12);
  });
});
