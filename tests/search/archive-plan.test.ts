// What a saved copy holds and what an update downloads: only files whose content hash no
// stored file has, each hash once.
import { describe, expect, it } from 'vitest';
import { archiveHash, assembleManifest, copyFiles, filesToDownload, hashesByPath, hashesToKeep, totalBytes } from '../../assets/js/archive-plan.ts';
import type { ArchiveFile, ArchiveIndex, ArchiveManifest } from '../../assets/js/cache-names.ts';

const file = (path: string, hash: string, bytes = 10): ArchiveFile => ({ path, bytes, hash });

const MANIFEST: ArchiveManifest = {
  version: 'v2', bytes: 60, searchBytes: 30, searchFiles: 3,
  files: [file('search/', 's1'), file('pagefind/pagefind.js', 'p1'), file('pagefind/index/ar_1.pf_index', 'i2'), file('articles/a/', 'a1'), file('articles/b/', 'b2'), file('articles/c/', 'c1')],
};

describe('assembleManifest', () => {
  const { files, ...facts } = MANIFEST;
  const index: ArchiveIndex = { ...facts, files: 6, parts: [{ path: 'offline-archive/s.json', files: 3 }, { path: 'offline-archive/a.json', files: 1 }, { path: 'offline-archive/b.json', files: 2 }] };

  it('puts the parts\' files together in the list\'s order, under the list\'s facts', () => {
    expect(assembleManifest(index, [files.slice(0, 3), files.slice(3, 4), files.slice(4)])).toEqual(MANIFEST);
  });

  it('refuses a part that does not list as many files as the list says, or a missing part', () => {
    expect(() => assembleManifest(index, [files.slice(0, 3), files.slice(3, 5), files.slice(5)])).toThrow('offline-archive/a.json lists 2 files, not 1');
    expect(() => assembleManifest(index, [files.slice(0, 3), files.slice(3)])).toThrow('3 parts, 2 were given');
  });
});

describe('copyFiles', () => {
  it.each([
    ['full', ['search/', 'pagefind/pagefind.js', 'pagefind/index/ar_1.pf_index', 'articles/a/', 'articles/b/', 'articles/c/']],
    ['search', ['search/', 'pagefind/pagefind.js', 'pagefind/index/ar_1.pf_index']],
  ] as const)('gives a %s copy its files', (kind, paths) => {
    expect(copyFiles(MANIFEST, kind).map((entry) => entry.path)).toEqual(paths);
  });
});

describe('filesToDownload', () => {
  it('leaves out every file whose hash is stored, whatever its path', () => {
    const stored = new Set(['s1', 'p1', 'i1', 'a1', 'b1', 'c1']);
    expect(filesToDownload(MANIFEST.files, stored).map((entry) => entry.path)).toEqual(['pagefind/index/ar_1.pf_index', 'articles/b/']);
  });

  it('downloads two files with the same bytes once', () => {
    expect(filesToDownload([file('a/', 'x'), file('b/', 'x'), file('c/', 'y')], new Set())).toEqual([file('a/', 'x'), file('c/', 'y')]);
  });

  it('downloads nothing for a copy of the same build', () => {
    expect(filesToDownload(MANIFEST.files, hashesToKeep(MANIFEST.files))).toEqual([]);
  });
});

describe('the rest', () => {
  it('sums bytes, keeps the hashes of every list, and finds a file by path', () => {
    expect(totalBytes(MANIFEST.files)).toBe(MANIFEST.bytes);
    expect(hashesToKeep([file('a/', 'x')], [file('b/', 'y'), file('c/', 'x')])).toEqual(new Set(['x', 'y']));
    expect(hashesByPath(MANIFEST.files).get('articles/b/')).toBe('b2');
  });

  it('keeps the first 128 bits of a SHA-256', () => {
    expect(archiveHash('ab'.repeat(32))).toBe('ab'.repeat(16));
  });
});
