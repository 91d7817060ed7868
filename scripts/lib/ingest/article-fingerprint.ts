// The ingestSha256 line ingest signs each article with, and what it tells: whether a document
// is still what ingest wrote (or an editor has changed it). No YAML is parsed here: the line
// is found in the text, inside the front matter as content/front-matter.ts delimits it.

import { createHash } from 'node:crypto';
import { splitFrontMatter } from '../content/front-matter.ts';

// Quoted: an all-digit hash would otherwise read back as a number.
const FINGERPRINT_LINE = /^ingestSha256: '([0-9a-f]{64})'\n/m;
const SIGNATURE_BEFORE_CLOSING = /\ningestSha256: '([0-9a-f]{64})'$/;
const SIGNATURE_LINE_LENGTH = "\ningestSha256: ''".length + 64;

export interface SignedArticleDocument {
  document: string;
  /** The SHA-256 of the document without its ingestSha256 line: the value of that line. */
  ingestSha256: string;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Adds the ingestSha256 line, the hash of the document without it, as the last front-matter
 * line: right above the closing delimiter, where exactIngestSha256 looks for it.
 */
export function signArticleDocument(unsigned: string): SignedArticleDocument {
  const split = splitFrontMatter(unsigned);
  // Ingest writes every article with front matter: a signature anywhere else would sign nothing.
  if (!split) throw new Error('an article document without front matter cannot be signed');
  const ingestSha256 = sha256(unsigned);
  const { closingStart } = split;
  return { document: `${unsigned.slice(0, closingStart)}ingestSha256: '${ingestSha256}'\n${unsigned.slice(closingStart)}`, ingestSha256 };
}

/** True when the document is byte for byte what ingest wrote: no editor has touched it. */
export function isUntouchedIngestOutput(document: string): boolean {
  const split = splitFrontMatter(document);
  if (!split) return false;
  const above = document.slice(0, split.closingStart);
  const fingerprint = FINGERPRINT_LINE.exec(above);
  if (!fingerprint) return false;
  const unsigned = above.replace(FINGERPRINT_LINE, '') + document.slice(split.closingStart);
  return sha256(unsigned) === fingerprint[1];
}

/**
 * The ingestSha256 of a document that is exactly what signArticleDocument returns (the line
 * in its place, the hash right), else undefined. Two such documents with one value are one
 * document, so a recorded value stands for the whole text.
 */
export function exactIngestSha256(document: string): string | undefined {
  const split = splitFrontMatter(document);
  if (!split) return undefined;
  // The signature line ends where the closing line starts: without its own \n, it is the
  // text between the \n before it and the \n before the closing line.
  const lineEnd = split.closingStart - 1;
  const signature = SIGNATURE_BEFORE_CLOSING.exec(document.slice(Math.max(0, lineEnd - SIGNATURE_LINE_LENGTH), lineEnd));
  const hash = signature?.[1];
  if (!signature || hash === undefined) return undefined;
  const lineStart = lineEnd - signature[0].length + 1;
  return sha256(document.slice(0, lineStart) + document.slice(split.closingStart)) === hash ? hash : undefined;
}
