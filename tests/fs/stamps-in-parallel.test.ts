import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { fileStampOfText, inodeStamp, stampOf } from '../../scripts/lib/fs/file-stamp.ts';
import { fileURLToPath } from 'node:url';
import { fileUnder, stampsDigest } from '../../scripts/lib/fs/stamp-chunks.ts';
import { STAMP_CHUNK, StampsInParallel } from '../../scripts/lib/fs/stamps-in-parallel.ts';
import { workerBundleFile } from '../../scripts/lib/fs/worker-bundle.ts';
import { useTempDirs } from '../support/temp-dir.ts';

const makeTempDir = useTempDirs('stamps-in-parallel-');

/** A folder of files spread over a few chunks, with a missing file, a folder and a link among them. */
async function tree(): Promise<{ root: string; paths: string[] }> {
  const root = await makeTempDir();
  const paths: string[] = [];
  for (let folder = 0; folder < 3; folder++) {
    await mkdir(join(root, `f${folder}`));
    for (let file = 0; file < Math.ceil(STAMP_CHUNK / 2); file++) {
      const path = `f${folder}/${file}.html`;
      await writeFile(join(root, path), `page ${folder} ${file} ${'x'.repeat(file % 7)}`);
      paths.push(path);
    }
  }
  await symlink(join(root, 'f0', '0.html'), join(root, 'link.html'));
  paths.splice(3, 0, 'missing.html', 'f1', 'link.html');
  return { root, paths };
}

describe('StampsInParallel', () => {
  it('gives every file its own inode stamp, in the list order, with a worker and without', async () => {
    const { root, paths } = await tree();
    const expected = paths.map((path) => inodeStamp(join(root, path)));
    expect(expected.filter((stamp) => stamp === undefined)).toHaveLength(3);
    const alone = new StampsInParallel(root, paths, false);
    expect(await alone.all()).toEqual(expected);
    expect(alone.stampedByWorker).toBe(0);
    expect(await new StampsInParallel(root, paths, true).all()).toEqual(expected);
  });

  it('lets the worker take chunks while this thread is busy elsewhere, with the same stamps', async () => {
    const { root, paths } = await tree();
    const expected = paths.map((path) => inodeStamp(join(root, path)));
    const stamps = new StampsInParallel(root, paths, true);
    // The worker starts and claims chunks while this thread waits; then this one takes the rest.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await stamps.all()).toEqual(expected);
    expect(stamps.stampedByWorker).toBeGreaterThan(0);
  });

  it('gives the file stamps ingest records (stat, through a link) when asked for them, with a worker and without', async () => {
    const { root, paths } = await tree();
    const expected = paths.map((path) => {
      try { return stampOf(statSync(join(root, path))); } catch { return undefined; }
    });
    // The link is stamped as the file it points to; only the missing file has none.
    expect(expected.filter((stamp) => stamp === undefined)).toHaveLength(1);
    expect(expected[paths.indexOf('link.html')]).toEqual(expected[paths.indexOf('f0/0.html')]);
    for (const worker of [false, true]) {
      const stamps = await new StampsInParallel(root, paths, worker, 'file').all();
      expect(stamps.map((text) => text && fileStampOfText(text))).toEqual(expected);
    }
  });

  it('gives the SHA-256 of each file\'s bytes when asked for it (none for a folder or a missing file), with a worker and without', async () => {
    const { root, paths } = await tree();
    const expected = paths.map((path) => {
      try { return createHash('sha256').update(readFileSync(join(root, path))).digest('hex'); } catch { return undefined; }
    });
    expect(expected.filter((sum) => sum === undefined)).toHaveLength(2);
    for (const worker of [false, true]) expect(await new StampsInParallel(root, paths, worker, 'sha256').all()).toEqual(expected);
  });

  it('gives the digest of the stamps in order, the worker\'s chunks read as they came, with a worker and without', async () => {
    const { root, paths } = await tree();
    const expected = stampsDigest(paths.map((path) => inodeStamp(join(root, path))));
    for (const worker of [false, true]) {
      const stamps = new StampsInParallel(root, paths, worker);
      // The worker's start is waited for: with one, it has chunks of its own, digested from its text.
      if (worker) await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(await stamps.digest()).toBe(expected);
      expect(stamps.stampedByWorker > 0).toBe(worker);
      // The stamps themselves are still there to be read, and agree.
      expect(stampsDigest(await stamps.all())).toBe(expected);
    }
    // A file gone is not the file there: the digest moves.
    const changed = [...paths];
    changed[0] = 'missing-too.html';
    expect(await new StampsInParallel(root, changed, true).digest()).not.toBe(expected);
  });

  it('starts its worker from the bundle once one of this code is made, with the same stamps', async () => {
    const { root, paths } = await tree();
    const expected = paths.map((path) => inodeStamp(join(root, path)));
    await workerBundleFile(fileURLToPath(new URL('../../scripts/lib/fs/stamp-worker.ts', import.meta.url)));
    const stamps = new StampsInParallel(root, paths, true);
    expect(stamps.workerFromBundle).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await stamps.all()).toEqual(expected);
    expect(stamps.stampedByWorker).toBeGreaterThan(0);
  });

  it('gives nothing for no files', async () => {
    expect(await new StampsInParallel(await makeTempDir(), [], true).all()).toEqual([]);
  });
});

describe('fileUnder', () => {
  it('appends a recorded path to the root, with one separator whether or not the root ends in one', () => {
    expect(fileUnder('/site')('articles/abc/index.html')).toBe(join('/site', 'articles/abc/index.html'));
    expect(fileUnder('/site/')('index.html')).toBe(join('/site', 'index.html'));
    // An empty root leaves the path relative, as join does.
    expect(fileUnder('')('index.html')).toBe(join('', 'index.html'));
  });
});
