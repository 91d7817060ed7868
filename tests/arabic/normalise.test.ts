import { describe, expect, it } from 'vitest';
import {
  arabicWords, FOLD_NOT_SIMPLE, normaliseArabic, SIMPLE_FOLD,
} from '../../scripts/lib/arabic/normalise.ts';

describe('normaliseArabic', () => {
  it.each([
    ['drops harakat and shadda', 'سُورِيَّة', 'سوريه'],
    ['drops tanwin', 'مؤتمراً', 'موتمرا'],
    ['drops tatweel', 'ســوريـة', 'سوريه'],
    ['folds every alef form to bare alef', 'أإآٱ', 'اااا'],
    ['folds hamza on waw', 'مؤتمر', 'موتمر'],
    ['folds hamza on ya', 'رئيس', 'رييس'],
    ['folds ta marbuta to ha', 'الإيرانية', 'الايرانيه'],
    ['folds alef maqsura to ya', 'مستشفى', 'مستشفي'],
    ['converts Arabic-Indic digits', '٢٠١٧', '2017'],
    ['removes bidi marks and zero-width characters', '\u200fسورية\u200e\u200b', 'سوريه'],
    ['decomposes presentation forms (NFKC)', '\ufefb', 'لا'],
    ['lower-cases Latin letters', 'ISIS', 'isis'],
  ])('%s', (_rule, input, expected) => {
    expect(normaliseArabic(input)).toBe(expected);
  });

  it('makes two spellings of one word equal', () => {
    expect(normaliseArabic('أميركا')).toBe(normaliseArabic('اميركا'));
    expect(normaliseArabic('سورية')).toBe(normaliseArabic('سوريه'));
  });
});

describe('arabicWords', () => {
  it('splits on punctuation and spaces, keeping letters and digits of any script', () => {
    expect(arabicWords(normaliseArabic('والإيرانية، طهران.. «موسكو» 2017 ISIS'))).toEqual(['والايرانيه', 'طهران', 'موسكو', '2017', 'isis']);
  });

  it('finds no words in punctuation', () => {
    expect(arabicWords('..، «» - !')).toEqual([]);
  });
});

/** The rules as first written, one regular expression at a time: what the one-pass table must agree with. */
function normaliseByRules(text: string): string {
  return text.normalize('NFKC')
    .replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (digit) => String(digit.charCodeAt(0) - (digit.charCodeAt(0) >= 0x06f0 ? 0x06f0 : 0x0660)))
    .replace(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed]/g, '')
    .replace(/\u0640/g, '')
    .replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627')
    .replace(/\u0624/g, '\u0648')
    .replace(/\u0626/g, '\u064a')
    .replace(/\u0629/g, '\u0647')
    .replace(/\u0649/g, '\u064a')
    .toLowerCase();
}

describe('normaliseArabic: the one-pass table for simple characters', () => {
  const simple = Array.from({ length: 0x10000 }, (_, code) => code).filter((code) => SIMPLE_FOLD[code] !== FOLD_NOT_SIMPLE);

  it('covers ASCII, the Arabic block and the punctuation of news text', () => {
    for (const text of ['abc XYZ 123', 'سُورِيَّة، «طهران»؟', '\u00a0\u200f\ufeff', '٢٠١٧ ۱۲']) {
      for (const character of text) expect(SIMPLE_FOLD[character.charCodeAt(0)], character).not.toBe(FOLD_NOT_SIMPLE);
    }
  });

  it('agrees with the rules on every simple character and every pair of them', () => {
    const folded = new Map(simple.map((code) => [code, normaliseByRules(String.fromCharCode(code))]));
    for (const code of simple) expect(normaliseArabic(String.fromCharCode(code))).toBe(folded.get(code));
    for (const first of simple) {
      for (const second of simple) {
        const pair = String.fromCharCode(first, second);
        if (normaliseByRules(pair) !== `${folded.get(first)}${folded.get(second)}`) expect.fail(`${first.toString(16)} ${second.toString(16)}`);
      }
    }
  });

  it.each([
    ['the hamza above, which NFKC joins to the letter before', 'ه\u0654 ے\u0654 ہ\u0654 ا\u0654'],
    ['the maddah and the hamza below', 'ا\u0653 ا\u0655'],
    ['presentation forms', 'ﻻ ﷲ ﺍﻹﺭﻫﺎﺏ'],
    ['a ligature and a circled digit', 'ﬁ ①'],
    ['Latin letters with case rules of their own', 'İSTANBUL ΣΟΦΟΣ'],
    ['the Arabic letters NFKC decomposes', '\u0675\u0676\u0677\u0678'],
    ['an ellipsis', 'قال…'],
    ['a lone surrogate', 'a\ud800b'],
  ])('leaves text with %s to the rules, and agrees with them', (_case, text) => {
    expect(normaliseArabic(text)).toBe(normaliseByRules(text));
  });
});
