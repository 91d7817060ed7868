import { describe, expect, it } from 'vitest';
import { arabicWords, normaliseArabic, withoutClitics } from '../../scripts/lib/arabic/normalise.ts';

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

describe('withoutClitics', () => {
  it.each([
    ['و + ال', 'والايرانيه', ['الايرانيه', 'ايرانيه']],
    ['ف + ب + ال', 'فبالمدينه', ['بالمدينه', 'المدينه', 'مدينه']],
    ['ل + ال written لل', 'للعراق', ['عراق']],
    ['ب + ال', 'بالعراق', ['العراق', 'عراق']],
    ['ك', 'كموسكو', ['موسكو']],
    ['و + ل', 'ولدمشق', ['لدمشق', 'دمشق']],
  ])('strips %s', (_clitics, word, expectedForms) => {
    const forms = withoutClitics(word);
    expect(forms[0]).toBe(word);
    expect(forms).toEqual(expect.arrayContaining(expectedForms));
  });

  it.each(['لبنان', 'واشنطن', 'فرنسا', 'بغداد', 'كندا'])('keeps %s, a name that starts with a clitic letter, as its first form', (word) => {
    expect(withoutClitics(word)[0]).toBe(word);
  });

  it('never yields a stem shorter than two letters', () => {
    expect(withoutClitics('ول')).toEqual(['ول']);
    for (const form of withoutClitics('وبال')) expect(form.length).toBeGreaterThanOrEqual(2);
  });

  it('yields each form once', () => {
    const forms = withoutClitics('وللعراق');
    expect(new Set(forms).size).toBe(forms.length);
  });
});
