import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stageFileSync, TEMPORARY_FILE, writeFileAtomic, writeFileAtomicSync } from '../../scripts/lib/fs/atomic-write.ts';
import { useTempDirs } from '../support/temp-dir.ts';

const makeTempDir = useTempDirs('atomic-write-');

describe('writeFileAtomic', () => {
  it('creates the file and its missing folders, leaving no temporary file', async () => {
    const folder = await makeTempDir();
    const target = join(folder, '2017', '07', 'f4b3dfa3adcd8716.md');
    await writeFileAtomic(target, 'سورية\n');
    expect(await readFile(target, 'utf8')).toBe('سورية\n');
    expect(await readdir(join(folder, '2017', '07'))).toEqual(['f4b3dfa3adcd8716.md']);
  });

  it('replaces the content of an existing file, leaving no temporary file', async () => {
    const folder = await makeTempDir();
    const target = join(folder, 'article.md');
    await writeFile(target, 'old content that is longer than the new one\n');
    await writeFileAtomic(target, new TextEncoder().encode('new\n'));
    expect(await readFile(target, 'utf8')).toBe('new\n');
    expect(await readdir(folder)).toEqual(['article.md']);
  });

  it('leaves one complete version when many writes race for one file', async () => {
    const folder = await makeTempDir();
    const target = join(folder, 'article.md');
    const versions = Array.from({ length: 20 }, (_, index) => `version ${index}\n`.repeat(1000));
    await Promise.all(versions.map((version) => writeFileAtomic(target, version)));
    expect(versions).toContain(await readFile(target, 'utf8'));
    expect(await readdir(folder)).toEqual(['article.md']);
  });

  it('removes its temporary file and rejects when the rename fails', async () => {
    const folder = await makeTempDir();
    const target = join(folder, 'article.md');
    await mkdir(join(target, 'in-the-way'), { recursive: true });
    await expect(writeFileAtomic(target, 'x')).rejects.toMatchObject({ code: expect.stringMatching(/^(EISDIR|ENOTEMPTY|EEXIST)$/) });
    expect(await readdir(folder)).toEqual(['article.md']);
  });

  it('rejects with ENOTDIR when a parent of the target is a regular file', async () => {
    const folder = await makeTempDir();
    await writeFile(join(folder, '2017'), 'not a folder');
    await expect(writeFileAtomic(join(folder, '2017', '07', 'a.md'), 'x')).rejects.toMatchObject({ code: 'ENOTDIR' });
  });
});

describe('writeFileAtomicSync', () => {
  it('creates or replaces the file, in folders it makes, leaving no temporary file', async () => {
    const folder = await makeTempDir();
    const target = join(folder, 'cache', 'pages.json');
    writeFileAtomicSync(target, 'الأولى\n');
    writeFileAtomicSync(target, new TextEncoder().encode('الثانية\n'));
    expect(await readFile(target, 'utf8')).toBe('الثانية\n');
    expect(await readdir(join(folder, 'cache'))).toEqual(['pages.json']);
  });

  it('removes its temporary file and throws when the rename fails', async () => {
    const folder = await makeTempDir();
    const target = join(folder, 'pages.json');
    await mkdir(join(target, 'in-the-way'), { recursive: true });
    expect(() => writeFileAtomicSync(target, 'x')).toThrow(expect.objectContaining({ code: expect.stringMatching(/^(EISDIR|ENOTEMPTY|EEXIST)$/) }));
    expect(await readdir(folder)).toEqual(['pages.json']);
  });
});

describe('stageFileSync', () => {
  it('writes the content to a temporary file beside the target, in folders it makes, and leaves the target alone', async () => {
    const folder = await makeTempDir();
    const target = join(folder, '2017', '07', 'f4b3dfa3adcd8716.md');
    const staged = stageFileSync(target, 'سورية\n');
    expect(staged.startsWith(join(folder, '2017', '07', '.f4b3dfa3adcd8716.md.'))).toBe(true);
    expect(TEMPORARY_FILE.test(staged.split('/').at(-1) ?? '')).toBe(true);
    expect(await readdir(join(folder, '2017', '07'))).toEqual([staged.split('/').at(-1)]);
    await rename(staged, target);
    expect(await readFile(target, 'utf8')).toBe('سورية\n');
  });

  it('makes a folder again when it has gone since it was last made', async () => {
    const folder = await makeTempDir();
    const known = new Set<string>();
    stageFileSync(join(folder, '2017', 'a.md'), 'x', known);
    await rm(join(folder, '2017'), { recursive: true });
    expect(await readFile(stageFileSync(join(folder, '2017', 'b.md'), 'y', known), 'utf8')).toBe('y');
  });

  it('throws ENOTDIR and leaves nothing when a parent of the target is a regular file', async () => {
    const folder = await makeTempDir();
    await writeFile(join(folder, '2017'), 'not a folder');
    expect(() => stageFileSync(join(folder, '2017', '07', 'a.md'), 'x', new Set())).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
    expect(await readdir(folder)).toEqual(['2017']);
  });
});

describe('TEMPORARY_FILE', () => {
  it.each([
    ['.f4b3dfa3adcd8716.md.0123456789ab.tmp', true],
    ['.a.0123456789ab.tmp', true],
    ['f4b3dfa3adcd8716.md', false],
    ['.f4b3dfa3adcd8716.md.tmp', false],
    ['.f4b3dfa3adcd8716.md.0123456789AB.tmp', false],
    ['notes.0123456789ab.tmp', false],
  ])('recognises %s as a leftover temporary file: %s', (name, expected) => {
    expect(TEMPORARY_FILE.test(name)).toBe(expected);
  });
});
