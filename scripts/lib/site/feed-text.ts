// Text and dates as feeds need them: only characters XML 1.0 allows, stable ids that
// survive rebuilds, edits and a move to another domain, and article dates as instants.

import { dateToRfc3339, dateToRfc822 } from '@11ty/eleventy-plugin-rss';
import { articleTimestamp } from './published-index.ts';

// C0 controls other than tab, LF and CR, lone surrogates, U+FFFE and U+FFFF: never allowed in XML 1.0.
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The text without the characters no XML document may contain, escaped or not. */
export function xmlSafeText(text: unknown): string {
  return String(text ?? '').replace(NOT_XML, '');
}

/** The instant an article's front-matter date stands for (a bare day is its first moment, UTC). */
export function articleInstant(date: string): Date {
  return new Date(articleTimestamp(date));
}

export function rfc3339(date: string): string {
  return dateToRfc3339(articleInstant(date));
}

export function rfc822(date: string, timeZone: string): string {
  return dateToRfc822(articleInstant(date), timeZone);
}

/**
 * A tag: URI (RFC 4151) for an article or a feed: made of the publication's fixed
 * authority and the article id, so it stays the same whatever the base URL or the text.
 */
export function tagUri(authority: string, specific: string): string {
  return `tag:${authority}:${specific}`;
}
