// The offline copy's list and version: a function of the listed paths and their bytes, the
// same whether the bytes' hashes come from the build engine or from reading the files; each
// file with the content hash an update compares.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { archiveHash } from '../../assets/js/archive-plan.ts';
import { hashBytes, type FileHash } from '../../scripts/lib/fs/file-hashes.ts';
import { offlineFiles, type OfflineArchiveInput, type OfflineFiles } from '../../scripts/lib/search/offline-archive.ts';
import { manifestOf } from '../support/archive-manifest.ts';
import { useTempDirs, writeTree } from '../support/temp-dir.ts';

const makeTempDir = useTempDirs('offline-archive-');

const SITE: Record<string, string> = {
  'index.html': '<h1>الرئيسية</h1>',
  'search/index.html': '<h1>بحث</h1>',
  'assets/css/site.css': 'body{}',
  'assets/js/search.js': 'export{}',
  'pagefind/pagefind-entry.json': '{}',
  'pagefind/search-shards.json': '{"shards":[]}',
  'pagefind/2017-q2/pagefind-entry.json': '{"q":2}',
  'articles/a/index.html': '<article>أ</article>',
  'articles/b/index.html': '<article>ب</article>',
};

async function writeSite(files: Record<string, string>): Promise<string> {
  const dir = await makeTempDir();
  await writeTree(dir, files);
  return dir;
}

async function hashesOf(dir: string): Promise<Map<string, FileHash>> {
  const hashes = new Map<string, FileHash>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    hashes.set(path.slice(dir.length + 1), hashBytes(await readFile(path)));
  }
  return hashes;
}

const input = (siteDir: string, more: Partial<OfflineArchiveInput> = {}): OfflineArchiveInput => ({
  siteDir,
  // The newest segment at the index's root, an older one in its folder.
  segments: [{ folder: '', pages: ['/articles/b/'] }, { folder: '2017-q2/', pages: ['/articles/a/'] }],
  indexFiles: ['pagefind/2017-q2/pagefind-entry.json', 'pagefind/pagefind-entry.json', 'pagefind/search-shards.json'],
  ...more,
});

const versionOf = (archive: OfflineFiles): string => archive.index.version;

describe('offlineFiles', () => {
  it('lists the shell, then the search part (pages, assets, index) and the articles, with sizes and content hashes', async () => {
    const archive = await offlineFiles(input(await writeSite(SITE)));
    const { shell } = archive;
    const manifest = manifestOf(archive);
    const hashOf = (path: string): string => archiveHash(hashBytes(Buffer.from(SITE[path]!)).sha256);
    expect(shell).toEqual(['index.html', 'search/index.html', 'assets/css/site.css', 'assets/js/search.js']
      .map((file) => ({ path: file.replace('index.html', ''), bytes: Buffer.byteLength(SITE[file]!), hash: hashOf(file) })));
    expect(manifest.files.map((file) => file.path)).toEqual([
      'search/', 'assets/css/site.css', 'assets/js/search.js', 'pagefind/pagefind-entry.json', 'pagefind/search-shards.json',
      'pagefind/2017-q2/pagefind-entry.json',
      'articles/b/', 'articles/a/',
    ]);
    expect(manifest.files.find((file) => file.path === 'articles/b/')).toEqual({ path: 'articles/b/', bytes: Buffer.byteLength(SITE['articles/b/index.html']!), hash: hashOf('articles/b/index.html') });
    expect(manifest.searchFiles).toBe(6);
    expect(manifest.searchBytes).toBe(manifest.files.slice(0, 6).reduce((sum, file) => sum + file.bytes, 0));
    expect(manifest.bytes).toBe(manifest.files.reduce((sum, file) => sum + file.bytes, 0));
    expect(manifest.version).toMatch(/^[0-9a-f]{16}$/);
    expect(archive.index.files).toBe(manifest.files.length);
  });

  it('cuts the list into parts along the index\'s segments, each a file named by its content', async () => {
    const archive = await offlineFiles(input(await writeSite(SITE)));
    // Search: the shell and the newest segment's index, then the older one's; articles: each segment's pages.
    expect(archive.index.parts.map((part) => part.files)).toEqual([5, 1, 1, 1]);
    for (const part of archive.parts) {
      expect(part.path).toBe(`offline-archive/${archiveHash(hashBytes(part.bytes).sha256)}.json`);
      expect(part.hash).toEqual(hashBytes(part.bytes));
    }
    expect(archive.index.parts.map((part) => part.path)).toEqual(archive.parts.map((part) => part.path));
  });

  it('writes a changed page into its own segment\'s part alone: the other parts keep their names', async () => {
    const before = await offlineFiles(input(await writeSite(SITE)));
    const after = await offlineFiles(input(await writeSite({ ...SITE, 'articles/a/index.html': '<article>آ</article>' })));
    const names = (archive: OfflineFiles): string[] => archive.parts.map((part) => part.path);
    expect(names(after).filter((name) => !names(before).includes(name))).toHaveLength(1);
    expect(names(after).slice(0, 3)).toEqual(names(before).slice(0, 3));
    expect(names(after)[3]).not.toBe(names(before)[3]);
  });

  it('puts the offline page in the shell and the search part when the site has one', async () => {
    const archive = await offlineFiles(input(await writeSite({ ...SITE, 'offline/index.html': '<h1>غير محفوظة</h1>' })));
    const manifest = manifestOf(archive);
    expect(archive.shell.map((file) => file.path)).toContain('offline/');
    expect(manifest.files.slice(0, manifest.searchFiles).map((file) => file.path)).toContain('offline/');
  });

  it('gives the same version from the engine\'s hashes as from the files themselves', async () => {
    const siteDir = await writeSite(SITE);
    const fromDisk = await offlineFiles(input(siteDir));
    const fromHashes = await offlineFiles(input(siteDir, { knownHashes: await hashesOf(siteDir) }));
    expect(fromHashes).toEqual(fromDisk);
  });

  it('takes the hashes it is given rather than reading the files', async () => {
    const siteDir = await writeSite(SITE);
    const hashes = await hashesOf(siteDir);
    const claimed = new Map(hashes).set('articles/b/index.html', hashBytes(Buffer.from('<article>ج</article>')));
    expect(versionOf(await offlineFiles(input(siteDir, { knownHashes: claimed }))))
      .toBe(versionOf(await offlineFiles(input(await writeSite({ ...SITE, 'articles/b/index.html': '<article>ج</article>' })))));
  });

  it.each([
    ['a page\'s bytes', 'articles/a/index.html', '<article>آ</article>'],
    ['an index file\'s bytes', 'pagefind/2017-q2/pagefind-entry.json', '{"q":3}'],
    ['an asset\'s bytes', 'assets/css/site.css', 'body{color:red}'],
    ['the home page\'s bytes', 'index.html', '<h1>الصفحة الأولى</h1>'],
  ])('changes its version when %s change', async (_label, path, text) => {
    const before = await offlineFiles(input(await writeSite(SITE)));
    const after = await offlineFiles(input(await writeSite({ ...SITE, [path]: text })));
    expect(versionOf(after)).not.toBe(versionOf(before));
  });

  it('reads the assets from their own folder when they are served from elsewhere, whatever the site\'s hashes say', async () => {
    const siteDir = await writeSite(SITE);
    const assetsDir = await writeSite({ 'css/site.css': 'body{}', 'js/search.ts': 'export {}', 'js/print.js': 'print()' });
    const hashes = await hashesOf(siteDir);
    hashes.set('assets/css/site.css', hashBytes(Buffer.from('something else')));
    const withHashes = await offlineFiles(input(siteDir, { assetsDir, knownHashes: hashes }));
    expect(withHashes.shell.map((file) => file.path)).toEqual(['', 'search/', 'assets/css/site.css', 'assets/js/print.js']);
    expect(withHashes).toEqual(await offlineFiles(input(siteDir, { assetsDir })));
  });
});
