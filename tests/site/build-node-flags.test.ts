// `npm run build`, `npm run publish` and `npm start` run with the Node options the benchmark gives its build stage and its preview probe.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_NODE_FLAGS, PREVIEW_NODE_FLAGS } from '../../scripts/lib/site/build-node-flags.ts';
import { PROJECT_DIR } from '../support/fixture-site.ts';

describe("the scripts' Node options", () => {
  it.each([
    ['build', BUILD_NODE_FLAGS, 'scripts/build.ts'],
    ['publish', BUILD_NODE_FLAGS, 'scripts/publish.ts'],
    ['start', PREVIEW_NODE_FLAGS, 'scripts/start.ts'],
  ])('npm %s runs node with its flags', async (script, flags, entry) => {
    const { scripts } = JSON.parse(await readFile(join(PROJECT_DIR, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts[script]).toBe(`node ${flags.join(' ')} --import tsx ${entry}`);
  });
});
