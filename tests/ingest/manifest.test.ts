import { describe, expect, it } from 'vitest';
import { parseManifest, splitCsvRecord } from '../../scripts/lib/ingest/manifest.ts';

describe('splitCsvRecord', () => {
  it.each([
    ['plain fields', 'a.txt,2017-07-06,https://x', ['a.txt', '2017-07-06', 'https://x']],
    ['a quoted field with a comma', '"a,b.txt",2017-07-06', ['a,b.txt', '2017-07-06']],
    ['doubled quotes inside a quoted field', '"say ""نعم""",x', ['say "نعم"', 'x']],
    ['empty fields', 'a.txt,,', ['a.txt', '', '']],
    ['spaces around fields', ' a.txt , 2017-07-06 ', ['a.txt', '2017-07-06']],
    ['a quote inside an unquoted field', 'a"b,c', ['a"b', 'c']],
    ['an empty quoted field', '"",x', ['', 'x']],
  ])('splits %s', (_case, line, fields) => {
    expect(splitCsvRecord(line)).toEqual(fields);
  });
});

describe('parseManifest', () => {
  it('reads each file\'s date and url', () => {
    const manifest = parseManifest('file,date,url\n000_a.txt,2017-07-05,\n002_b.txt,2017-07-06T09:30:00+03:00,https://example.org/b\n');
    expect(manifest.warnings).toEqual([]);
    expect([...manifest.entries]).toEqual([
      ['000_a.txt', { date: '2017-07-05' }],
      ['002_b.txt', { date: '2017-07-06T09:30:00+03:00', url: 'https://example.org/b' }],
    ]);
  });

  it('reads quoted fields holding commas and quotes', () => {
    const manifest = parseManifest('file,date,url\n"a, b.txt",2017-07-05,"https://example.org/?q=""x"",y"\n');
    expect(manifest.entries.get('a, b.txt')).toEqual({ date: '2017-07-05', url: 'https://example.org/?q="x",y' });
  });

  it('reads the columns in any order, in any case, with a byte-order mark and CRLF', () => {
    const manifest = parseManifest('\ufeffURL,Date,File\r\nhttps://x,2017-07-05,a.txt\r\n');
    expect(manifest.entries.get('a.txt')).toEqual({ date: '2017-07-05', url: 'https://x' });
    expect(manifest.warnings).toEqual([]);
  });

  it('works without a url column', () => {
    expect(parseManifest('file,date\na.txt,2017-07-05\n').entries.get('a.txt')).toEqual({ date: '2017-07-05' });
  });

  it('ignores a bad date with a warning naming the line, and keeps the rest of the row', () => {
    const manifest = parseManifest('file,date,url\n\na.txt,2017-07-05,\nb.txt,6 تموز 2017,https://x\nc.txt,2017-02-30,\n');
    expect(manifest.entries.get('a.txt')).toEqual({ date: '2017-07-05' });
    expect(manifest.entries.get('b.txt')).toEqual({ url: 'https://x' });
    expect(manifest.entries.get('c.txt')).toEqual({});
    expect(manifest.warnings).toEqual([
      'manifest.csv line 4: «6 تموز 2017» is not a date (YYYY-MM-DD or ISO 8601 with offset); ignored for b.txt',
      'manifest.csv line 5: «2017-02-30» is not a date (YYYY-MM-DD or ISO 8601 with offset); ignored for c.txt',
    ]);
  });

  it('warns about a row with no file name', () => {
    const manifest = parseManifest('file,date\n,2017-07-05\n');
    expect(manifest.entries.size).toBe(0);
    expect(manifest.warnings).toEqual(['manifest.csv line 2: no file name']);
  });

  it('warns, and reads nothing, when the header lacks the file or date column', () => {
    const manifest = parseManifest('name,day\na.txt,2017-07-05\n');
    expect(manifest.entries.size).toBe(0);
    expect(manifest.warnings).toEqual(['manifest.csv: the header must name the columns file and date (and optionally url)']);
  });

  it('reads an empty manifest as no entries', () => {
    expect(parseManifest('')).toEqual({ entries: new Map(), warnings: ['manifest.csv: the header must name the columns file and date (and optionally url)'] });
    expect(parseManifest('file,date,url\n')).toEqual({ entries: new Map(), warnings: [] });
  });
});
