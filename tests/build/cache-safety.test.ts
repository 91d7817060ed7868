// The build cache is never trusted blindly: a damaged cache, a build killed half way, a
// site changed behind the build's back, two builds at once — after each, the site equals a
// clean build of the same sources in a fresh copy of the project.
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { createHash } from 'node:crypto';
import { appendFile, cp, readdir, readFile, rm, stat, truncate, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireBuildLock } from '../../scripts/lib/build/build-lock.ts';
import { BUILD_NODE_FLAGS } from '../../scripts/lib/site/build-node-flags.ts';
import { createProjectCopy, expectEqualToClean, runBuild, writeArticles } from '../support/project-copy.ts';

const run = promisify(execFile);
const ENV = { SITE_NOW: '2017-08-01T12:00:00+03:00', SITE_ARTICLES_PER_PAGE: '4' };
const STATE = join('.cache', 'build', 'site', 'production', 'state.json');
let dir = '';

beforeAll(async () => {
  dir = await createProjectCopy('cache-safety');
  await writeArticles(dir, 30);
  const first = await runBuild(dir, [], ENV);
  expect(first.code, first.stderr).toBe(0);
});
afterAll(async () => { if (dir) await rm(dir, { recursive: true, force: true }); });

describe('a damaged cache', () => {
  it.each([
    ['truncated', (file: string) => truncate(file, 1000)],
    ['overwritten with garbage', (file: string) => writeFile(file, 'not a cache')],
    ['from another version', async (file: string) => {
      const text = await readFile(file, 'utf8');
      const body = text.slice(text.indexOf('\n') + 1).replace(/"format":\d+/, '"format":-1');
      await writeFile(file, `${createHash('sha256').update(body).digest('hex')}\n${body}`);
    }],
  ])('%s is ignored with a one-line notice, and the build equals a clean one', async (_case, damage) => {
    await writeArticles(dir, 1, `عنوان ${_case}`);
    await damage(join(dir, STATE));
    const build = await runBuild(dir, [], ENV);
    expect(build.code, build.stderr).toBe(0);
    expect(build.stderr.trim().split('\n'), build.stderr).toHaveLength(1);
    expect(build.stderr).toMatch(/^build cache not used: .*state\.json .*; building everything/);
    expect(build.stdout).toMatch(/rendered (\d+) of \1 pages/);
    await expectEqualToClean(dir, ENV);
  });
});

describe('a damaged base of the site records', () => {
  it('is no state: a one-line notice naming it, and the build equals a clean one', async () => {
    await writeArticles(dir, 1, 'عنوان بعد تلف الأساس');
    const cache = join(dir, '.cache', 'build', 'site', 'production');
    const bases = (await readdir(cache)).filter((name) => /^outputs-[0-9a-f]{24}\.json$/.test(name));
    expect(bases).toHaveLength(1);
    await truncate(join(cache, bases[0] as string), 1000);
    const build = await runBuild(dir, [], ENV);
    expect(build.code, build.stderr).toBe(0);
    expect(build.stderr).toMatch(/^build cache not used: .*outputs-[0-9a-f]{24}\.json is damaged .*; building everything\n$/);
    expect(build.stdout).toMatch(/rendered (\d+) of \1 pages/);
    await expectEqualToClean(dir, ENV);
  });
});

describe('the check that tells nothing changed (unchanged.json)', () => {
  const CHECK = join('.cache', 'build', 'site', 'production', 'unchanged.json');

  it('speaks only for the state it was written with: a state damaged while nothing else changed is still noticed', async () => {
    expect((await runBuild(dir, [], ENV)).stdout).toMatch(/up to date/);
    await truncate(join(dir, STATE), 1000);
    const build = await runBuild(dir, [], ENV);
    expect(build.code, build.stderr).toBe(0);
    expect(build.stderr).toMatch(/^build cache not used: .*state\.json .*; building everything\n$/);
    expect(build.stdout).toMatch(/rendered (\d+) of \1 pages/);
    await expectEqualToClean(dir, ENV);
  });

  it('damaged or missing, is only a slower way to the same answer, and is written again', async () => {
    for (const damage of [() => writeFile(join(dir, CHECK), 'not a check'), () => unlink(join(dir, CHECK))]) {
      await damage();
      const build = await runBuild(dir, [], ENV);
      expect(build.code, build.stderr).toBe(0);
      expect(build.stdout).toMatch(/up to date/);
      expect(build.stderr).toBe('');
      expect(JSON.parse((await readFile(join(dir, CHECK), 'utf8')).split('\n')[1] as string)).toHaveProperty('filesDigest');
    }
    await writeArticles(dir, 1, 'عنوان بعد الفحص');
    expect((await runBuild(dir, [], ENV)).stdout).toMatch(/rendered [1-9]\d* of/);
    await expectEqualToClean(dir, ENV);
  });
});

describe('an asset changed alone', () => {
  it('is copied into the site, rendering no page, and the site equals a clean build', async () => {
    expect((await runBuild(dir, [], ENV)).stdout).toMatch(/up to date/);
    await appendFile(join(dir, 'assets', 'logo.svg'), '\n<!-- cache-safety-mark -->\n');
    const build = await runBuild(dir, [], ENV);
    expect(build.code, build.stderr).toBe(0);
    expect(build.stdout).toMatch(/rendered 0 of/);
    expect(await readFile(join(dir, '_site', 'assets', 'logo.svg'), 'utf8')).toContain('cache-safety-mark');
    await expectEqualToClean(dir, ENV);
  });

  it('is the stylesheet: written under its new content-hashed name, every page rendered to link it, the old one gone', async () => {
    const stylesheets = async (): Promise<string[]> => (await readdir(join(dir, '_site', 'assets', 'css'))).filter((name) => /^site\.[0-9a-f]{10}\.css$/.test(name));
    const [before] = await stylesheets();
    await appendFile(join(dir, 'assets', 'css', 'site.css'), '\n.cache-safety-mark { color: inherit; }\n');
    const build = await runBuild(dir, [], ENV);
    expect(build.code, build.stderr).toBe(0);
    expect(build.stdout).toMatch(/rendered (\d+) of \1 /);
    const after = await stylesheets();
    expect(after).toHaveLength(1);
    expect(after[0]).not.toBe(before);
    expect(await readFile(join(dir, '_site', 'assets', 'css', after[0] as string), 'utf8')).toContain('.cache-safety-mark');
    expect(await readFile(join(dir, '_site', 'index.html'), 'utf8')).toContain(`/assets/css/${after[0]}`);
    await expectEqualToClean(dir, ENV);
  });
});

describe('a site changed behind the build', () => {
  it('rebuilds a page removed or edited in _site, and drops a file added to it', async () => {
    const article = join(dir, '_site', 'articles', 'a000000000000001', 'index.html');
    await unlink(join(dir, '_site', 'index.html'));
    await writeFile(article, 'edited by a deploy step');
    await writeFile(join(dir, '_site', 'stray.txt'), 'left by someone');
    const build = await runBuild(dir, [], ENV);
    expect(build.code, build.stderr).toBe(0);
    expect(build.stdout).toMatch(/rendered 2 of/);
    await expectEqualToClean(dir, ENV);
  });

  it('makes again a precompressed copy removed or written into in _site, rendering no page for it', async () => {
    const article = join(dir, '_site', 'articles', 'a000000000000001', 'index.html');
    await unlink(`${article}.br`);
    await writeFile(join(dir, '_site', 'feed.xml.gz'), 'not gzip');
    const build = await runBuild(dir, [], ENV);
    expect(build.code, build.stderr).toBe(0);
    expect(build.stdout).toMatch(/rendered 0 of/);
    await expectEqualToClean(dir, ENV);
  });
});

describe('a copied project', () => {
  it.each([
    // fs.cp keeps no hard link and no file time: every file of the copy is a new one, and the
    // spare site in the cache is no longer the live site's files: it is in doubt, not used.
    ['without its hard links (fs.cp)', (to: string) => cp(dir, to, { recursive: true }), 'unchanged linked'],
    // cp -a keeps them: the spare's files are still the live site's, under their new stamps.
    ['with its hard links (cp -a)', (to: string) => run('cp', ['-a', dir, to]), 'spare updated'],
  ])('%s renders no page and compresses no copy: every file has a new inode, and its bytes are the recorded ones', async (_how, copyTo, step) => {
    expect((await runBuild(dir, [], ENV)).stdout).toMatch(/up to date/);
    const copy = `${dir}-copy`;
    await copyTo(copy);
    try {
      const brotliCopy = join(copy, '_site', 'articles', 'a000000000000001', 'index.html.br');
      const before = (await stat(brotliCopy)).ino;
      const build = await runBuild(copy, ['--timings'], ENV);
      expect(build.code, build.stderr).toBe(0);
      expect(build.stderr).toBe('');
      expect(build.stdout).toMatch(/rendered 0 of [1-9]/);
      expect(build.stdout).toContain(`  ${step} `);
      // Nor is a precompressed copy made again: its bytes hash to the sum its record holds.
      expect((await stat(brotliCopy)).ino).toBe(before);
      await expectEqualToClean(copy, ENV);
      expect((await runBuild(copy, [], ENV)).stdout).toMatch(/up to date/);
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });
});

describe('--timings', () => {
  it('prints the seconds of each step the publish took, the parts of the search step among them', async () => {
    await writeArticles(dir, 1, 'عنوان للتوقيت');
    const build = await runBuild(dir, ['--timings'], ENV);
    expect(build.code, build.stderr).toBe(0);
    const steps = [...build.stdout.matchAll(/^ {2}(.+?) +(\d+\.\d\d) s$/gmu)].map((match) => [match[1], Number(match[2])] as const);
    expect(steps.map(([step]) => step)).toEqual(expect.arrayContaining(['state loaded', 'render', 'search: pages found', 'search: 1 segments indexed', 'swapped in', 'state saved']));
    const total = Number(/built _site in (\d+\.\d) s/u.exec(build.stdout)?.[1]);
    const sum = steps.reduce((seconds, [, step]) => seconds + step, 0);
    // Every step from the build's start to its end: they add up to its total, but for rounding.
    expect(Math.abs(sum - total)).toBeLessThanOrEqual(0.05 + 0.005 * steps.length);
    await expectEqualToClean(dir, ENV);
  });
});

describe('a layout changed', () => {
  /** The build's line for the article files, as --timings prints it. */
  const parsedLine = (stdout: string): string | undefined => /^ {2}(articles read \(\d+ of \d+ files parsed\))/mu.exec(stdout)?.[1];

  it('renders every page again but reads no article again, and the site equals a clean build', async () => {
    await appendFile(join(dir, 'layouts', 'partials', 'footer.njk'), '\n<!-- cache-safety: a layout changed -->\n');
    const build = await runBuild(dir, ['--timings'], ENV);
    expect(build.code, build.stderr).toBe(0);
    expect(build.stdout).toMatch(/rendered (\d+) of \1 pages/);
    expect(parsedLine(build.stdout)).toBe('articles read (0 of 30 files parsed)');
    await expectEqualToClean(dir, ENV);
  });

  it('is not the code that reads an article: a change there reads every article again', async () => {
    await appendFile(join(dir, 'scripts', 'lib', 'content', 'front-matter.ts'), '\n// cache-safety: the code that reads an article changed\n');
    const build = await runBuild(dir, ['--timings'], ENV);
    expect(build.code, build.stderr).toBe(0);
    expect(parsedLine(build.stdout)).toBe('articles read (30 of 30 files parsed)');
    await expectEqualToClean(dir, ENV);
  });
});

describe('a build killed half way', () => {
  it('leaves the last site, and the next build runs (the lock died with it) and equals a clean one', async () => {
    await writeArticles(dir, 30, 'صياغة جديدة');
    const child = spawn(process.execPath, [...BUILD_NODE_FLAGS, '--import', 'tsx', 'scripts/build.ts'], {
      cwd: dir, env: { ...process.env, ...ENV }, stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
    // Kill as soon as the build has started writing pages into its staging folder.
    for (let waited = 0; waited < 60_000; waited += 20) {
      const staging = (await readdir(dir)).find((name) => name.startsWith('._site-build-'));
      if (staging && (await readdir(join(dir, staging), { recursive: true }).catch(() => [])).length > 10) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const next = await runBuild(dir, [], ENV);
    expect(next.code, next.stderr).toBe(0);
    expect((await readdir(dir)).filter((name) => name.startsWith('._site-'))).toEqual([]);
    await expectEqualToClean(dir, ENV);
  });
});

describe('two builds at once', () => {
  it('run one at a time: the second says so clearly and leaves the site alone', async () => {
    await writeArticles(dir, 30, 'نسخة ثالثة');
    // The first build, holding the lock as long as the test likes.
    const lock = await acquireBuildLock(join(dir, '.cache', 'build', 'site', 'production'));
    try {
      const second = await runBuild(dir, [], ENV);
      expect(second.code).toBe(1);
      expect(second.stderr).toMatch(/^another build is running with the cache .*; wait for it to finish and build again\n$/);
    } finally {
      await lock.release();
    }
    const [first, again] = await Promise.all([runBuild(dir, [], ENV), runBuild(dir, [], ENV)]);
    expect([first, again].filter((build) => build.code === 0).length).toBeGreaterThanOrEqual(1);
    await expectEqualToClean(dir, ENV);
  });
});
