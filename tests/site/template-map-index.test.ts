// The indexed page lookup gives Eleventy's own answers (checked against its linear search),
// as the map grows and when it is replaced, and is installed into the running Eleventy.
import { describe, expect, it } from 'vitest';
import { indexedLookup, indexTemplateMapLookups } from '../../scripts/lib/site/template-map-index.ts';

interface Entry { inputPath: string; label: string }
type Lookup = (this: { map: Entry[] }, inputPath: string) => Entry | undefined;

const eleventyEntry = import.meta.resolve('@11ty/eleventy');
const { default: TemplateMap } = (await import(new URL('./TemplateMap.js', eleventyEntry).href)) as { default: { prototype: { getMapEntryForInputPath: Lookup } } };
// Eleventy's own linear search, kept before anything replaces it.
const eleventysOwn = TemplateMap.prototype.getMapEntryForInputPath;
const absolute = (path: string): string => `${process.cwd()}/${path.replace(/^\.\//, '')}`;

describe('indexedLookup', () => {
  const entries: Entry[] = [
    { inputPath: './content/articles/2017/07/a.md', label: 'a' },
    { inputPath: './content/lists.njk', label: 'lists' },
    { inputPath: absolute('./content/articles/2017/07/b.md'), label: 'b absolute' },
    { inputPath: './content/articles/2017/07/b.md', label: 'b relative' },
    { inputPath: './content/articles/2017/07/a.md', label: 'a again' },
  ];
  const asked = [
    './content/articles/2017/07/a.md', './content/lists.njk', './content/articles/2017/07/b.md',
    absolute('./content/articles/2017/07/b.md'), './content/missing.md', '', 'content/lists.njk',
  ];

  it("answers as Eleventy's linear search does, first entry in map order included", () => {
    const map = { map: entries };
    const indexed = indexedLookup(absolute) as unknown as Lookup;
    for (const path of asked) expect(indexed.call(map, path), path).toBe(eleventysOwn.call(map, path));
    expect(indexed.call(map, './content/articles/2017/07/b.md')?.label).toBe('b absolute');
    expect(indexed.call(map, './content/articles/2017/07/a.md')?.label).toBe('a');
  });

  it('sees entries added after it was first asked, and a map that was replaced', () => {
    const map = { map: entries.slice(0, 1) };
    const indexed = indexedLookup(absolute) as unknown as Lookup;
    expect(indexed.call(map, './content/lists.njk')).toBeUndefined();
    map.map.push(...entries.slice(1));
    for (const path of asked) expect(indexed.call(map, path), path).toBe(eleventysOwn.call(map, path));
    map.map = [{ inputPath: './content/lists.njk', label: 'new lists' }];
    expect(indexed.call(map, './content/lists.njk')?.label).toBe('new lists');
    expect(indexed.call(map, './content/articles/2017/07/a.md')).toBeUndefined();
  });
});

describe('indexTemplateMapLookups', () => {
  it('replaces the lookup of the Eleventy the project runs on', async () => {
    expect(await indexTemplateMapLookups()).toBe(true);
    expect(TemplateMap.prototype.getMapEntryForInputPath).not.toBe(eleventysOwn);
    const map = { map: [{ inputPath: './content/x.md', label: 'x' }] };
    expect(TemplateMap.prototype.getMapEntryForInputPath.call(map, './content/x.md')?.label).toBe('x');
  });
});
