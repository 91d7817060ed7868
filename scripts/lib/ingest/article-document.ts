// Writes an article as a front-matter Markdown document, and tells whether a document on
// disk is still exactly what ingest wrote (or an editor has changed it since).

import { createHash } from 'node:crypto';
import matter from 'gray-matter';
import yaml from 'js-yaml';
import type { ArticleFrontMatter } from '../content/article-schema.ts';
import { escapeMarkdownParagraph } from './escape-markdown.ts';

// Quoted: an all-digit hash would otherwise read back as a number.
const FINGERPRINT_LINE = /^ingestSha256: '([0-9a-f]{64})'\n/m;
const CLOSING_DELIMITER = '\n---\n';

/**
 * YAML through js-yaml 4, the parser Eleventy 3 reads front matter with: gray-matter's own
 * js-yaml 3 writes some strings (a hash of digits ending in 8 or 9) bare that js-yaml 4
 * then reads as numbers. One YAML dialect for writing, reading and building.
 */
const YAML_ENGINE = {
  parse: (text: string): object => (yaml.load(text) ?? {}) as object,
  // lineWidth -1: never fold long Arabic titles over several YAML lines.
  stringify: (data: object): string => yaml.dump(data, { lineWidth: -1 }),
};
// gray-matter's typings cannot express a custom engine with stringify: cast once, here.
const MATTER_OPTIONS = { engines: { yaml: YAML_ENGINE } } as unknown as Parameters<typeof matter>[1] & Parameters<typeof matter.stringify>[2];

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function withoutUndefined<T extends object>(data: T): Partial<T> {
  return Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** The closing delimiter of the front matter: the first line that is exactly '---' after the opening one. */
function closingDelimiterIndex(document: string): number {
  return document.startsWith('---\n') ? document.indexOf(CLOSING_DELIMITER, 3) : -1;
}

/**
 * The document ingest writes: front matter (YAML through gray-matter, so any title
 * round-trips) then one escaped Markdown paragraph per raw paragraph. Its last front-matter
 * line is the SHA-256 of the document without that line.
 */
export function renderArticleDocument(frontMatter: Omit<ArticleFrontMatter, 'ingestSha256'>, paragraphs: readonly string[]): string {
  const body = `${paragraphs.map(escapeMarkdownParagraph).join('\n\n')}\n`;
  const unsigned = matter.stringify(body, withoutUndefined(frontMatter), MATTER_OPTIONS);
  const closing = closingDelimiterIndex(unsigned);
  return `${unsigned.slice(0, closing + 1)}ingestSha256: '${sha256(unsigned)}'${unsigned.slice(closing)}`;
}

/** True when the document is byte for byte what ingest wrote: no editor has touched it. */
export function isUntouchedIngestOutput(document: string): boolean {
  const closing = closingDelimiterIndex(document);
  if (closing < 0) return false;
  const frontMatter = document.slice(0, closing + 1);
  const fingerprint = FINGERPRINT_LINE.exec(frontMatter);
  if (!fingerprint) return false;
  const unsigned = frontMatter.replace(FINGERPRINT_LINE, '') + document.slice(closing + 1);
  return sha256(unsigned) === fingerprint[1];
}

/** Reads a document's front matter (uncached: gray-matter's cache hands out shared objects). */
export function readFrontMatter(document: string): Record<string, unknown> {
  return matter(document, MATTER_OPTIONS).data as Record<string, unknown>;
}
