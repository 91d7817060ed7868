// The browser's scripts as esbuild bundles them, kept between processes: what is kept is what
// the next build writes, until a file it was made of changes; the service worker gets each
// build's version and shell written into its kept bundle.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { build } from 'esbuild';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeChecked } from '../../scripts/lib/fs/checked-file.ts';
import { bundledFiles, writeServiceWorker } from '../../scripts/lib/search/browser-scripts.ts';
import { PROJECT_DIR } from '../support/fixture-site.ts';

let project: string;
beforeEach(async () => { project = await mkdtemp(join(tmpdir(), 'browser-scripts-')); });
afterEach(() => rm(project, { recursive: true, force: true }));

const keptFolder = (): string => join(project, 'node_modules', '.cache', 'arabic-newsroom-page-scripts');

async function writeSources(greeting: string): Promise<string> {
  await writeFile(join(project, 'words.ts'), `export const greeting: string = ${JSON.stringify(greeting)};\n`);
  await writeFile(join(project, 'page.ts'), "import { greeting } from './words.ts';\ndocument.title = greeting;\n");
  return join(project, 'page.ts');
}

describe('the kept bundles of the browser scripts', () => {
  it('are the bytes esbuild makes, given again from what was kept until a file they were made of changes', async () => {
    const entry = await writeSources('مرحبا');
    const options = { entryPoints: [entry], format: 'iife' as const };
    const made = await bundledFiles(options, { outdir: 'assets/js' }, project);
    const direct = await build({ entryPoints: [entry], bundle: true, minify: true, target: 'es2022', charset: 'utf8', legalComments: 'none', write: false, format: 'iife', outdir: join(project, 'out') });
    expect(made).toEqual([['assets/js/page.js', direct.outputFiles[0]?.text]]);
    expect(made[0]?.[1]).toContain('مرحبا');

    // What is kept is what the next call gives, without esbuild: kept outputs of other text show it.
    const [name, ...others] = await readdir(keptFolder());
    expect(others).toEqual([]);
    const file = join(keptFolder(), name as string);
    const kept = JSON.parse((await readFile(file, 'utf8')).slice(65)) as { inputs: [string, string][]; outputs: [string, string][] };
    expect(kept.inputs.map(([path]) => path).sort()).toEqual(['page.ts', 'words.ts']);
    await writeFile(file, encodeChecked(JSON.stringify({ ...kept, outputs: [['assets/js/page.js', 'kept']] })).bytes);
    expect(await bundledFiles(options, { outdir: 'assets/js' }, project)).toEqual([['assets/js/page.js', 'kept']]);

    // A module the page imports changed: bundled again, and kept again.
    await writeSources('أهلا');
    const remade = await bundledFiles(options, { outdir: 'assets/js' }, project);
    expect(remade[0]?.[1]).toContain('أهلا');
    expect(await bundledFiles(options, { outdir: 'assets/js' }, project)).toEqual(remade);

    // A damaged kept file is not trusted.
    await writeFile(file, (await readFile(file)).subarray(0, 80));
    expect(await bundledFiles(options, { outdir: 'assets/js' }, project)).toEqual(remade);
  });

  it('write the service worker with this build\'s version and shell, as a script a browser can parse', async () => {
    const write = async (version: string): Promise<string> => {
      await writeServiceWorker(project, version, [{ path: 'index.html', sha256: 'a'.repeat(64), bytes: 10 }] as never);
      return readFile(join(project, 'sw.js'), 'utf8');
    };
    const first = await write('v-1$&');
    const second = await write('v-2');
    for (const [code, version] of [[first, 'v-1$&'], [second, 'v-2']] as const) {
      expect(code).toContain(JSON.stringify(version));
      expect(code).toContain(JSON.stringify([{ path: 'index.html', sha256: 'a'.repeat(64), bytes: 10 }]));
      expect(code).not.toMatch(/__SW_\w+_OF_THIS_BUILD__/);
      expect(() => new Script(code)).not.toThrow();
    }
    // The version is all that differs between the two.
    expect(first.replaceAll(JSON.stringify('v-1$&'), JSON.stringify('v-2'))).toBe(second);
    // Kept in the project's cache, not the site's folder.
    expect(await readdir(join(PROJECT_DIR, 'node_modules', '.cache', 'arabic-newsroom-page-scripts'))).not.toHaveLength(0);
  });
});
