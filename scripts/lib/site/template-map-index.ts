// Eleventy 3.1 finds a page's entry by its input path with a linear search of every page
// (TemplateMap#getMapEntryForInputPath), and asks once per page while ordering them and once
// per item of collections.all: quadratic in the archive — about N²/2 string comparisons,
// 5·10⁹ at 100,000 articles. This replaces the search with a lookup in an index of the same
// entries, giving the same answer (the first entry, in map order, whose input path is the
// one asked or its absolute form). Applied only to the Eleventy version it was checked
// against; any other keeps its own search.

import { createRequire } from 'node:module';
import { eleventyInternal } from './eleventy-internals.ts';

interface MapEntry {
  inputPath: string;
}

interface TemplateMapLike {
  map: MapEntry[];
  getMapEntryForInputPath(inputPath: string): MapEntry | undefined;
}

/** The Eleventy whose TemplateMap this was read against. */
export const INDEXED_ELEVENTY_VERSION = '3.1.8';

interface PositionIndex {
  /** Entries indexed: the map only grows (pages are added, never removed, during a build). */
  size: number;
  /** Each input path's first position in the map. */
  first: Map<string, number>;
}

/**
 * A lookup equivalent to Eleventy's: `absolutePath` is its TemplatePath.absolutePath. The
 * index is rebuilt when the map has grown (or been replaced) since it was built.
 */
export function indexedLookup(absolutePath: (path: string) => string): (this: TemplateMapLike, inputPath: string) => MapEntry | undefined {
  const indexes = new WeakMap<MapEntry[], PositionIndex>();
  return function getMapEntryForInputPath(this: TemplateMapLike, inputPath: string): MapEntry | undefined {
    let index = indexes.get(this.map);
    if (!index || index.size !== this.map.length) {
      const first = index && index.size < this.map.length ? index.first : new Map<string, number>();
      for (let position = index && index.size < this.map.length ? index.size : 0; position < this.map.length; position += 1) {
        const path = this.map[position]?.inputPath;
        if (path !== undefined && !first.has(path)) first.set(path, position);
      }
      index = { size: this.map.length, first };
      indexes.set(this.map, index);
    }
    const asked = index.first.get(inputPath);
    const absolute = index.first.get(absolutePath(inputPath));
    const position = asked === undefined ? absolute : absolute === undefined ? asked : Math.min(asked, absolute);
    return position === undefined ? undefined : this.map[position];
  };
}

/** Installs the indexed lookup into the running Eleventy's TemplateMap; false when the version differs. */
export async function indexTemplateMapLookups(): Promise<boolean> {
  const templateMap = await eleventyInternal<{ default: { prototype: TemplateMapLike } }>('TemplateMap.js', INDEXED_ELEVENTY_VERSION);
  if (!templateMap) return false;
  // Eleventy's own path helper (a pure function of the path and the working folder), taken
  // from where Eleventy takes it.
  const { TemplatePath } = createRequire(import.meta.resolve('@11ty/eleventy'))('@11ty/eleventy-utils') as { TemplatePath: { absolutePath(path: string): string } };
  templateMap.default.prototype.getMapEntryForInputPath = indexedLookup((path) => TemplatePath.absolutePath(path));
  return true;
}

/** The Eleventy plugin: installs the lookup before Eleventy maps the pages (plugins run first). */
export async function templateMapIndexPlugin(): Promise<void> {
  await indexTemplateMapLookups();
}
