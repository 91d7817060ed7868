// The ingestSha256 line ingest signs each article with, and what it tells: whether a document
// is still what ingest wrote (or an editor has changed it). No YAML here, so that a re-run
// that reads no article front matter need not load a YAML library.

import { createHash } from 'node:crypto';

// Quoted: an all-digit hash would otherwise read back as a number.
const FINGERPRINT_LINE = /^ingestSha256: '([0-9a-f]{64})'\n/m;
const SIGNATURE_BEFORE_CLOSING = /\ningestSha256: '([0-9a-f]{64})'$/;
const SIGNATURE_LINE_LENGTH = "\ningestSha256: ''".length + 64;
const CLOSING_DELIMITER = '\n---\n';

export interface SignedArticleDocument {
  document: string;
  /** The SHA-256 of the document without its ingestSha256 line: the value of that line. */
  ingestSha256: string;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The closing delimiter of the front matter: the first line that is exactly '---' after the opening one. */
function closingDelimiterIndex(document: string): number {
  return document.startsWith('---\n') ? document.indexOf(CLOSING_DELIMITER, 3) : -1;
}

/** Adds the ingestSha256 line, the hash of the document without it, as the last front-matter line. */
export function signArticleDocument(unsigned: string): SignedArticleDocument {
  const closing = closingDelimiterIndex(unsigned);
  const ingestSha256 = sha256(unsigned);
  return { document: `${unsigned.slice(0, closing + 1)}ingestSha256: '${ingestSha256}'${unsigned.slice(closing)}`, ingestSha256 };
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

/**
 * The ingestSha256 of a document that is exactly what signArticleDocument returns (the line
 * in its place, the hash right), else undefined. Two such documents with one value are one
 * document, so a recorded value stands for the whole text.
 */
export function exactIngestSha256(document: string): string | undefined {
  const closing = closingDelimiterIndex(document);
  if (closing < 0) return undefined;
  const signature = SIGNATURE_BEFORE_CLOSING.exec(document.slice(Math.max(0, closing - SIGNATURE_LINE_LENGTH), closing));
  const hash = signature?.[1];
  if (!signature || hash === undefined) return undefined;
  const lineStart = closing - signature[0].length + 1;
  return sha256(document.slice(0, lineStart) + document.slice(closing + 1)) === hash ? hash : undefined;
}
