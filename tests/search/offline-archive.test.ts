// The offline copy's list and version: a function of the listed paths and their bytes, the
// same whether the bytes' hashes come from the build engine or from reading the files; each
// file with the content hash an update compares.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { archiveHash } from '../../assets/js/archive-plan.ts';
import { hashBytes, type FileHash } from '../../scripts/lib/fs/file-hashes.ts';
import { offlineFiles, type OfflineArchiveInput } from '../../scripts/lib/search/offline-archive.ts';
import { useTempDirs } from '../support/temp-dir.ts';

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
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
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
  pages: ['/articles/a/', '/articles/b/'],
  indexFiles: ['pagefind/2017-q2/pagefind-entry.json', 'pagefind/pagefind-entry.json', 'pagefind/search-shards.json'],
  ...more,
});

describe('offlineFiles', () => {
  it('lists the shell, then the search part (pages, assets, index) and the articles, with sizes and content hashes', async () => {
    const { shell, manifest } = await offlineFiles(input(await writeSite(SITE)));
    const hashOf = (path: string): string => archiveHash(hashBytes(Buffer.from(SITE[path]!)).sha256);
    expect(shell).toEqual(['index.html', 'search/index.html', 'assets/css/site.css', 'assets/js/search.js']
      .map((file) => ({ path: file.replace('index.html', ''), bytes: Buffer.byteLength(SITE[file]!), hash: hashOf(file) })));
    expect(manifest.files.map((file) => file.path)).toEqual([
      'search/', 'assets/css/site.css', 'assets/js/search.js',
      'pagefind/2017-q2/pagefind-entry.json', 'pagefind/pagefind-entry.json', 'pagefind/search-shards.json',
      'articles/a/', 'articles/b/',
    ]);
    expect(manifest.files.find((file) => file.path === 'articles/b/')).toEqual({ path: 'articles/b/', bytes: Buffer.byteLength(SITE['articles/b/index.html']!), hash: hashOf('articles/b/index.html') });
    expect(manifest.searchFiles).toBe(6);
    expect(manifest.searchBytes).toBe(manifest.files.slice(0, 6).reduce((sum, file) => sum + file.bytes, 0));
    expect(manifest.bytes).toBe(manifest.files.reduce((sum, file) => sum + file.bytes, 0));
    expect(manifest.version).toMatch(/^[0-9a-f]{16}$/);
  });

  it('puts the offline page in the shell and the search part when the site has one', async () => {
    const { shell, manifest } = await offlineFiles(input(await writeSite({ ...SITE, 'offline/index.html': '<h1>غير محفوظة</h1>' })));
    expect(shell.map((file) => file.path)).toContain('offline/');
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
    expect((await offlineFiles(input(siteDir, { knownHashes: claimed }))).manifest.version)
      .toBe((await offlineFiles(input(await writeSite({ ...SITE, 'articles/b/index.html': '<article>ج</article>' })))).manifest.version);
  });

  it.each([
    ['a page\'s bytes', 'articles/a/index.html', '<article>آ</article>'],
    ['an index file\'s bytes', 'pagefind/2017-q2/pagefind-entry.json', '{"q":3}'],
    ['an asset\'s bytes', 'assets/css/site.css', 'body{color:red}'],
    ['the home page\'s bytes', 'index.html', '<h1>الصفحة الأولى</h1>'],
  ])('changes its version when %s change', async (_label, path, text) => {
    const before = await offlineFiles(input(await writeSite(SITE)));
    const after = await offlineFiles(input(await writeSite({ ...SITE, [path]: text })));
    expect(after.manifest.version).not.toBe(before.manifest.version);
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
