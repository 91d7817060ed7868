// Ingest never loses or half-writes an article: a run killed with SIGKILL leaves only
// complete articles, and running it again converges on the full, correct set.
import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../scripts/lib/content/front-matter.ts';
import { isUntouchedIngestOutput } from '../../scripts/lib/ingest/article-document.ts';
import { validateArticleFrontMatter } from '../../scripts/lib/content/article-schema.ts';
import { PROJECT_DIR } from '../support/fixture-site.ts';
import { useSuiteTempDirs } from '../support/temp-dir.ts';

const FILES = 1500;
const makeTempDir = useSuiteTempDirs('ingest-kill-');
let rawDir: string;
let outDir: string;

beforeAll(async () => {
  const temp = await makeTempDir();
  rawDir = join(temp, 'raw');
  outDir = join(temp, 'articles');
  await mkdir(rawDir);
  const sample = await readFile(join(PROJECT_DIR, 'tests/fixtures/raw/001_3c9e1a7b52d04f86.txt'), 'utf8');
  for (let index = 0; index < FILES; index += 1) {
    const id = (0xbb00000000000000n + BigInt(index)).toString(16);
    await writeFile(join(rawDir, `${String(index).padStart(5, '0')}_${id}.txt`), `${sample}\nفقرة رقم ${index} تميز هذا المقال.\n`);
  }
});

function runIngest(): { exited: Promise<NodeJS.Signals | number | null>; kill: () => void } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/ingest.ts', rawDir, '--out', outDir], { cwd: PROJECT_DIR, stdio: 'ignore' });
  return {
    exited: new Promise((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code))),
    kill: () => child.kill('SIGKILL'),
  };
}

async function articleFiles(): Promise<string[]> {
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

describe('an ingest killed with SIGKILL', () => {
  it('leaves only whole articles, and a second run completes the set', async () => {
    const run = runIngest();
    for (let waited = 0; waited < 60_000; waited += 10) {
      if ((await articleFiles()).length >= 50) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    run.kill();
    expect(await run.exited).toBe('SIGKILL');

    const written = (await articleFiles()).filter((file) => file.endsWith('.md'));
    expect(written.length).toBeGreaterThan(0);
    expect(written.length).toBeLessThan(FILES);
    for (const file of written) {
      const document = await readFile(file, 'utf8');
      expect(isUntouchedIngestOutput(document), file).toBe(true);
      expect(validateArticleFrontMatter(readFrontMatter(document)), file).toEqual([]);
    }

    expect(await runIngest().exited).toBe(0);
    const after = await articleFiles();
    expect(after.filter((file) => file.endsWith('.md'))).toHaveLength(FILES);
    expect(after.filter((file) => !file.endsWith('.md'))).toEqual([]);
  });
});
