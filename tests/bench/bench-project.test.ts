// The benchmark's project copies: the copy owns what scenarios edit (content, layouts) and
// the code (held still for the run), links the rest, and never reaches the real project's
// site or build cache; a clean copy of it starts from its sources only.

import { lstat, mkdir, readdir, readFile, readlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBenchProject, createCleanCopy } from '../../scripts/tools/bench/bench-project.ts';
import { ingestStatePath } from '../../scripts/lib/ingest/ingest-state.ts';
import { useTempDirs } from '../support/temp-dir.ts';

const makeTempDir = useTempDirs('bench-project-');

/** A project with the top-level entries the benchmark cares about, bundled articles and build leftovers included. */
async function fakeProject(): Promise<string> {
  const dir = await makeTempDir();
  const files: Record<string, string> = {
    'content/index.njk': 'home',
    'content/articles/articles.11tydata.ts': 'export default {};',
    'content/articles/2017/07/f4b3dfa3adcd8716.md': 'bundled',
    'layouts/base.njk': 'base',
    'layouts/partials/footer.njk': '<footer></footer>',
    'scripts/build.ts': '// build',
    'node_modules/eleventy/index.js': '// a dependency',
    'tests/a.test.ts': '// a test',
    'package.json': '{}',
    '.eleventy.ts': 'export default {};',
    '_site/index.html': 'real site',
    '.cache/build/state.json': 'real cache',
    '.site-old/index.html': 'leftover',
  };
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

describe('createBenchProject', () => {
  it('copies content without the bundled articles, layouts, code and config, and links the rest', async () => {
    const projectDir = await fakeProject();
    const project = await createBenchProject(projectDir, 'test');
    expect(project.dir.startsWith(join(projectDir, 'tmp-test-sites', 'bench-test-'))).toBe(true);
    expect((await lstat(project.contentDir)).isDirectory()).toBe(true);
    expect(await readdir(project.articlesDir)).toEqual(['articles.11tydata.ts']);
    expect((await lstat(project.layoutsDir)).isSymbolicLink()).toBe(false);
    expect(await readFile(join(project.layoutsDir, 'partials', 'footer.njk'), 'utf8')).toBe('<footer></footer>');
    for (const copied of ['scripts', '.eleventy.ts', 'package.json']) expect((await lstat(join(project.dir, copied))).isSymbolicLink(), copied).toBe(false);
    expect(await readFile(join(project.dir, 'scripts', 'build.ts'), 'utf8')).toBe('// build');
    expect(await readlink(join(project.dir, 'node_modules'))).toBe(join(projectDir, 'node_modules'));
    expect(await readlink(join(project.dir, 'tests'))).toBe(join(projectDir, 'tests'));
  });

  it('holds the code as it was when the copy was made', async () => {
    const projectDir = await fakeProject();
    const project = await createBenchProject(projectDir, 'test');
    await writeFile(join(projectDir, 'scripts', 'build.ts'), '// edited meanwhile');
    expect(await readFile(join(project.dir, 'scripts', 'build.ts'), 'utf8')).toBe('// build');
  });

  it('neither copies nor links the real project’s site, build cache or build leftovers', async () => {
    const project = await createBenchProject(await fakeProject(), 'test');
    const entries = await readdir(project.dir);
    expect(entries).not.toContain('_site');
    expect(entries).not.toContain('.cache');
    expect(entries).not.toContain('.site-old');
    expect(entries).not.toContain('tmp-test-sites');
  });
});

describe('createCleanCopy', () => {
  it('copies the copy’s own sources, links what it links, and leaves its outputs, cache and ingest state behind', async () => {
    const projectDir = await fakeProject();
    const project = await createBenchProject(projectDir, 'test');
    await mkdir(join(project.articlesDir, '2016', '01'), { recursive: true });
    await writeFile(join(project.articlesDir, '2016', '01', 'aaaaaaaaaaaaaaaa.md'), 'an ingested article');
    await writeFile(ingestStatePath(project.articlesDir), '{}');
    await writeFile(join(project.layoutsDir, 'partials', 'footer.njk'), '<footer><!-- edited --></footer>');
    for (const output of ['_site', '.cache/build', 'floor-site', '._site-build-1']) {
      await mkdir(join(project.dir, output), { recursive: true });
      await writeFile(join(project.dir, output, 'x'), 'output');
    }

    const copy = await createCleanCopy(project, projectDir, 'test-clean');
    expect(copy.dir).not.toBe(project.dir);
    expect((await readdir(copy.dir)).sort()).toEqual(['.eleventy.ts', 'content', 'layouts', 'node_modules', 'package.json', 'scripts', 'tests']);
    expect(await readFile(join(copy.articlesDir, '2016', '01', 'aaaaaaaaaaaaaaaa.md'), 'utf8')).toBe('an ingested article');
    expect(await readdir(copy.contentDir)).not.toContain('.articles.ingest-state.json');
    expect((await lstat(copy.layoutsDir)).isSymbolicLink()).toBe(false);
    expect(await readFile(join(copy.layoutsDir, 'partials', 'footer.njk'), 'utf8')).toBe('<footer><!-- edited --></footer>');
    expect(await readFile(join(copy.dir, 'scripts', 'build.ts'), 'utf8')).toBe('// build');
    expect(await readlink(join(copy.dir, 'node_modules'))).toBe(join(projectDir, 'node_modules'));
  });
});
