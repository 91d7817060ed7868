import { describe, expect, it } from 'vitest';
import { modulesLoadedBy, relativeImports } from '../../scripts/lib/fs/module-imports.ts';
import { useTempDirs, writeTree } from '../support/temp-dir.ts';

const tempDir = useTempDirs('module-imports-');

async function project(files: Record<string, string>): Promise<string> {
  const root = await tempDir();
  await writeTree(root, files);
  return root;
}

describe('relativeImports', () => {
  it('sees every way a module loads another, and only the relative ones', async () => {
    const root = await project({
      'lib/a.ts': [
        "import { b } from './b.ts';",
        "import type { C } from '../types/c.ts';",
        'import {',
        '  d,',
        "} from './d.ts';",
        "export * from './e.ts';",
        "import './f.ts';",
        "const { g } = await import('./g.ts');",
        "const worker = new URL('./h.ts', import.meta.url);",
        "import { parse } from 'yaml';",
        "import { join } from 'node:path';",
      ].join('\n'),
      ...Object.fromEntries(['lib/b.ts', 'types/c.ts', 'lib/d.ts', 'lib/e.ts', 'lib/f.ts', 'lib/g.ts', 'lib/h.ts'].map((file) => [file, ''])),
    });
    expect(relativeImports(root, 'lib/a.ts')).toEqual(['lib/b.ts', 'types/c.ts', 'lib/d.ts', 'lib/e.ts', 'lib/f.ts', 'lib/g.ts', 'lib/h.ts']);
  });

  it('leaves out a specifier that names no file, or one outside the root', async () => {
    const root = await project({ 'a.ts': "// as in: import { x } from './missing.ts';\nimport { y } from '../outside.ts';\n" });
    expect(relativeImports(root, 'a.ts')).toEqual([]);
  });
});

describe('modulesLoadedBy', () => {
  it('follows the modules the entries reach, once each, and nothing they do not', async () => {
    const root = await project({
      'entry.ts': "import './lib/one.ts';",
      'lib/one.ts': "import { two } from './two.ts';",
      'lib/two.ts': "import { one } from './one.ts';\nconst lane = new URL('./worker.ts', import.meta.url);",
      'lib/worker.ts': '',
      'lib/unreached.ts': "import { two } from './two.ts';",
    });
    expect(modulesLoadedBy(root, ['entry.ts'])).toEqual(['entry.ts', 'lib/one.ts', 'lib/two.ts', 'lib/worker.ts']);
  });
});
