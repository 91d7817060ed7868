// npm run publish as an editor runs it, in a project copy: the raw files ingested and the
// site built with them in one process, equal to a clean build of the articles it wrote; a
// bad file named and left out while the others are published; nothing done on a usage error.
import { cp, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runPublishCommand } from '../../scripts/lib/build/publish-command.ts';
import { createProjectCopy, expectEqualToClean, runPublish } from '../support/project-copy.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const ENV = { SITE_NOW: '2017-08-01T12:00:00+03:00' };
/** The sample raw articles' ids (their file names end in them). */
const SAMPLE_IDS = ['f4b3dfa3adcd8716', '3c9e1a7b52d04f86', '8f41d2c6e9a3b750', 'b7250e94c1f86a3d', 'e02d9c4b7a6f1358', '5a18f3e6d2c7094b'];

const made: string[] = [];
afterAll(async () => { await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))); });
async function projectCopy(): Promise<string> {
  const dir = await createProjectCopy('publish');
  made.push(dir);
  return dir;
}
const exists = (path: string): Promise<boolean> => stat(path).then(() => true, () => false);

describe('npm run publish', () => {
  it('ingests the sample raw articles and builds the site with them, as a clean build would', async () => {
    const dir = await projectCopy();
    const run = await runPublish(dir, ['--timings', join(FIXTURES, 'raw')], ENV);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/6 files: 6 created/u);
    expect(run.stdout).toMatch(/^built _site in [\d.]+ s: rendered \d+ of \d+ pages/mu);
    expect(run.stdout).toMatch(/^ {2}render +[\d.]+ s$/mu);
    expect(run.stdout).not.toMatch(/^ {2}content ready/mu);
    expect(run.stdout).toMatch(/^published in [\d.]+ s: ingest [\d.]+ s, the build done [\d.]+ s after it; rendered \d+ of \d+ pages, \d+ of \d+ search segments indexed\n$/mu);
    for (const id of SAMPLE_IDS) expect(await exists(join(dir, '_site', 'articles', id, 'index.html')), id).toBe(true);
    await expectEqualToClean(dir, ENV);

    // Published again: nothing new, and the site stays as it was.
    const again = await runPublish(dir, [join(FIXTURES, 'raw')], ENV);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/6 unchanged/u);
    expect(again.stdout).toMatch(/^_site is up to date/mu);
    expect(again.stdout).toMatch(/^published in [\d.]+ s: ingest [\d.]+ s, the build done [\d.]+ s after it; nothing to render\n$/mu);
  }, 240_000);

  it('in a large archive, ingests on a thread of its own while the build reads its cache, with the same site', async () => {
    const dir = await projectCopy();
    // In this process, with the archive deemed large from any size of ingest's state.
    const publish = async (args: string[]): Promise<{ code: number; stdout: string; stderr: string }> => {
      const run = { code: 0, stdout: '', stderr: '' };
      run.code = await runPublishCommand(args, {
        stdout: (text) => { run.stdout += text; }, stderr: (text) => { run.stderr += text; },
        isTerminal: false, cwd: dir, env: { ...process.env, ...ENV }, projectDir: dir,
      }, { ingestThreadFromStateBytes: 0 });
      return run;
    };
    const badDate = await publish([join(FIXTURES, 'raw'), '--date', '2017-02-30']);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toMatch(/--date must be a real day/u);
    expect(await exists(join(dir, '_site'))).toBe(false);

    const run = await publish(['--timings', join(FIXTURES, 'raw')]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/6 files: 6 created/u);
    // The build waited for the content: the step its clock marks when ingest is done.
    expect(run.stdout).toMatch(/^ {2}content ready +[\d.]+ s$/mu);
    expect(run.stdout).toMatch(/^published in [\d.]+ s: ingest [\d.]+ s, the build done [\d.]+ s after it; rendered \d+ of \d+ pages/mu);
    await expectEqualToClean(dir, ENV);
    // And the step is not there when ingest ran first, as it does in a small archive (the test above).
  }, 240_000);

  it('names a file it cannot ingest, publishes the others, and exits 1', async () => {
    const dir = await projectCopy();
    const raw = await mkdtemp(join(tmpdir(), 'publish-raw-'));
    made.push(raw);
    await cp(join(FIXTURES, 'raw'), raw, { recursive: true });
    await cp(join(FIXTURES, 'raw-edge-cases', '16-empty.txt'), join(raw, '16-empty.txt'));
    const run = await runPublish(dir, [raw], ENV);
    expect(run.code).toBe(1);
    expect(`${run.stdout}${run.stderr}`).toMatch(/16-empty\.txt/u);
    expect(run.stdout).toMatch(/1 rejected/u);
    expect(run.stdout).toMatch(/^published in .* \(with problems: see above\)$/mu);
    for (const id of SAMPLE_IDS) expect(await exists(join(dir, '_site', 'articles', id, 'index.html')), id).toBe(true);
  }, 240_000);

  it('ingests and builds nothing on a usage error', async () => {
    const dir = await projectCopy();
    const noRaw = await runPublish(dir, [], ENV);
    expect(noRaw.code).toBe(2);
    expect(noRaw.stderr).toMatch(/^publish: name at least one raw file or folder/u);
    const badDate = await runPublish(dir, [join(FIXTURES, 'raw'), '--date', '2017-02-30'], ENV);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toMatch(/--date must be a real day/u);
    const badNow = await runPublish(dir, [join(FIXTURES, 'raw')], { SITE_NOW: 'yesterday' });
    expect(badNow.code).toBe(2);
    expect(badNow.stderr).toMatch(/SITE_NOW/u);
    expect(await readdir(join(dir, 'content', 'articles')).catch(() => [])).toEqual([]);
    expect(await exists(join(dir, '_site'))).toBe(false);
  }, 120_000);
});
