// The records of a site's files: a text file's precompressed copies live in its record (their
// stamps), every file they stand for is checked, and a copy changed behind the build costs its
// file's record the copies, never the file itself.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesOutsidePages, intactOutputs, recordsHaveFile, sameCopies, siteFiles, withoutCopies, type OutputRecord } from '../../scripts/lib/site/site-records.ts';
import { useTempDirs } from '../support/temp-dir.ts';

const tempDir = useTempDirs('site-records-');

const page: OutputRecord = { key: 'k', sha256: 'a'.repeat(64), bytes: 10, stamp: 'page', copies: ['page-br', 'page-gz'] };
const index: OutputRecord = { key: '', sha256: 'b'.repeat(64), bytes: 5, stamp: 'index' };
const records = new Map<string, OutputRecord>([['index.html', page], ['pagefind/ar.pf_index', index]]);

describe('the records of a site', () => {
  it('stand for each file, then its copies (.br, .gz), with the stamps they were left with', () => {
    expect(siteFiles(records)).toEqual({
      paths: ['index.html', 'index.html.br', 'index.html.gz', 'pagefind/ar.pf_index'],
      stamps: ['page', 'page-br', 'page-gz', 'index'],
    });
    for (const file of ['index.html', 'index.html.br', 'index.html.gz', 'pagefind/ar.pf_index']) expect(recordsHaveFile(records, file)).toBe(true);
    expect(recordsHaveFile(records, 'pagefind/ar.pf_index.br')).toBe(false);
    expect(recordsHaveFile(new Map([['index.html', withoutCopies(page)]]), 'index.html.gz')).toBe(false);
  });

  it('are intact when every file is; a changed copy drops the copies, a changed file the record', () => {
    expect(intactOutputs(records, ['page', 'page-br', 'page-gz', 'index']).get('index.html')).toBe(page);
    const copyChanged = intactOutputs(records, ['page', 'page-br', 'other', 'index']);
    expect(copyChanged.get('index.html')).toEqual(withoutCopies(page));
    expect(copyChanged.get('pagefind/ar.pf_index')).toBe(index);
    const pageChanged = intactOutputs(records, ['other', 'page-br', 'page-gz', undefined]);
    expect([...pageChanged.keys()]).toEqual([]);
  });

  it('tell copies apart by their stamps', () => {
    expect(sameCopies(page, { ...page, copies: ['page-br', 'page-gz'] })).toBe(true);
    expect(sameCopies(page, { ...page, copies: ['page-br', 'other'] })).toBe(false);
    expect(sameCopies(page, withoutCopies(page))).toBe(false);
    expect(sameCopies(index, { ...index })).toBe(true);
  });

  it('leave out of the files outside the pages the copies, which are their file\'s', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'pagefind'), { recursive: true });
    for (const file of ['index.html', 'index.html.br', 'feed.xml', 'feed.xml.gz', 'pagefind/pagefind.js', 'pagefind/pagefind.js.br', 'archive.tar.gz']) await writeFile(join(dir, file), file);
    expect(filesOutsidePages(dir, new Set(['index.html']))).toEqual(['archive.tar.gz', 'feed.xml', 'pagefind/pagefind.js']);
  });
});
