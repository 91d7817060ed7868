// Text as feeds need it: only characters XML 1.0 allows, and stable ids that survive
// rebuilds, edits and a move to another domain. Their dates are written by the article
// model (content/article-date.ts: rfc3339, rfc822).

// C0 controls other than tab, LF and CR, lone surrogates, U+FFFE and U+FFFF: never allowed in XML 1.0.
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The text without the characters no XML document may contain, escaped or not. */
export function xmlSafeText(text: unknown): string {
  return String(text ?? '').replace(NOT_XML, '');
}

/**
 * A tag: URI (RFC 4151) for an article or a feed: made of the publication's fixed
 * authority and the article id, so it stays the same whatever the base URL or the text.
 */
export function tagUri(authority: string, specific: string): string {
  return `tag:${authority}:${specific}`;
}
