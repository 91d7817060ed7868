// Removing and replacing files of a tree a build owns: never writing into a file another tree shares.
import { linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createReplacing, removeFile } from '../../scripts/lib/fs/remove-file.ts';

const folders: string[] = [];
afterEach(() => { for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true }); });
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'remove-file-'));
  folders.push(dir);
  return dir;
}
const writeNew = (bytes: string) => (path: string): number => {
  writeFileSync(path, bytes, { flag: 'wx' });
  return statSync(path).ino;
};

describe('removeFile', () => {
  it('removes a file, a folder in its place, and is fine with nothing there', () => {
    const dir = folder();
    writeFileSync(join(dir, 'a'), 'x');
    mkdirSync(join(dir, 'b', 'c'), { recursive: true });
    removeFile(join(dir, 'a'));
    removeFile(join(dir, 'b'));
    removeFile(join(dir, 'missing'));
    expect(() => statSync(join(dir, 'a'))).toThrow();
    expect(() => statSync(join(dir, 'b'))).toThrow();
  });
});

describe('createReplacing', () => {
  it('creates the file where there is none', () => {
    const dir = folder();
    createReplacing(join(dir, 'page.html.br'), writeNew('new'));
    expect(readFileSync(join(dir, 'page.html.br'), 'utf8')).toBe('new');
  });

  it('replaces a file another tree shares by a new one, leaving the shared one as it was', () => {
    const dir = folder();
    writeFileSync(join(dir, 'live'), 'old');
    linkSync(join(dir, 'live'), join(dir, 'spare'));
    const inode = createReplacing(join(dir, 'spare'), writeNew('new'));
    expect(readFileSync(join(dir, 'spare'), 'utf8')).toBe('new');
    expect(readFileSync(join(dir, 'live'), 'utf8')).toBe('old');
    expect(inode).not.toBe(statSync(join(dir, 'live')).ino);
  });

  it('passes on any failure but a name already there', () => {
    const dir = folder();
    expect(() => createReplacing(join(dir, 'no-such-folder', 'file'), writeNew('x'))).toThrow(/ENOENT/);
  });
});
