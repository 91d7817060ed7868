// The Arabic that Arabic news is written in, as font ranges: letters, harakat, Arabic-Indic
// digits and punctuation (U+0600–0671), the letters Arabic borrows for foreign names (پ چ
// ژ ڤ ک گ ی), joiners and hyphens. Each Arabic font is shipped in two files: this core, a
// third of the whole subset's bytes, which every page loads first (preloaded), and the
// whole Arabic subset for the rest of the script (Persian, Urdu, African letters,
// presentation forms), which a browser fetches only for a page that uses one of them.

/** Inclusive code point ranges. */
export type CodePointRanges = readonly (readonly [number, number])[];

export const ARABIC_CORE_RANGES: CodePointRanges = [
  [0x0600, 0x0671], [0x067e, 0x067e], [0x0686, 0x0686], [0x0698, 0x0698], [0x06a4, 0x06a4],
  [0x06a9, 0x06a9], [0x06af, 0x06af], [0x06cc, 0x06cc], [0x200c, 0x200e], [0x2010, 0x2011],
  [0x204f, 0x204f], [0x2e41, 0x2e41],
];

/** The code points of `ranges`, as a string (what a font subsetter is given). */
export function rangeCharacters(ranges: CodePointRanges): string {
  return ranges.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_unused, index) => String.fromCodePoint(from + index))).join('');
}

/** A CSS unicode-range value: 'U+0600-0671, U+067E'. */
export function cssUnicodeRange(ranges: CodePointRanges): string {
  const hex = (codePoint: number): string => codePoint.toString(16).toUpperCase().padStart(4, '0');
  return ranges.map(([from, to]) => (from === to ? `U+${hex(from)}` : `U+${hex(from)}-${hex(to)}`)).join(', ');
}

/** The ranges of a CSS unicode-range value. */
export function parseUnicodeRange(value: string): CodePointRanges {
  return value.split(',').map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-').map((digits) => Number.parseInt(digits, 16)) as [number, number | undefined];
    return [from, to ?? from] as const;
  });
}
