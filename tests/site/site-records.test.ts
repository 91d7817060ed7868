// The records of a site's files: a text file's precompressed copies live in its record (their
// stamps), every file they stand for is checked, and a copy changed behind the build costs its
// file's record the copies, never the file itself.
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesOutsidePages, intactOutputs, movedButIntact, recordsHaveFile, sameCopies, siteFiles, withoutCopies, type OutputRecord } from '../../scripts/lib/site/site-records.ts';
import { inodeStamp } from '../../scripts/lib/fs/file-stamp.ts';
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

  it('take a file whose stamp moved as intact with its stamp now, when its bytes are the recorded ones', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'pagefind'), { recursive: true });
    const bytes = 'صفحة كما سجلها البناء';
    await writeFile(join(dir, 'index.html'), bytes);
    await writeFile(join(dir, 'pagefind', 'ar.pf_index'), 'other bytes');
    const recorded: OutputRecord = { key: 'k', sha256: createHash('sha256').update(bytes).digest('hex'), bytes: Buffer.byteLength(bytes), stamp: 'old', copies: ['page-br', 'page-gz'] };
    // The index has the size recorded but other bytes; the page's copies are as they were.
    const sameSize: OutputRecord = { ...index, bytes: 'other bytes'.length };
    const moved = new Map([['index.html', recorded], ['pagefind/ar.pf_index', sameSize]]);
    const stamps = siteFiles(moved).paths.map((path) => (path.endsWith('.html') || path.endsWith('pf_index') ? inodeStamp(join(dir, path)) : path.endsWith('.br') ? 'page-br' : 'page-gz'));
    const found = await movedButIntact(dir, moved, stamps);
    expect([...found]).toEqual([['index.html', inodeStamp(join(dir, 'index.html'))]]);
    const intact = intactOutputs(moved, stamps, found);
    expect(intact.get('index.html')).toEqual({ ...recorded, stamp: inodeStamp(join(dir, 'index.html')) });
    expect(intact.has('pagefind/ar.pf_index')).toBe(false);
    // A copy that moved too is not vouched for by any hash: the record loses its copies.
    const copyMoved = stamps.map((stamp, position) => (position === 1 ? 'moved-br' : stamp));
    expect(intactOutputs(moved, copyMoved, found).get('index.html')).toEqual({ ...withoutCopies(recorded), stamp: inodeStamp(join(dir, 'index.html')) });
    // A stamp moved to another size is not read at all.
    expect(await movedButIntact(dir, new Map([['index.html', { ...recorded, bytes: 1 }]]), stamps.slice(0, 3))).toEqual(new Map());
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
