// `npm run build`, `npm run publish` and `npm start` run with the Node options the benchmark gives its build stage and its preview probe
// (build and publish through the commands' launcher, scripts/run-command.mjs, as the benchmark runs them).
// A large build bounds its heap's growth at run time, and V8 honours it.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { BUILD_NODE_FLAGS, PREVIEW_NODE_FLAGS } from '../../scripts/lib/site/build-node-flags.ts';
import { PROJECT_DIR } from '../support/fixture-site.ts';

/** The full collections (node --trace-gc) of a process that keeps eight million small objects, with its heap growth bounded at run time or not. */
async function fullCollections(bounded: boolean): Promise<number> {
  const module = pathToFileURL(join(PROJECT_DIR, 'scripts/lib/site/build-node-flags.ts')).href;
  const script = [
    `const { boundHeapGrowth } = await import(${JSON.stringify(module)});`,
    'if (process.env.BOUNDED === "yes") boundHeapGrowth();',
    'const kept = [];',
    'for (let i = 0; i < 8_000_000; i += 1) kept.push({ i, text: `x${i}` });',
  ].join('\n');
  const { stdout } = await promisify(execFile)(process.execPath, [...BUILD_NODE_FLAGS, '--trace-gc', '--import', 'tsx', '--input-type=module', '--eval', script], {
    cwd: PROJECT_DIR, env: { ...process.env, BOUNDED: bounded ? 'yes' : 'no' }, maxBuffer: 16 * 1024 * 1024,
  });
  return stdout.split('\n').filter((line) => line.includes('Mark-Compact')).length;
}

describe("the scripts' Node options", () => {
  it.each([
    ['build', BUILD_NODE_FLAGS, 'scripts/run-command.mjs build'],
    ['publish', BUILD_NODE_FLAGS, 'scripts/run-command.mjs publish'],
    ['start', PREVIEW_NODE_FLAGS, '--import tsx scripts/start.ts'],
  ])('npm %s runs node with its flags', async (script, flags, entry) => {
    const { scripts } = JSON.parse(await readFile(join(PROJECT_DIR, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts[script]).toBe(`node ${flags.join(' ')} ${entry}`);
  });

  it('bound a large build\'s heap growth when set at run time: V8 reads the flag at each full collection', async () => {
    // Were a Node release to ignore the flag set at run time, a large build would peak at
    // four times its live heap again: this fails first. With four million objects the count
    // was 2 against 3–4 on a loaded machine (npm run test:unit), too close; with eight, 3
    // against 5 whether the machine was idle or busy.
    const [unbounded, bounded] = await Promise.all([fullCollections(false), fullCollections(true)]);
    expect(bounded).toBeGreaterThan(unbounded + 1);
  });
});
