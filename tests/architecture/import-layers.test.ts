// The project's layers, read from its own imports: every import between folders points down
// this list, never up, so no two folders depend on each other and a newcomer can read the
// code from the bottom up. Code the browser shares with Node (scripts/lib/arabic, config,
// the article model's pure dates) sits low and imports nothing above it.
// Run alone: npx vitest run tests/architecture/import-layers.test.ts
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

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

const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)|^import\s+['"](\.{1,2}\/[^'"]+)['"]/gm;

interface Link { from: string; to: string; fromLayer: string; toLayer: string }

/** The project files a file imports (relative imports), root-relative. */
function importsOf(file: string): string[] {
  return [...readFileSync(join(ROOT, file), 'utf8').matchAll(IMPORT)]
    .map((match) => relative(ROOT, resolve(ROOT, dirname(file), match[1] ?? match[2] ?? match[3] ?? '')).split('\\').join('/'));
}

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

  it('has no link pointing up a layer', () => {
    const upwards = links().filter((link) => rank(link.toLayer) > rank(link.fromLayer)).map((link) => `${link.from} → ${link.to}`);
    expect(upwards).toEqual([]);
  });
});
