// The one reader of an article file's front matter, for ingest, the build and the tools that
// measure them, and the YAML dialect ingest writes it in: gray-matter with js-yaml 4, the
// parser Eleventy 3 reads front matter with.

import matter from 'gray-matter';
import yaml from 'js-yaml';

/**
 * YAML through js-yaml 4, the parser Eleventy 3 reads front matter with: gray-matter's own
 * js-yaml 3 writes some strings (a hash of digits ending in 8 or 9) bare that js-yaml 4
 * then reads as numbers. One YAML dialect for writing, reading and building.
 */
export const FRONT_MATTER_YAML = {
  parse: (text: string): object => (yaml.load(text) ?? {}) as object,
  // lineWidth -1: never fold long Arabic titles over several YAML lines.
  stringify: (data: object): string => yaml.dump(data, { lineWidth: -1 }),
};
// gray-matter's typings cannot express a custom engine with stringify: cast once, here.
export const MATTER_OPTIONS = { engines: { yaml: FRONT_MATTER_YAML } } as unknown as Parameters<typeof matter>[1] & Parameters<typeof matter.stringify>[2];

/**
 * A document's front matter and Markdown body: the one reader of article files, for ingest
 * and the build. Throws js-yaml's error on a front matter that is not YAML.
 */
export function readArticleDocument(document: string): { data: Record<string, unknown>; body: string } {
  const { data, content } = matter(document, MATTER_OPTIONS);
  return { data: data as Record<string, unknown>, body: content };
}

/** Reads a document's front matter (uncached: gray-matter's cache hands out shared objects). */
export function readFrontMatter(document: string): Record<string, unknown> {
  return readArticleDocument(document).data;
}
