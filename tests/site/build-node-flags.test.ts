// `npm run build` and `npm start` run with the Node options the benchmark gives its build stage and its preview probe.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_NODE_FLAGS, PREVIEW_NODE_FLAGS } from '../../scripts/lib/site/build-node-flags.ts';
import { PROJECT_DIR } from '../support/fixture-site.ts';

describe("the scripts' Node options", () => {
  it('BUILD_NODE_FLAGS are the options of npm run build', async () => {
    const { scripts } = JSON.parse(await readFile(join(PROJECT_DIR, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.build).toBe(`node ${BUILD_NODE_FLAGS.join(' ')} --import tsx scripts/build.ts`);
  });

  it('PREVIEW_NODE_FLAGS are the options of npm start, which the preview probe of the benchmark runs with', async () => {
    const { scripts } = JSON.parse(await readFile(join(PROJECT_DIR, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.start).toBe(`node ${PREVIEW_NODE_FLAGS.join(' ')} --import tsx scripts/start.ts`);
  });
});
