import { describe, expect, it } from 'vitest';
import { arabicEditDistance, editDistance, nearestArabicName } from '../../scripts/lib/arabic/edit-distance.ts';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['', 'abc', 3],
    ['kitten', 'sitting', 3],
    ['سوريا', 'سورية', 1],
    ['اقتصاد', 'اقتصاديات', 3],
  ])('%s → %s: %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

describe('arabicEditDistance', () => {
  it.each([
    ['سوريه', 'سورية', 0],
    ['عربى ودولى', 'عربي ودولي', 0],
    ['إقتصاد', 'اقتصاد', 0],
    ['ثقافـــة وفنّ', 'ثقافة وفن', 0],
    [' محليات ', 'محليات', 0],
    ['سوريا', 'سورية', 1],
  ])('folds spellings before counting: %s → %s: %i', (a, b, distance) => {
    expect(arabicEditDistance(a, b)).toBe(distance);
  });
});

describe('nearestArabicName', () => {
  const sections = ['سورية', 'عربي ودولي', 'اقتصاد', 'رياضة', 'ثقافة وفن', 'محليات', 'قضايا وآراء'];
  it.each([
    ['سوريا', 'سورية'],
    ['الرياضة', 'رياضة'],
    ['ثقافة و فن', 'ثقافة وفن'],
    ['قضايا و آراء', 'قضايا وآراء'],
  ])('%s → %s', (name, nearest) => {
    expect(nearestArabicName(name, sections)).toBe(nearest);
  });

  it('gives the first of equally near names, and nothing for no names', () => {
    expect(nearestArabicName('ب', ['أ', 'ت'])).toBe('أ');
    expect(nearestArabicName('سورية', [])).toBeUndefined();
  });
});
