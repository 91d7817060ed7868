// The precompressed copies: deterministic bytes, made once per content, only for text files.
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { copySum, withoutCopies, type OutputRecord } from '../../scripts/lib/site/site-records.ts';
import { inodeStamp } from '../../scripts/lib/fs/file-stamp.ts';
import { hashBytes } from '../../scripts/lib/fs/file-hashes.ts';
import { BROTLI_QUALITY, brotliBytes, COPIES_FOLDER, GZIP_LEVEL, gzipBytes, isCompressible, isPrecompressedCopy, LARGE_BROTLI_QUALITY, LARGE_FILE_BYTES, precompressSite } from '../../scripts/lib/site/precompress.ts';

const folders: string[] = [];
afterEach(async () => { for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true }); });

async function site(files: Record<string, string>): Promise<{ dir: string; cache: string; outputs: Map<string, OutputRecord> }> {
  const dir = await mkdtemp(join(tmpdir(), 'precompress-'));
  folders.push(dir);
  const outputs = new Map<string, OutputRecord>();
  for (const [path, text] of Object.entries(files)) await writeTo(join(dir, 'site'), path, text, outputs);
  return { dir: join(dir, 'site'), cache: join(dir, 'cache'), outputs };
}

async function writeTo(siteDir: string, path: string, text: string, outputs: Map<string, OutputRecord>): Promise<void> {
  await mkdir(join(siteDir, path, '..'), { recursive: true });
  await writeFile(join(siteDir, path), text);
  outputs.set(path, { key: '', ...hashBytes(Buffer.from(text)), stamp: inodeStamp(join(siteDir, path)) as string });
}

const page = (words: number): string => `<!doctype html><html lang="ar" dir="rtl"><body>${'<p>خبر عاجل من دمشق</p>'.repeat(words)}</body></html>`;

describe('precompressed copies', () => {
  it.each([
    ['index.html', true], ['feed.xml', true], ['assets/css/site.css', true], ['assets/js/search.js', true],
    ['feed.json', true], ['robots.txt', true], ['assets/logo.svg', true], ['pagefind/pagefind-entry.json', true],
    ['pagefind/fragment/ar_1a2b.pf_fragment', false], ['pagefind/wasm.ar.pagefind', false],
    ['assets/fonts/noto-naskh-arabic-arabic-400-normal.woff2', false], ['images/share.jpg', false],
    ['index.html.br', false], ['index.html.gz', false], ['articles/abc/', false],
  ])('%s is compressible: %s', (path, expected) => {
    expect(isCompressible(path)).toBe(expected);
  });

  it('tells a copy from a file that only ends like one', () => {
    expect(isPrecompressedCopy('index.html.br')).toBe(true);
    expect(isPrecompressedCopy('assets/css/site.css.gz')).toBe(true);
    expect(isPrecompressedCopy('archive.tar.gz')).toBe(false);
  });

  it('writes gzip without a time and with the Unix OS byte, the same bytes every time', () => {
    const bytes = Buffer.from(page(200));
    const gzip = gzipBytes(bytes);
    // Magic, deflate, no flags, mtime 0, XFL 0 (neither the fastest nor the best level), OS 3.
    expect([...gzip.subarray(0, 10)]).toEqual([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
    expect(gunzipSync(gzip).equals(bytes)).toBe(true);
    expect(gzipBytes(bytes).equals(gzip)).toBe(true);
    // Past the header, the bytes of gzipSync at GZIP_LEVEL; not level 9's, on a page varied
    // enough for the two to differ (a page of one sentence repeated is the same at both).
    const varied = Buffer.from(Array.from({ length: 2000 }, (_, line) => `<p>خبر عاجل رقم ${line} من دمشق ${hashBytes(Buffer.from(String(line))).sha256.slice(0, line % 40)}</p>`).join(''));
    expect(gzipBytes(varied).subarray(10).equals(gzipSync(varied, { level: GZIP_LEVEL }).subarray(10))).toBe(true);
    expect(gzipBytes(varied).subarray(10).equals(gzipSync(varied, { level: 9 }).subarray(10))).toBe(false);
  });

  it('writes the same brotli bytes every time, smaller than the page', () => {
    const bytes = Buffer.from(page(200));
    const brotli = brotliBytes(bytes);
    expect(brotliDecompressSync(brotli).equals(bytes)).toBe(true);
    expect(brotliBytes(bytes).equals(brotli)).toBe(true);
    expect(brotli.length).toBeLessThan(bytes.length / 5);
  });

  it('compresses a large file faster, to copies that still decompress to it, the same bytes every time', () => {
    // A manifest-like file: lines of content hashes, which do not compress much.
    const lines = Array.from({ length: 30_000 }, (_, line) => `{"path":"articles/${line}/","hash":"${hashBytes(Buffer.from(String(line))).sha256}"}`);
    const bytes = Buffer.from(lines.join('\n'));
    expect(bytes.length).toBeGreaterThan(LARGE_FILE_BYTES);
    const [brotli, gzip] = [brotliBytes(bytes), gzipBytes(bytes)];
    expect(brotliDecompressSync(brotli).equals(bytes)).toBe(true);
    expect(gunzipSync(gzip).equals(bytes)).toBe(true);
    expect(brotliBytes(bytes).equals(brotli)).toBe(true);
    expect(gzipBytes(bytes).equals(gzip)).toBe(true);
    // Brotli's quality 3, whose bytes are not those of the pages' quality.
    const atQuality = (quality: number): Buffer => brotliCompressSync(bytes, { params: {
      [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    } });
    expect(brotli.equals(atQuality(LARGE_BROTLI_QUALITY))).toBe(true);
    expect(brotli.equals(atQuality(BROTLI_QUALITY))).toBe(false);
  });

  it('keeps its copies in a folder of their settings, and makes them again when the cache holds others', async () => {
    const { dir, cache, outputs } = await site({ 'index.html': page(50) });
    await precompressSite(dir, outputs, cache);
    const sha256 = outputs.get('index.html')!.sha256;
    expect(await readdir(cache)).toEqual([COPIES_FOLDER]);
    expect((await stat(join(cache, COPIES_FOLDER, sha256.slice(0, 2), `${sha256}.br`))).ino).toBe((await stat(join(dir, 'index.html.br'))).ino);
    // The same copies under another folder's name: made with other settings (or another zlib) as far as the build can tell.
    await rename(join(cache, COPIES_FOLDER), join(cache, 'copies-0123456789abcdef'));
    await rm(join(dir, 'index.html.br'));
    expect(await precompressSite(dir, outputs, cache)).toEqual({ compressed: 2, linked: 2 });
    expect(await readdir(cache)).toEqual([COPIES_FOLDER]);
    expect(brotliDecompressSync(await readFile(join(dir, 'index.html.br'))).toString()).toBe(page(50));
  });

  it('puts a .br and a .gz beside every text file, records them in its record, and leaves the others alone', async () => {
    const { dir, cache, outputs } = await site({ 'index.html': page(50), 'pagefind/index/ar_1.pf_index': 'binary', 'feed.xml': '<feed/>' });
    const before = outputs.get('index.html') as OutputRecord;
    const result = await precompressSite(dir, outputs, cache);
    expect(result).toEqual({ compressed: 4, linked: 4 });
    // No record of their own: the copies' stamps, in the order .br, .gz, are the file's.
    expect([...outputs.keys()]).toEqual(['index.html', 'pagefind/index/ar_1.pf_index', 'feed.xml']);
    expect(gunzipSync(await readFile(join(dir, 'index.html.gz'))).toString()).toBe(page(50));
    expect(brotliDecompressSync(await readFile(join(dir, 'feed.xml.br'))).toString()).toBe('<feed/>');
    expect(outputs.get('index.html')).toEqual({
      ...before, copies: [inodeStamp(join(dir, 'index.html.br')), inodeStamp(join(dir, 'index.html.gz'))],
      copySums: [copySum(await readFile(join(dir, 'index.html.br'))), copySum(await readFile(join(dir, 'index.html.gz')))],
    });
    expect(outputs.get('pagefind/index/ar_1.pf_index')).not.toHaveProperty('copies');
    await expect(stat(join(dir, 'pagefind/index/ar_1.pf_index.gz'))).rejects.toThrow();
  });

  it('compresses only the files that changed, and links nothing already in place', async () => {
    const { dir, cache, outputs } = await site({ 'index.html': page(50), 'articles/a/index.html': page(30), 'articles/b/index.html': page(40) });
    await precompressSite(dir, outputs, cache);
    expect(await precompressSite(dir, outputs, cache)).toEqual({ compressed: 0, linked: 0 });
    await writeTo(dir, 'articles/a/index.html', page(31), outputs);
    expect(await precompressSite(dir, outputs, cache)).toEqual({ compressed: 2, linked: 2 });
    expect(gunzipSync(await readFile(join(dir, 'articles/a/index.html.gz'))).toString()).toBe(page(31));
  });

  it('drops from the cache the copies of contents the last build had and this one has not', async () => {
    const { dir, cache, outputs } = await site({ 'index.html': page(50), 'articles/a/index.html': page(30), 'articles/b/index.html': page(50) });
    await precompressSite(dir, outputs, cache);
    const previous = new Map(outputs);
    const cachedFiles = async (): Promise<number> => (await readdir(cache, { recursive: true })).filter((name) => /\.(br|gz)$/.test(name)).length;
    expect(await cachedFiles()).toBe(4);
    await writeTo(dir, 'articles/a/index.html', page(31), outputs);
    outputs.delete('articles/b/index.html');
    await precompressSite(dir, outputs, cache, previous);
    // page(30) is gone; page(50) is still the front page's; page(31) is new.
    expect(await cachedFiles()).toBe(4);
    expect(gunzipSync(await readFile(join(dir, 'articles/a/index.html.gz'))).toString()).toBe(page(31));
    expect(await precompressSite(dir, outputs, cache, outputs)).toEqual({ compressed: 0, linked: 0 });
  });

  it('keeps, with no look at the cache, the copies the folder holds of a file whose content it holds already', async () => {
    const { dir, cache, outputs } = await site({ 'index.html': page(50), 'articles/a/index.html': page(30) });
    await precompressSite(dir, outputs, cache);
    const present = new Map(outputs);
    // The cache gone: a file compared with `present` needs nothing of it.
    await rm(cache, { recursive: true });
    await writeTo(dir, 'articles/a/index.html', page(31), outputs);
    // The front page's record as a build has it: its own, with no word of the copies.
    const next = new Map([...outputs].map(([path, record]) => [path, withoutCopies(record)]));
    expect(await precompressSite(dir, next, cache, undefined, { present })).toEqual({ compressed: 2, linked: 2 });
    expect(next.get('index.html')?.copies).toEqual(present.get('index.html')?.copies);
    expect(next.get('articles/a/index.html')?.copies).toHaveLength(2);
    expect(next.get('articles/a/index.html')?.copies).not.toEqual(present.get('articles/a/index.html')?.copies);
    expect(gunzipSync(await readFile(join(dir, 'articles/a/index.html.gz'))).toString()).toBe(page(31));
    // A file with a copy `present` does not name gets its copies as usual: from the cache when
    // a record vouches for them (page(31)'s, made by the call before), else compressed anew (the
    // front page's, whose cached copies went with the cache).
    present.set('index.html', withoutCopies(present.get('index.html') as OutputRecord));
    expect(await precompressSite(dir, new Map([...next].map(([path, record]) => [path, withoutCopies(record)])), cache, undefined, { present, earlier: next })).toEqual({ compressed: 2, linked: 2 });
  });

  it('gives the copies an earlier build recorded without their sums the sums of their bytes, read once, compressing nothing', async () => {
    const { dir, cache, outputs } = await site({ 'index.html': page(50), 'articles/a/index.html': page(30) });
    await precompressSite(dir, outputs, cache);
    const sums = new Map([...outputs].map(([path, record]) => [path, record.copySums]));
    const earlier = new Map([...outputs].map(([path, record]) => [path, { ...withoutCopies(record), copies: record.copies }]));
    const next = new Map([...earlier].map(([path, record]) => [path, withoutCopies(record)]));
    expect(await precompressSite(dir, next, cache, undefined, { present: earlier })).toEqual({ compressed: 0, linked: 0 });
    for (const [path, record] of next) {
      expect(record.copies).toEqual(earlier.get(path)?.copies);
      expect(record.copySums).toEqual(sums.get(path));
    }
  });

  it('links a content compressed before into another tree without compressing it again, when a record vouches for it', async () => {
    const first = await site({ 'index.html': page(50), 'about/index.html': page(20) });
    await precompressSite(first.dir, first.outputs, first.cache);
    const other = join(first.dir, '..', 'other');
    const outputs = new Map<string, OutputRecord>();
    await writeTo(other, 'index.html', page(50), outputs);
    await writeTo(other, 'about/index.html', page(21), outputs);
    expect(await precompressSite(other, outputs, first.cache, undefined, { earlier: first.outputs })).toEqual({ compressed: 2, linked: 4 });
    expect(await readFile(join(other, 'index.html.br'))).toEqual(await readFile(join(first.dir, 'index.html.br')));
    // With no record of it, a copy in the cache is not trusted: made again, and the cache's replaced.
    const third = new Map<string, OutputRecord>();
    await writeTo(join(first.dir, '..', 'third'), 'index.html', page(50), third);
    expect(await precompressSite(join(first.dir, '..', 'third'), third, first.cache)).toEqual({ compressed: 2, linked: 2 });
  });

  it('replaces a copy changed behind the build, and makes again a cached copy that was', async () => {
    const { dir, cache, outputs } = await site({ 'index.html': page(50) });
    await precompressSite(dir, outputs, cache);
    await rm(join(dir, 'index.html.gz'));
    await writeFile(join(dir, 'index.html.gz'), 'not gzip');
    expect(await precompressSite(dir, outputs, cache)).toEqual({ compressed: 0, linked: 1 });
    expect(gunzipSync(await readFile(join(dir, 'index.html.gz'))).toString()).toBe(page(50));
    // A cached copy written into in place (its stamp moves) is not trusted.
    await writeFile(join(dir, 'index.html.br'), 'broken');
    expect(await precompressSite(dir, outputs, cache)).toEqual({ compressed: 1, linked: 1 });
    expect(brotliDecompressSync(await readFile(join(dir, 'index.html.br'))).toString()).toBe(page(50));
  });

  it.each([
    ['written into (half of it)', async (file: string) => writeFile(file, (await readFile(file)).subarray(0, 10))],
    ['missing', async (file: string) => rm(file)],
    ['replaced by another file of the same bytes', async (file: string) => { const bytes = await readFile(file); await rm(file); await writeFile(file, bytes); }],
  ])('makes the copies again when the cached copy is %s', async (_label, damage) => {
    const { dir, cache, outputs } = await site({ 'index.html': page(50) });
    await precompressSite(dir, outputs, cache);
    const sha256 = outputs.get('index.html')!.sha256;
    await rm(join(dir, 'index.html.gz'));
    await damage(join(cache, COPIES_FOLDER, sha256.slice(0, 2), `${sha256}.gz`));
    expect(await precompressSite(dir, outputs, cache)).toEqual({ compressed: 1, linked: 1 });
    expect(gunzipSync(await readFile(join(dir, 'index.html.gz'))).toString()).toBe(page(50));
    expect(brotliDecompressSync(await readFile(join(dir, 'index.html.br'))).toString()).toBe(page(50));
    expect(await precompressSite(dir, outputs, cache)).toEqual({ compressed: 0, linked: 0 });
  });
});
