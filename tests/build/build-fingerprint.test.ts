// The build fingerprint covers the code the build runs, not every file of the project: a change
// to ingest or to a server renders nothing again, a change to a module the build loads does.
import { appendFile, cp, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_ENTRY_MODULES, buildFingerprint } from '../../scripts/lib/build/build-fingerprint.ts';
import { modulesLoadedBy } from '../../scripts/lib/fs/module-imports.ts';
import { useTempDirs } from '../support/temp-dir.ts';

const ROOT = join(import.meta.dirname, '../..');
const tempDir = useTempDirs('build-fingerprint-');

describe('the modules the build runs', () => {
  const loaded = modulesLoadedBy(ROOT, BUILD_ENTRY_MODULES);

  it('reach the views, the templates, the render lanes, the stamp worker and the search step', () => {
    expect(loaded).toEqual(expect.arrayContaining([
      '.eleventy.ts', 'scripts/lib/build/build-site.ts', 'scripts/lib/site/news-index.ts', 'scripts/lib/site/render-plan.ts',
      'scripts/lib/site/render-pages.ts', 'scripts/lib/site/render-lane-worker.ts', 'scripts/lib/site/filters-plugin.ts',
      'scripts/lib/fs/stamp-worker.ts', 'scripts/lib/search/search-index.ts', 'scripts/lib/site/precompress.ts',
    ]));
  });

  it('leave out ingest, the servers and the command line', () => {
    expect(loaded.filter((file) => /^scripts\/lib\/(serve|cli)\//.test(file) || file === 'scripts/lib/ingest/ingest-batch.ts')).toEqual([]);
  });
});

describe('buildFingerprint', () => {
  async function projectCopy(): Promise<string> {
    const dir = await tempDir();
    for (const entry of ['.eleventy.ts', 'package-lock.json', 'layouts', 'scripts', 'assets']) await cp(join(ROOT, entry), join(dir, entry), { recursive: true });
    await mkdir(join(dir, 'content'));
    await writeFile(join(dir, 'content', 'lists.njk'), '{{ view.output }}');
    return dir;
  }
  const fingerprintOf = (dir: string): string => buildFingerprint({ projectDir: dir, inputDir: join(dir, 'content'), settings: {}, env: {} });

  it('stays when code the build never loads changes, and moves with code it does', async () => {
    const dir = await projectCopy();
    const before = fingerprintOf(dir);
    await appendFile(join(dir, 'scripts/lib/ingest/ingest-batch.ts'), '\n// an ingest change\n');
    await appendFile(join(dir, 'scripts/lib/serve/static-server.ts'), '\n// a server change\n');
    expect(fingerprintOf(dir)).toBe(before);
    await appendFile(join(dir, 'scripts/lib/site/list-pager.ts'), '\n// a change the pages may show\n');
    const afterPager = fingerprintOf(dir);
    expect(afterPager).not.toBe(before);
    await appendFile(join(dir, 'layouts/base.njk'), '\n{# a layout change #}\n');
    expect(fingerprintOf(dir)).not.toBe(afterPager);
  });

  it('is the same in a copy of the project in another folder', async () => {
    expect(fingerprintOf(await projectCopy())).toBe(fingerprintOf(await projectCopy()));
  });
});
