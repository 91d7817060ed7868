// Eleventy's own modules are reached only for the version a replacement was read against.
import { describe, expect, it } from 'vitest';
import { eleventyInternal } from '../../scripts/lib/site/eleventy-internals.ts';

describe('eleventyInternal', () => {
  it("gives the module Eleventy itself imports for the installed version, nothing for another", async () => {
    const templateMap = await eleventyInternal<{ default: unknown }>('TemplateMap.js', '3.1.8');
    const direct = (await import(new URL('./TemplateMap.js', import.meta.resolve('@11ty/eleventy')).href)) as { default: unknown };
    expect(templateMap?.default).toBe(direct.default);
    expect(await eleventyInternal('TemplateMap.js', '3.1.7')).toBeUndefined();
  });
});
