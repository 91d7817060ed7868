// The records of a site's files: a text file's precompressed copies live in its record (their
// stamps), every file they stand for is checked, and a copy changed behind the build costs its
// file's record the copies, never the file itself.
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copySum, filesOutsidePages, intactOutputs, movedButIntact, recordsHaveFile, sameCopies, siteFiles, withoutCopies, type OutputRecord } from '../../scripts/lib/site/site-records.ts';
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

  it('take a file or copy whose stamp moved as intact with its stamp now, when its bytes are the recorded ones', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'pagefind'), { recursive: true });
    const bytes = 'صفحة كما سجلها البناء';
    const files: Record<string, string> = { 'index.html': bytes, 'index.html.br': 'br bytes', 'index.html.gz': 'gz bytes', 'pagefind/ar.pf_index': 'other bytes' };
    for (const [file, text] of Object.entries(files)) await writeFile(join(dir, file), text);
    const stampOf = (file: string): string => inodeStamp(join(dir, file)) as string;
    // Recorded with the sizes they have and other inodes, as in a copied project.
    const oldStamp = (file: string): string => stampOf(file).replace(/:\d+$/u, ':1');
    const recorded: OutputRecord = {
      key: 'k', sha256: createHash('sha256').update(bytes).digest('hex'), bytes: Buffer.byteLength(bytes), stamp: oldStamp('index.html'),
      copies: [oldStamp('index.html.br'), oldStamp('index.html.gz')], copySums: [copySum(Buffer.from('br bytes')), copySum(Buffer.from('gz bytes'))],
    };
    // The index has the size recorded but other bytes.
    const sameSize: OutputRecord = { ...index, bytes: 'other bytes'.length, stamp: oldStamp('pagefind/ar.pf_index') };
    const moved = new Map([['index.html', recorded], ['pagefind/ar.pf_index', sameSize]]);
    const stamps = siteFiles(moved).paths.map(stampOf);
    const found = await movedButIntact(dir, moved, stamps);
    expect([...found.keys()]).toEqual(['index.html', 'index.html.br', 'index.html.gz']);
    const intact = intactOutputs(moved, stamps, found);
    expect(intact.get('index.html')).toEqual({ ...recorded, stamp: stampOf('index.html'), copies: [stampOf('index.html.br'), stampOf('index.html.gz')] });
    expect(intact.has('pagefind/ar.pf_index')).toBe(false);
    // A copy whose bytes are not its sum, or whose record has no sums (an earlier build's), loses the record its copies.
    const wrongSum = new Map([['index.html', { ...recorded, copySums: [copySum(Buffer.from('br bytes')), copySum(Buffer.from('other'))] }]]);
    const withoutSums = new Map([['index.html', { ...withoutCopies(recorded), copies: recorded.copies }]]);
    for (const records of [wrongSum, withoutSums]) {
      const pageStamps = stamps.slice(0, 3);
      expect(intactOutputs(records, pageStamps, await movedButIntact(dir, records, pageStamps)).get('index.html')).toEqual({ ...withoutCopies(recorded), stamp: stampOf('index.html') });
    }
    // A stamp moved to another size is not read at all.
    expect(await movedButIntact(dir, new Map([['index.html', { ...withoutCopies(recorded), bytes: 1, stamp: '1:1:1' }]]), stamps.slice(0, 1))).toEqual(new Map());
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
