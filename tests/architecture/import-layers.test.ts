// The project's layers, read from its own imports: every import between folders points down
// this list, never up, so no two folders depend on each other and a newcomer can read the
// code from the bottom up. Code the browser shares with Node (scripts/lib/arabic, config,
// the article model's pure dates) sits low and imports nothing above it.
// Run alone: npx vitest run tests/architecture/import-layers.test.ts
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { relativeImports } from '../../scripts/lib/fs/module-imports.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** Bottom first: a folder may import from itself and from folders before it. */
const LAYERS = [
  // The base, shared with the browser or with every command: settings and reader-facing
  // strings, the Arabic layer, files, reading a command's arguments.
  'scripts/lib/config', 'scripts/lib/arabic', 'scripts/lib/fs', 'scripts/lib/cli',
  // The article model: its schema, front matter, dates.
  'scripts/lib/content',
  // Raw files into articles; the articles' pictures.
  'scripts/lib/ingest', 'scripts/lib/images',
  // The browser's scripts (and the contracts the build writes for them: cache names, segments).
  'assets/js',
  // Rendering the site; its search index and offline copy; the build that runs both, with its cache.
  'scripts/lib/site', 'scripts/lib/search', 'scripts/lib/build',
  // Serving it: npm run serve, npm start.
  'scripts/lib/serve',
  // The tools that measure the product.
  'scripts/tools/browser', 'scripts/tools/bench', 'scripts/tools/gates',
  // Entry points.
  'scripts',
] as const;

function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(folder, name).split('\\').join('/'));
}

/** The layer a file is in: its longest matching folder. */
function layerOf(file: string): string | undefined {
  return [...LAYERS].filter((folder) => file.startsWith(`${folder}/`)).sort((a, b) => b.length - a.length)[0];
}

interface Link { from: string; to: string; fromLayer: string; toLayer: string }

/** The project files a file loads (relative imports, workers beside it), root-relative: what the build fingerprint follows too. */
const importsOf = (file: string): string[] => relativeImports(ROOT, file);

/**
 * Loads by a computed name that are not of a project module: neither the layers above nor the
 * build fingerprint (build-fingerprint.ts) can see what such a load reaches, so each is named.
 */
const COMPUTED_LOADS = new Map([
  // The worker's bootstrap, as text: it registers tsx, then imports the module it was given by URL.
  ['scripts/lib/fs/typescript-worker.ts', 'import(${JSON.stringify('],
  // The same for a bundle of placed modules: the places defined, then the bundle imported by URL.
  ['scripts/lib/fs/worker-bundle.ts', 'import(${JSON.stringify(pathToFileURL(file).href)})'],
  // Ingest's own fingerprint: the folders of its code, hashed, not loaded.
  ['scripts/lib/ingest/ingest-state.ts', 'new URL(`${folder}/`, import.meta.url)'],
  // The browser loads the search bundle the build wrote into the site.
  ['assets/js/search-engine.ts', 'import(/* @vite-ignore */ `${this.bundle}pagefind.js`)'],
]);

function links(): Link[] {
  const found: Link[] = [];
  for (const file of [...sourceFiles('scripts'), ...sourceFiles('assets/js')]) {
    const fromLayer = layerOf(file);
    if (!fromLayer) continue;
    for (const to of importsOf(file)) {
      const toLayer = layerOf(to);
      if (toLayer && toLayer !== fromLayer) found.push({ from: file, to, fromLayer, toLayer });
    }
  }
  return found;
}

describe('the import graph', () => {
  const rank = (layer: string): number => LAYERS.indexOf(layer as (typeof LAYERS)[number]);

  it('has every source file in a layer', () => {
    const homeless = [...sourceFiles('scripts'), ...sourceFiles('assets/js')].filter((file) => !layerOf(file));
    expect(homeless).toEqual([]);
  });

  it('sees the links between folders (the check reads imports at all)', () => {
    const all = links();
    expect(all.length).toBeGreaterThan(100);
    expect(all).toContainEqual(expect.objectContaining({ from: 'scripts/lib/build/build-site.ts', toLayer: 'scripts/lib/search' }));
  });

  it('lets the browser reach into the library only through the shared base, which imports nothing else', () => {
    // What Node and the browser share: the Arabic layer, the reader-facing strings, and the
    // article model's dates as a reader sees them. The files the browser's scripts reach,
    // following every import from assets/js, must all be here, so they import only each other.
    const shared = (file: string): boolean => file.startsWith('scripts/lib/arabic/')
      || ['scripts/lib/config/locale-ar.ts', 'scripts/lib/content/article-date.ts', 'scripts/lib/content/format-date.ts'].includes(file);
    const reached = new Set<string>();
    const visit = (file: string): void => {
      for (const to of importsOf(file)) {
        if (to.startsWith('assets/js/') || reached.has(to)) continue;
        reached.add(to);
        visit(to);
      }
    };
    for (const file of sourceFiles('assets/js')) visit(file);
    expect([...reached]).toContain('scripts/lib/arabic/search-normalise.ts');
    expect([...reached].filter((file) => !shared(file)).sort()).toEqual([]);
  });

  it('loads no project module by a computed name, but those named in COMPUTED_LOADS', () => {
    const computed: string[] = [];
    for (const file of [...sourceFiles('scripts'), ...sourceFiles('assets/js'), '.eleventy.ts']) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      for (const match of text.matchAll(/import\(\s*(?!['"])[^)]|new URL\(\s*(?!['"])[^,)]*,\s*import\.meta\.url/g)) {
        const line = text.slice(text.lastIndexOf('\n', match.index) + 1, text.indexOf('\n', match.index));
        if (!line.includes(COMPUTED_LOADS.get(file) ?? '\0') && !/^\s*(\/\/|\*)/.test(line)) computed.push(`${file}: ${line.trim()}`);
      }
    }
    expect(computed).toEqual([]);
  });

  it('has no link pointing up a layer', () => {
    const upwards = links().filter((link) => rank(link.toLayer) > rank(link.fromLayer)).map((link) => `${link.from} → ${link.to}`);
    expect(upwards).toEqual([]);
  });
});
