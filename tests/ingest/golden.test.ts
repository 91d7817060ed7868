// The bundled sample content is the contract: ingesting the raw fixtures must reproduce
// content/articles byte for byte — but for what an editor added on purpose, which the
// bundled site shows (the sports article's picture), and which ingest must see as an
// editor's change.

import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateArticleFrontMatter } from '../../scripts/lib/content/article-schema.ts';
import { walkFiles } from '../../scripts/lib/fs/walk-files.ts';
import { readFrontMatter } from '../../scripts/lib/content/front-matter.ts';
import { isUntouchedIngestOutput } from '../../scripts/lib/ingest/article-document.ts';
import { runIngestCommand } from '../../scripts/lib/ingest/ingest-command.ts';
import { useTempDirs } from '../support/temp-dir.ts';

const PROJECT = fileURLToPath(new URL('../../', import.meta.url));
const RAW = join(PROJECT, 'tests/fixtures/raw');
const BUNDLED = join(PROJECT, 'content/articles');
const makeTempDir = useTempDirs('golden-');

/** Front-matter fields an editor added to bundled articles after ingest. */
const EDITOR_ADDITIONS: Readonly<Record<string, readonly string[]>> = {
  '2017/07/8f41d2c6e9a3b750.md': ['image'],
};

/** The document without the editor's additions: the top-level field and its indented lines. */
function withoutEditorAdditions(path: string, document: string): string {
  let text = document;
  for (const field of EDITOR_ADDITIONS[path] ?? []) text = text.replace(new RegExp(`^${field}:.*\\n(?:[ \\t].*\\n)*`, 'm'), '');
  return text;
}

async function markdownFiles(folder: string): Promise<string[]> {
  const found: string[] = [];
  for await (const path of walkFiles(folder)) if (path.endsWith('.md')) found.push(relative(folder, path).split('\\').join('/'));
  return found;
}

async function ingestFixtures(outDir: string, inputs: string[] = [RAW]): Promise<number> {
  return runIngestCommand([...inputs, '--out', outDir], { stdout: () => {}, stderr: () => {}, isTerminal: false, cwd: PROJECT });
}

describe('golden: the bundled sample content', () => {
  it('is reproduced byte for byte by ingesting tests/fixtures/raw', async () => {
    const out = await makeTempDir();
    expect(await ingestFixtures(out)).toBe(0);
    const written = await markdownFiles(out);
    const bundled = await markdownFiles(BUNDLED);
    expect(written).toEqual(bundled);
    expect(written).toHaveLength(6);
    for (const path of bundled) {
      const [actual, bundledBytes] = await Promise.all([readFile(join(out, path)), readFile(join(BUNDLED, path))]);
      const expected = Buffer.from(withoutEditorAdditions(path, bundledBytes.toString('utf8')));
      expect(actual.toString('utf8'), path).toBe(expected.toString('utf8'));
      expect(actual.equals(expected), `${path} differs in its bytes`).toBe(true);
    }
  });

  it('ingests the seed article to exactly content/articles/2017/07/f4b3dfa3adcd8716.md', async () => {
    const out = await makeTempDir();
    expect(await ingestFixtures(out, [join(RAW, '000_f4b3dfa3adcd8716.txt')])).toBe(0);
    expect(await markdownFiles(out)).toEqual(['2017/07/f4b3dfa3adcd8716.md']);
    const expected = await readFile(join(BUNDLED, '2017/07/f4b3dfa3adcd8716.md'), 'utf8');
    expect(await readFile(join(out, '2017/07/f4b3dfa3adcd8716.md'), 'utf8')).toBe(expected);
  });

  it('is valid, untouched ingest output in every bundled article but for the editor\'s additions, which ingest sees as an edit', async () => {
    for (const path of await markdownFiles(BUNDLED)) {
      const document = await readFile(join(BUNDLED, path), 'utf8');
      expect({ path, problems: validateArticleFrontMatter(readFrontMatter(document)) }).toEqual({ path, problems: [] });
      expect({ path, untouched: isUntouchedIngestOutput(withoutEditorAdditions(path, document)) }).toEqual({ path, untouched: true });
      expect({ path, untouched: isUntouchedIngestOutput(document) }).toEqual({ path, untouched: !(path in EDITOR_ADDITIONS) });
    }
  });
});
