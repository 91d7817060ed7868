// The one model of Arabic proclitics: every reading of a word for the gazetteer, the prefixes
// it takes off, and the minimum stem both tags and search leave.
import { describe, expect, it } from 'vitest';
import { CLITIC_PREFIXES, MIN_STEM, withoutClitics } from '../../scripts/lib/arabic/proclitics.ts';

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

  it('never yields a stem shorter than MIN_STEM (three) letters', () => {
    expect(MIN_STEM).toBe(3);
    expect(withoutClitics('ول')).toEqual(['ول']);
    expect(withoutClitics('ولد')).toEqual(['ولد']);
    expect(withoutClitics('الله')).toEqual(['الله']);
    for (const form of withoutClitics('وبالعلم')) expect(form.length).toBeGreaterThanOrEqual(3);
    expect(withoutClitics('وبالعلم')).toContain('علم');
  });

  it('yields each form once', () => {
    const forms = withoutClitics('وللعراق');
    expect(new Set(forms).size).toBe(forms.length);
  });
});

describe('CLITIC_PREFIXES', () => {
  it('holds every prefix withoutClitics takes off a word', () => {
    const words = ['وللعراق', 'فبالمدينه', 'والايرانيه', 'كالعاده', 'ولبنان', 'للعراق', 'فال', 'ببب', 'ولل', 'وكل'];
    for (const word of words) {
      for (const form of withoutClitics(word)) expect(CLITIC_PREFIXES).toContain(word.slice(0, word.length - form.length));
    }
  });
});
