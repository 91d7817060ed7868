import { describe, expect, it } from 'vitest';
import { resolveArticleDate, type DateCandidates } from '../../scripts/lib/ingest/article-date-source.ts';

const DAMASCUS = 'Asia/Damascus';
const MTIME_WARNING = 'no date in the manifest, the text or --date: the date is the file\'s modification time';
const fileModified = new Date('2017-07-09T21:30:00Z');

describe('resolveArticleDate', () => {
  it.each<[string, Omit<DateCandidates, 'fileModified'>, string, string]>([
    ['the manifest over everything', { manifest: '2017-07-05', line: '2017-07-06', option: '2017-07-07' }, '2017-07-05', 'manifest'],
    ['the date line over --date', { line: '2017-07-06', option: '2017-07-07' }, '2017-07-06', 'line'],
    ['--date when there is nothing else', { option: '2017-07-07' }, '2017-07-07', 'option'],
    ['the manifest over the date line', { manifest: '2017-07-05', line: '2017-07-06' }, '2017-07-05', 'manifest'],
    ['the manifest over --date', { manifest: '2017-07-05', option: '2017-07-07' }, '2017-07-05', 'manifest'],
  ])('takes %s', (_case, candidates, date, dateSource) => {
    expect(resolveArticleDate({ ...candidates, fileModified }, DAMASCUS)).toEqual({ date, dateSource });
  });

  it('falls back to the modification time, written in the site\'s zone, with a warning', () => {
    expect(resolveArticleDate({ fileModified }, DAMASCUS)).toEqual({
      date: '2017-07-10T00:30:00+03:00', dateSource: 'mtime', warning: MTIME_WARNING,
    });
  });

  it('treats empty candidates as absent', () => {
    expect(resolveArticleDate({ manifest: '', line: '', option: '', fileModified }, DAMASCUS)).toMatchObject({ dateSource: 'mtime' });
  });

  it.each([
    ['UTC', '2017-07-06T06:30:00Z', '2017-07-06T09:30:00+03:00'],
    ['another offset', '2017-07-06T11:30:00+05:00', '2017-07-06T09:30:00+03:00'],
    ['the site offset already', '2017-07-06T09:30:00+03:00', '2017-07-06T09:30:00+03:00'],
    ['a UTC evening that is the next day in Damascus', '2017-07-31T22:00:00Z', '2017-08-01T01:00:00+03:00'],
    ['winter time, when Damascus was at +02:00', '2017-01-10T10:00:00Z', '2017-01-10T12:00:00+02:00'],
  ])('rewrites a manifest instant in %s to Asia/Damascus', (_case, manifest, date) => {
    expect(resolveArticleDate({ manifest, fileModified }, DAMASCUS)).toEqual({ date, dateSource: 'manifest' });
  });

  it('keeps a manifest calendar day as a day', () => {
    expect(resolveArticleDate({ manifest: '2017-07-05', fileModified }, DAMASCUS).date).toBe('2017-07-05');
  });
});
