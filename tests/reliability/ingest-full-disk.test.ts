// A full disk is reported per file, the articles that fit are whole, nothing half-written
// is left behind. Needs root to mount a tiny tmpfs (CI runs as root); skipped elsewhere.
import { execFileSync } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestSettings } from '../../scripts/lib/config/ingest-settings.ts';
import { siteSettings } from '../support/site-settings.ts';
import { isUntouchedIngestOutput } from '../../scripts/lib/ingest/article-document.ts';
import { ingestRawFiles, type FileReport } from '../../scripts/lib/ingest/ingest-batch.ts';
import { PROJECT_DIR } from '../support/fixture-site.ts';
import { useSuiteTempDirs } from '../support/temp-dir.ts';

const makeTempDir = useSuiteTempDirs('ingest-full-disk-');
let rawDir = '';
let diskDir = '';
let mounted = false;

function tryMountTinyDisk(path: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=48k', 'tmpfs', path], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

beforeAll(async () => {
  const temp = await makeTempDir();
  rawDir = join(temp, 'raw');
  diskDir = join(temp, 'disk');
  await mkdir(rawDir);
  await mkdir(diskDir);
  const sample = await readFile(join(PROJECT_DIR, 'tests/fixtures/raw/000_f4b3dfa3adcd8716.txt'), 'utf8');
  for (let index = 0; index < 30; index += 1) {
    const id = (0xcc00000000000000n + BigInt(index)).toString(16);
    await writeFile(join(rawDir, `${String(index).padStart(3, '0')}_${id}.txt`), `${sample}\nفقرة ${index}.\n`);
  }
  mounted = process.platform === 'linux' && tryMountTinyDisk(diskDir);
});
afterAll(() => {
  if (mounted) execFileSync('umount', [diskDir], { stdio: 'ignore' });
});

describe('ingest onto a disk that fills up', () => {
  it.skipIf(process.getuid?.() !== 0)('rejects the files that do not fit, naming the problem, and keeps the rest whole', async () => {
    expect(mounted).toBe(true);
    const reports: FileReport[] = [];
    const summary = await ingestRawFiles({
      inputs: [rawDir], outDir: join(diskDir, 'articles'), site: siteSettings, settings: ingestSettings,
      onReport: (report) => reports.push(report),
    });
    expect(summary.created).toBeGreaterThan(0);
    expect(summary.rejected).toBeGreaterThan(0);
    expect(summary.created + summary.rejected).toBe(30);
    for (const report of reports.filter((entry) => entry.status === 'rejected')) {
      expect(report.reason).toMatch(/^cannot write .+\.md: ENOSPC$/);
    }
    const files = (await readdir(join(diskDir, 'articles'), { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
    expect(files.map((entry) => entry.name).filter((name) => !name.endsWith('.md'))).toEqual([]);
    expect(files).toHaveLength(summary.created);
    for (const entry of files) {
      expect(isUntouchedIngestOutput(await readFile(join(entry.parentPath, entry.name), 'utf8'))).toBe(true);
    }
  });
});
