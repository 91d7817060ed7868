// The test projects of vitest.config.ts: `npm test` runs them all, so together they must take
// every test file, each exactly once (a file in two projects runs twice; a file in none never
// runs), and every file named in a project's list must exist (a file moved without its entry
// would fall back into the unit project unnoticed). The unit project, the developer's fast
// path, needs no system tool: no global setup (Chromium, xmllint) and no setup file.
// Run alone: npx vitest run tests/architecture/test-projects.test.ts
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../vitest.config.ts';

const ROOT = resolve(import.meta.dirname, '../..');

interface Project {
  name: string;
  include: string[];
  exclude: string[];
  globalSetup: unknown;
  setupFiles: unknown;
}

const projects: Project[] = (config.test?.projects ?? []).map((entry) => {
  const test = (entry as { test?: { name?: unknown; include?: string[]; exclude?: string[]; globalSetup?: unknown; setupFiles?: unknown } }).test ?? {};
  return { name: String(test.name), include: test.include ?? [], exclude: test.exclude ?? [], globalSetup: test.globalSetup, setupFiles: test.setupFiles };
});

/** Every test file under tests/, relative to the project, with forward slashes. */
const testFiles = readdirSync(resolve(ROOT, 'tests'), { recursive: true, encoding: 'utf8' })
  .map((name) => `tests/${name.split('\\').join('/')}`)
  .filter((path) => path.endsWith('.test.ts'))
  .sort();

/** The globs the config uses: `**` for any folders, `*` within a name, everything else literal. */
function globPattern(glob: string): RegExp {
  const pattern = glob
    .split(/(\*\*\/|\*)/u)
    .map((part) => (part === '**/' ? '(?:[^/]+/)*' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/gu, '\\$&')))
    .join('');
  return new RegExp(`^${pattern}$`, 'u');
}

const matches = (globs: readonly string[], path: string): boolean => globs.some((glob) => globPattern(glob).test(path));
const projectsOf = (path: string): string[] =>
  projects.filter((project) => matches(project.include, path) && !matches(project.exclude, path)).map((project) => project.name);

describe('the test projects', () => {
  it('are the four the README names', () => {
    expect(projects.map((project) => project.name)).toEqual(['unit', 'integration', 'site', 'browser']);
    expect(testFiles.length).toBeGreaterThan(100);
  });

  it('use only the glob syntax this check reads', () => {
    const globs = projects.flatMap((project) => [...project.include, ...project.exclude]);
    expect(globs.filter((glob) => /[?[\]{}!]|\*\*(?!\/)|[^/]\*\*/u.test(glob))).toEqual([]);
  });

  it('put a file where its list says (the check reads the lists at all)', () => {
    expect(projectsOf('tests/arabic/digits.test.ts')).toEqual(['unit']);
    expect(projectsOf('tests/bench/measure.test.ts')).toEqual(['integration']);
    expect(projectsOf('tests/build/cache-safety.test.ts')).toEqual(['site']);
    expect(projectsOf('tests/browser/search.test.ts')).toEqual(['browser']);
  });

  it('take every test file exactly once', () => {
    const notOnce = testFiles.map((path) => ({ path, projects: projectsOf(path) })).filter((file) => file.projects.length !== 1);
    expect(notOnce).toEqual([]);
  });

  it('name only files and folders that hold test files', () => {
    const globs = projects.flatMap((project) => [...project.include, ...project.exclude]);
    expect(globs.filter((glob) => !testFiles.some((path) => matches([glob], path)))).toEqual([]);
  });

  it('leave the unit project without system tools: no global setup, no setup file', () => {
    const unit = projects.find((project) => project.name === 'unit');
    expect(unit).toMatchObject({ globalSetup: undefined, setupFiles: undefined });
  });
});
