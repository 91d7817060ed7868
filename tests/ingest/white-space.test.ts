// collapseWhiteSpace must be exactly the replacement it stands for, only faster.
import { describe, expect, it } from 'vitest';
import { collapseWhiteSpace } from '../../scripts/lib/ingest/white-space.ts';

const byReplacement = (text: string): string => text.replace(/\s+/gu, ' ');

describe('collapseWhiteSpace', () => {
  it.each([
    ['one space', 'أ ب', 'أ ب'],
    ['two spaces', 'أ  ب', 'أ ب'],
    ['a tab', 'أ\tب', 'أ ب'],
    ['a no-break space', 'أ\u00a0ب', 'أ ب'],
    ['a space and a line feed', 'أ \nب', 'أ ب'],
    ['leading and trailing spaces (kept, as one each)', '  أ  ', ' أ '],
    ['no white space', 'أب', 'أب'],
    ['an empty text', '', ''],
  ])('collapses %s', (_case, text, expected) => {
    expect(collapseWhiteSpace(text)).toBe(expected);
  });

  it('agrees with the replacement for every UTF-16 code unit, alone, doubled and beside a space', () => {
    for (let code = 0; code < 0x10000; code += 1) {
      const character = String.fromCharCode(code);
      for (const text of [`a${character}b`, `a${character}${character}b`, `a ${character}b`, `a${character} b`]) {
        if (collapseWhiteSpace(text) !== byReplacement(text)) expect.fail(`U+${code.toString(16)} in ${JSON.stringify(text)}`);
      }
    }
  });
});
