import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { walkedRelative, walkFiles, walkFilesSync } from '../../scripts/lib/fs/walk-files.ts';
import { useTempDirs } from '../support/temp-dir.ts';

const makeTempDir = useTempDirs('walk-files-');

async function touch(folder: string, ...parts: string[]): Promise<void> {
  await mkdir(join(folder, ...parts.slice(0, -1)), { recursive: true });
  await writeFile(join(folder, ...parts), '');
}

describe('walkFiles', () => {
  it('yields every file depth first, in name order within each folder, skipping hidden entries', async () => {
    const folder = await makeTempDir();
    for (const path of ['b.txt', 'a.txt', 'a/z.txt', 'a/b/c.txt', 'c/d.txt', '.hidden.txt', '.git/config', 'a/.x.md.0123456789ab.tmp']) {
      await touch(folder, ...path.split('/'));
    }
    const found: string[] = [];
    for await (const path of walkFiles(folder)) found.push(relative(folder, path).split('\\').join('/'));
    expect(found).toEqual(['a/b/c.txt', 'a/z.txt', 'a.txt', 'b.txt', 'c/d.txt']);
  });

  it('yields nothing for an empty folder', async () => {
    const folder = await makeTempDir();
    const found: string[] = [];
    for await (const path of walkFiles(folder)) found.push(path);
    expect(found).toEqual([]);
  });
});

describe('walkFilesSync', () => {
  it('yields what walkFiles yields, in its order, and tells of each hidden file it skips in the folders it enters', async () => {
    const folder = await makeTempDir();
    for (const path of ['b.txt', 'a.txt', 'a/z.txt', 'a/b/c.txt', 'c/d.txt', '.hidden.txt', '.git/config', 'a/.x.md.0123456789ab.tmp', 'skipped/.y.tmp', 'skipped/e.txt']) {
      await touch(folder, ...path.split('/'));
    }
    const hidden: string[] = [];
    const posix = (path: string): string => relative(folder, path).split('\\').join('/');
    const found = [...walkFilesSync(folder, (name) => name !== 'skipped', (file) => hidden.push(posix(file)))].map(posix);
    expect(found).toEqual(['a/b/c.txt', 'a/z.txt', 'a.txt', 'b.txt', 'c/d.txt']);
    // Hidden folders are neither entered nor reported; a folder not entered reports nothing.
    expect(hidden.sort()).toEqual(['.hidden.txt', 'a/.x.md.0123456789ab.tmp']);
  });

  it('names each file as path.join names it, whatever the form of the folder given', async () => {
    const folder = await makeTempDir();
    for (const path of ['a.txt', 'sub/b.txt']) await touch(folder, ...path.split('/'));
    const joined = (root: string): string[] => ['a.txt', 'sub/b.txt'].map((path) => join(root, path));
    for (const root of [folder, `${folder}/`, `${folder}//`, `${folder}/sub/..`, relative(process.cwd(), folder)]) {
      expect([...walkFilesSync(root)], root).toEqual(joined(root));
      expect([...walkFilesSync(root)].map(walkedRelative(root)), root).toEqual(['a.txt', 'sub/b.txt']);
    }
    const cwd = process.cwd();
    try {
      process.chdir(folder);
      expect([...walkFilesSync('.')]).toEqual(['a.txt', join('sub', 'b.txt')]);
      expect([...walkFilesSync('.')].map(walkedRelative('.'))).toEqual(['a.txt', 'sub/b.txt']);
    } finally {
      process.chdir(cwd);
    }
  });

  it('gives a file it did not walk its path relative to the folder all the same', () => {
    expect(walkedRelative('/srv/site/content')('/srv/site/other/a.md')).toBe('../other/a.md');
  });

  it('yields nothing for a missing folder', () => {
    expect([...walkFilesSync('/no/such/folder/here')]).toEqual([]);
  });
});
