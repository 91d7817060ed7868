// What a reader meant when the keyboard was left on its Latin layout: the standard Arabic
// layout's letters under the keys typed («hguvhr» is «العراق» typed on a QWERTY layout).
// Pure; used by the search page's suggestions when a search finds nothing.

// The Arabic (101) layout over US QWERTY, unshifted keys and the shifted keys that give letters.
const ARABIC_BY_KEY: Readonly<Record<string, string>> = {
  q: 'ض', w: 'ص', e: 'ث', r: 'ق', t: 'ف', y: 'غ', u: 'ع', i: 'ه', o: 'خ', p: 'ح', '[': 'ج', ']': 'د',
  a: 'ش', s: 'س', d: 'ي', f: 'ب', g: 'ل', h: 'ا', j: 'ت', k: 'ن', l: 'م', ';': 'ك', "'": 'ط',
  z: 'ئ', x: 'ء', c: 'ؤ', v: 'ر', b: 'لا', n: 'ى', m: 'ة', ',': 'و', '.': 'ز', '/': 'ظ', '`': 'ذ',
  T: 'لإ', Y: 'إ', G: 'لأ', H: 'أ', B: 'لآ', N: 'آ',
};

/**
 * The Arabic text the keys of `typed` give on the Arabic layout; undefined when `typed` is
 * not all such keys (and spaces), or has no letter key: a Latin word («Google») typed on
 * purpose has capitals or letters the layout maps elsewhere, and is still a query of its own.
 */
export function arabicFromLatinKeys(typed: string): string | undefined {
  const text = typed.trim();
  // A capital that starts a word (Google, iPhone aside) is Latin typed on purpose.
  if (!/[a-z]/.test(text) || /(^|\s)[A-Z][a-z]/.test(text)) return undefined;
  let arabic = '';
  for (const key of text) {
    if (key === ' ') arabic += ' ';
    else if (ARABIC_BY_KEY[key] !== undefined) arabic += ARABIC_BY_KEY[key];
    else return undefined;
  }
  return arabic;
}
