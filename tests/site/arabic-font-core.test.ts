// The Arabic core fonts: the files kept in the project are what `npm run fonts` cuts from the
// pinned packages, and site.css splits each Arabic subset between its core and the rest of
// it exactly (together the package's range, without overlap), the core face last.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARABIC_CORE_RANGES, cssUnicodeRange, parseUnicodeRange, rangeCharacters } from '../../scripts/lib/site/arabic-font-core.ts';
import { ARABIC_CORE_FONTS } from '../../scripts/lib/site/asset-fingerprint.ts';
import { cutArabicCoreFonts } from '../../scripts/lib/site/cut-arabic-core.ts';
import { PROJECT_DIR } from '../support/fixture-site.ts';

const css = readFileSync(join(PROJECT_DIR, 'assets/css/site.css'), 'utf8');
const faces = [...css.matchAll(/@font-face \{[^}]*\}/g)].map((match) => match[0]);
const rangeOf = (face: string): string => /unicode-range: ([^;]+);/.exec(face)?.[1] ?? '';
const characters = (range: string): Set<string> => new Set(rangeCharacters(parseUnicodeRange(range)));

describe('the Arabic core fonts', () => {
  it('are what npm run fonts cuts from the pinned @fontsource files', async () => {
    for (const [file, bytes] of await cutArabicCoreFonts(PROJECT_DIR)) {
      expect(readFileSync(join(PROJECT_DIR, file)).equals(bytes), `${file}: run npm run fonts`).toBe(true);
    }
  });

  it.each(ARABIC_CORE_FONTS)('$file and the whole subset share the package\'s Arabic range in site.css, without overlap, the core last', ({ file, from }) => {
    const coreName = file.split('/').pop() as string;
    const wholeName = from.split('/').pop() as string;
    const coreIndex = faces.findIndex((face) => face.includes(`/${coreName}'`));
    const wholeIndex = faces.findIndex((face) => face.includes(`/${wholeName}'`));
    expect(coreIndex).toBeGreaterThan(wholeIndex);
    expect(wholeIndex).toBeGreaterThanOrEqual(0);
    const core = characters(rangeOf(faces[coreIndex] as string));
    const rest = characters(rangeOf(faces[wholeIndex] as string));
    expect(rangeOf(faces[coreIndex] as string)).toBe(cssUnicodeRange(ARABIC_CORE_RANGES));
    expect([...core].filter((character) => rest.has(character))).toEqual([]);
    // The package's own declaration of the subset's range, in the Basic Multilingual Plane
    // (the site leaves out the supplementary planes' mathematical and historic letters).
    const [, family, weight] = /@fontsource\/([^/]+)\/files\/(.*)\.woff2$/.exec(from) as RegExpExecArray;
    const packageCss = readFileSync(join(PROJECT_DIR, 'node_modules/@fontsource', family as string, `${/-(\d+)-normal/.exec(from)?.[1]}.css`), 'utf8');
    const packageFace = packageCss.split('@font-face').find((face) => face.includes(`files/${weight}.woff2`)) ?? '';
    const packageRange = [...characters(/unicode-range:\s*([^;]+);/.exec(packageFace)?.[1] ?? '')].filter((character) => (character.codePointAt(0) ?? 0) < 0x10000);
    expect(packageRange.length).toBeGreaterThan(0);
    expect(new Set([...core, ...rest])).toEqual(new Set(packageRange));
  });

  it.each([
    ['U+0600-0671, U+067E', [[0x0600, 0x0671], [0x067e, 0x067e]]],
    ['U+2E41', [[0x2e41, 0x2e41]]],
  ] as const)('reads and writes the CSS range %s', (text, ranges) => {
    expect(parseUnicodeRange(text)).toEqual(ranges);
    expect(cssUnicodeRange(ranges)).toBe(text);
  });
});
