// The commands' launcher (scripts/run-command.mjs) runs a command from the kept bundle only
// while the record of it holds in every byte (command-bundle.ts): the project's modules, the
// lock file, the bundle's own files, the Node release. Else it goes through tsx and keeps a
// new bundle. A bundled build finds its workers and files in the project it runs in.
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { cp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_COMMANDS, COMMAND_RECORD, commandBundlesDir, commandRecordFile, withModulePlace, type CommandRecord } from '../../scripts/lib/fs/command-bundle.ts';
import { BUILD_NODE_FLAGS } from '../../scripts/lib/site/build-node-flags.ts';
import { PROJECT_DIR } from '../support/fixture-site.ts';
import { createProjectCopy, writeArticles } from '../support/project-copy.ts';

const run = promisify(execFile);
const sha256 = (text: string | Buffer): string => createHash('sha256').update(text).digest('hex');
const MARK = 'ran from the marked bundle';

let dir: string;
/** Bundle folders this file made beside the shared ones (never a shared one edited: other copies run from them). */
const madeBundles: string[] = [];

async function launch(command: string, args: string[], flags: readonly string[] = []): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [...flags, 'scripts/run-command.mjs', command, ...args], {
      cwd: dir, env: { ...process.env, SITE_NOW: '2026-01-01T12:00:00Z' }, maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : 1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

const readRecord = async (): Promise<CommandRecord> => JSON.parse(await readFile(commandRecordFile(dir), 'utf8')) as CommandRecord;
const writeRecord = (record: CommandRecord): Promise<void> => writeFile(commandRecordFile(dir), JSON.stringify(record));

/**
 * A copy of the recorded bundle under a name of its own, whose `command` entry also prints
 * MARK, and a record of it: `honest` with the marked entry's own SHA-256, else with the
 * unmarked one's (a bundle changed after it was recorded).
 */
async function markedBundle(command: string, honest: boolean): Promise<CommandRecord> {
  const record = await readRecord();
  const name = `commands-${randomBytes(8).toString('hex')}`;
  const folder = join(commandBundlesDir(dir), name);
  madeBundles.push(folder);
  await cp(join(commandBundlesDir(dir), record.bundle), folder, { recursive: true });
  const entry = join(folder, `${command}.js`);
  const marked = `${await readFile(entry, 'utf8')}\nprocess.stdout.write(${JSON.stringify(`${MARK}\n`)});\n`;
  await writeFile(entry, marked);
  return { ...record, bundle: name, outputs: { ...record.outputs, ...(honest ? { [`${command}.js`]: sha256(marked) } : {}) } };
}

beforeAll(async () => {
  dir = await createProjectCopy('command-bundle');
});

afterAll(async () => {
  await Promise.all([...madeBundles, dir].map((path) => rm(path, { recursive: true, force: true })));
});

describe('the commands\' launcher', () => {
  it('agrees with command-bundle.ts on the commands, the record and the module-place global', async () => {
    const launcher = await readFile(join(PROJECT_DIR, 'scripts', 'run-command.mjs'), 'utf8');
    expect(launcher).toContain(`const COMMANDS = [${BUNDLED_COMMANDS.map((command) => `'${command}'`).join(', ')}];`);
    expect(launcher).toContain(`const RECORD_KIND = '${COMMAND_RECORD.kind}';`);
    expect(launcher).toContain(`const RECORD_FORMAT = ${COMMAND_RECORD.format};`);
    expect(launcher).toContain(`const MODULE_PLACE = '${COMMAND_RECORD.modulePlace}';`);
  });

  it('gives a bundled module its place in the project, by its path there, and leaves import.meta.resolve alone', () => {
    const source = "const a = new URL('./w.ts', import.meta.url); const b = join(import.meta.dirname, 'x'); const c = import.meta.filename; const d = import.meta.resolve('pagefind');";
    const placed = withModulePlace(source, 'scripts/lib/fs/w.ts');
    const place = 'globalThis[Symbol.for("arabic-newsroom.module-place")]("scripts/lib/fs/w.ts")';
    expect(placed).toBe(`const a = new URL('./w.ts', ${place}.url); const b = join(${place}.dirname, 'x'); const c = ${place}.filename; const d = import.meta.resolve('pagefind');`);
  });

  it('runs a command through tsx the first time, and records a bundle of all three made of the files as they are', async () => {
    const first = await launch('ingest', ['--help']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Usage: npm run ingest -- /u);
    const record = await readRecord();
    for (const command of BUNDLED_COMMANDS) {
      expect(record.outputs).toHaveProperty([`${command}.js`]);
      expect(record.inputs).toHaveProperty([`scripts/${command}.ts`]);
    }
    for (const [path, sum] of Object.entries(record.inputs)) expect(sha256(await readFile(join(dir, path))), path).toBe(sum);
    for (const [path, sum] of Object.entries(record.outputs)) expect(sha256(await readFile(join(commandBundlesDir(dir), record.bundle, path))), path).toBe(sum);
  });

  it('runs the recorded bundle while everything it was made of and is holds', async () => {
    await writeRecord(await markedBundle('ingest', true));
    const { stdout } = await launch('ingest', ['--help']);
    expect(stdout).toMatch(/^Usage: npm run ingest -- /u);
    expect(stdout).toContain(MARK);
  });

  it('runs a command asked for stack traces (--verbose) through tsx: they name the TypeScript sources', async () => {
    await writeRecord(await markedBundle('build', true));
    expect((await launch('build', ['--help'])).stdout).toContain(MARK);
    const verbose = await launch('build', ['--help', '--verbose']);
    expect(verbose.stdout).toMatch(/^Usage: npm run build -- /u);
    expect(verbose.stdout).not.toContain(MARK);
  });

  it('does not run a bundle changed since it was recorded, nor one of another Node release: it goes through tsx and records a sound one', async () => {
    for (const record of [await markedBundle('ingest', false), { ...await markedBundle('ingest', true), node: '0.0.0' }]) {
      await writeRecord(record);
      const { stdout } = await launch('ingest', ['--help']);
      expect(stdout).toMatch(/^Usage: npm run ingest -- /u);
      expect(stdout).not.toContain(MARK);
      expect((await readRecord()).bundle).not.toBe(record.bundle);
    }
  });

  it('does not run a bundle of a module since edited: the edit shows at once, and the next bundle holds it', async () => {
    await writeRecord(await markedBundle('ingest', true));
    const module = join(dir, 'scripts', 'lib', 'ingest', 'ingest-command.ts');
    const source = await readFile(module, 'utf8');
    expect(source).toContain('Usage: npm run ingest -- ');
    await writeFile(module, source.replace('Usage: npm run ingest -- ', 'Usage (edited): npm run ingest -- '));
    const edited = await launch('ingest', ['--help']);
    expect(edited.stdout).toMatch(/^Usage \(edited\): npm run ingest -- /u);
    expect(edited.stdout).not.toContain(MARK);
    const record = await readRecord();
    expect(record.inputs['scripts/lib/ingest/ingest-command.ts']).toBe(sha256(await readFile(module)));
    const bundled = await readFile(join(commandBundlesDir(dir), record.bundle, 'ingest.js'), 'utf8');
    const chunks = await Promise.all(Object.keys(record.outputs).map((path) => readFile(join(commandBundlesDir(dir), record.bundle, path), 'utf8')));
    expect(bundled + chunks.join('')).toContain('Usage (edited): npm run ingest -- ');
    await writeFile(module, source);
  });

  it('says so when it cannot keep a bundle, and still runs the command', async () => {
    const lock = join(dir, 'package-lock.json');
    const text = await readFile(lock);
    await rm(lock);
    try {
      const run = await launch('ingest', ['--help']);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^Usage: npm run ingest -- /u);
      expect(run.stderr).toMatch(/^run-command: no bundle of the commands was kept \(.*package-lock\.json.*\); the next run goes through tsx again\n$/u);
    } finally {
      await writeFile(lock, text);
    }
  });

  it('builds the site from the bundle: its render lanes, Pagefind and the browser scripts found where the project is', async () => {
    await launch('ingest', ['--help']);
    await writeArticles(dir, 3);
    await writeRecord(await markedBundle('build', true));
    const built = await launch('build', [], BUILD_NODE_FLAGS);
    expect(built.code, built.stderr).toBe(0);
    expect(built.stdout).toContain(MARK);
    for (const file of ['index.html', 'pagefind/pagefind.js', 'sw.js', 'feed.xml']) expect((await stat(join(dir, '_site', file))).size, file).toBeGreaterThan(0);
  });
});
