// What the offline panel says about a saved copy: the download each choice costs, and the
// sentence with the copy's date (the reader's clock, the reader's time zone, the site's digits).
import { describe, expect, it } from 'vitest';
import type { ArchiveSummary, SavedCopy } from '../../assets/js/cache-names.ts';
import { copyCosts, savedCopyText } from '../../assets/js/copy-status.ts';
import { formatSavedDate } from '../../assets/js/saved-date.ts';

const SUMMARY: ArchiveSummary = { version: 'v2', bytes: 900_000, searchBytes: 300_000, files: 40 };
const copy = (version: string, kind: SavedCopy['kind']): SavedCopy => ({ version, kind, savedAt: '2026-12-03T09:30:00.000Z' });

describe('copyCosts', () => {
  it.each([
    ['nothing saved', undefined, { full: 900_000, search: 300_000 }],
    ['the whole copy of this version', copy('v2', 'full'), { full: 0, search: 0 }],
    ['the index alone of this version', copy('v2', 'search'), { full: 600_000, search: 0 }],
    ['a copy of another version, not counted', copy('v1', 'full'), { full: 900_000, search: 300_000 }],
  ] as const)('with %s', (_label, saved, costs) => {
    expect(copyCosts(SUMMARY, saved, undefined)).toEqual(costs);
  });

  it('takes the worker\'s count when it made one', () => {
    expect(copyCosts(SUMMARY, copy('v1', 'full'), { full: 12_000, search: 4_000 })).toEqual({ full: 12_000, search: 4_000 });
  });
});

describe('savedCopyText', () => {
  it.each([
    ['full', 240_000, 'نسختك المحفوظة من الخميس 3 كانون الأول 2026؛ التحديث: 240 كيلوبايت'],
    ['full', 0, 'نسختك المحفوظة من الخميس 3 كانون الأول 2026، وهي أحدث نسخة.'],
    ['full', undefined, 'نسختك المحفوظة من الخميس 3 كانون الأول 2026.'],
    ['search', 1_500_000, 'فهرس البحث المحفوظ من الخميس 3 كانون الأول 2026؛ التحديث: 1.5 ميغابايت'],
    ['search', 0, 'فهرس البحث المحفوظ من الخميس 3 كانون الأول 2026، وهو أحدث نسخة.'],
  ] as const)('a %s copy, update %s', (kind, update, text) => {
    expect(savedCopyText(copy('v1', kind), update, 'latn', 'Asia/Damascus')).toBe(text);
  });

  it('writes the site\'s digits', () => {
    expect(savedCopyText(copy('v1', 'full'), 240_000, 'arab', 'Asia/Damascus')).toBe('نسختك المحفوظة من الخميس ٣ كانون الأول ٢٠٢٦؛ التحديث: ٢٤٠ كيلوبايت');
  });
});

describe('formatSavedDate', () => {
  it.each([
    ['UTC', 'الثلاثاء 31 كانون الأول 2024'],
    ['Asia/Damascus', 'الأربعاء 1 كانون الثاني 2025'],
    ['America/New_York', 'الثلاثاء 31 كانون الأول 2024'],
  ])('dates a save by the reader\'s clock in their time zone (%s)', (timeZone, text) => {
    expect(formatSavedDate('2024-12-31T22:30:00.000Z', 'latn', timeZone)).toBe(text);
  });
});
