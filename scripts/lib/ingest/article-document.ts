// Writes an article as a front-matter Markdown document (read back by content/front-matter.ts,
// in the same YAML dialect). The signature that tells an editor's change apart is in
// article-fingerprint.ts.

import matter from 'gray-matter';
import type { ArticleFrontMatter } from '../content/article-schema.ts';
import { FRONT_MATTER_YAML, MATTER_OPTIONS, readArticleDocument } from '../content/front-matter.ts';
import { isUntouchedIngestOutput, signArticleDocument, type SignedArticleDocument } from './article-fingerprint.ts';
import { escapeMarkdownParagraph } from './escape-markdown.ts';

export { exactIngestSha256, isUntouchedIngestOutput, type SignedArticleDocument } from './article-fingerprint.ts';

function withoutUndefined<T extends object>(data: T): Partial<T> {
  const defined: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) if (value !== undefined) defined[key] = value;
  return defined as Partial<T>;
}

/** What gray-matter's stringify writes for this body and data, without its detour through a Buffer. */
function stringifyDocument(body: string, data: object): string {
  // gray-matter would read a body that starts with a delimiter as front matter of its own.
  if (body.startsWith('---')) return matter.stringify(body, data, MATTER_OPTIONS);
  const yamlText = FRONT_MATTER_YAML.stringify({ ...data }).trim();
  const head = yamlText === '{}' ? '' : `---\n${yamlText}\n---\n`;
  return `${head}${body.endsWith('\n') ? body : `${body}\n`}`;
}

/**
 * The document ingest writes: front matter (YAML through gray-matter, so any title
 * round-trips) then one escaped Markdown paragraph per raw paragraph. Its last front-matter
 * line is the SHA-256 of the document without that line.
 */
export function renderSignedArticleDocument(frontMatter: Omit<ArticleFrontMatter, 'ingestSha256'>, paragraphs: readonly string[]): SignedArticleDocument {
  const body = `${paragraphs.map(escapeMarkdownParagraph).join('\n\n')}\n`;
  return signArticleDocument(stringifyDocument(body, withoutUndefined(frontMatter)));
}

export function renderArticleDocument(frontMatter: Omit<ArticleFrontMatter, 'ingestSha256'>, paragraphs: readonly string[]): string {
  return renderSignedArticleDocument(frontMatter, paragraphs).document;
}

/**
 * The paragraphs an article document was rendered from: its Markdown body split where
 * ingest joined them, with escapeMarkdownParagraph undone.
 */
export function articleParagraphs(body: string): string[] {
  return body.replace(/\n+$/, '').split('\n\n').map((paragraph) => paragraph
    .replace(/^(?:&#\d+;)+/, (indent) => indent.replace(/&#(\d+);/g, (_reference, code: string) => String.fromCodePoint(Number(code))))
    .replace(/\\(.)/g, '$1'));
}

/**
 * An article ingest wrote, with other tags: the document ingest would write for the same
 * article with those tags, signed. Undefined when the document is not exactly ingest's
 * output (an editor changed it) or cannot be written again byte for byte from what it holds.
 */
export function retagArticleDocument(document: string, tags: readonly string[]): string | undefined {
  if (!isUntouchedIngestOutput(document)) return undefined;
  let read: { data: Record<string, unknown>; body: string };
  try {
    read = readArticleDocument(document);
  } catch {
    return undefined;
  }
  const { ingestSha256: _signature, ...data } = read.data;
  const render = (withTags: readonly string[]): string => signArticleDocument(stringifyDocument(read.body, { ...data, tags: [...withTags] })).document;
  const oldTags = Array.isArray(data.tags) ? data.tags as string[] : [];
  // Only what renders back to the very same document is safe to render with other tags.
  if (render(oldTags) !== document) return undefined;
  return render(tags);
}
