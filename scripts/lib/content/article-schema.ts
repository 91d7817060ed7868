// The front matter of an article: written by ingest, checked again by every build, so a
// hand edit that breaks it is caught with the file and the field named.

import { isArticleDate } from './article-date.ts';

export const DATE_SOURCES = ['manifest', 'line', 'option', 'mtime'] as const;
export type DateSource = (typeof DATE_SOURCES)[number];

export interface ArticleFrontMatter {
  /** 16 lower-case hex digits: from the raw file name, or from the article's normalised text. */
  id: string;
  title: string;
  /** Section name as the raw text writes it. */
  section: string;
  /** Raw byline text after '|'. */
  byline?: string;
  author?: string;
  place?: string;
  /** YYYY-MM-DD, or ISO 8601 with the site's offset. */
  date: string;
  dateSource: DateSource;
  /** Editor-set time of the last substantive change, ISO 8601 or YYYY-MM-DD. */
  updated?: string;
  excerpt: string;
  tags: string[];
  /** Raw file name the article came from. */
  source: string;
  /** URL of the original page, from the manifest. */
  sourceUrl?: string;
  /** SHA-256 of the raw file's bytes when last ingested. */
  sourceSha256: string;
  /** SHA-256 of the raw article's normalised text: how a second copy of one article is recognised. */
  textSha256: string;
  /** SHA-256 of this file as ingest wrote it, without this line: how an editor's change is recognised. */
  ingestSha256?: string;
  /** Left out of production builds while true. */
  draft?: boolean;
}

export interface FieldProblem {
  field: string;
  message: string;
}

type FieldCheck = (value: unknown) => string | undefined;

const HEX16 = /^[0-9a-f]{16}$/;
const HEX64 = /^[0-9a-f]{64}$/;

const text: FieldCheck = (value) =>
  typeof value === 'string' && value.trim() !== '' ? undefined : 'must be non-empty text';
const hex = (pattern: RegExp, digits: number): FieldCheck => (value) =>
  typeof value === 'string' && pattern.test(value) ? undefined : `must be ${digits} lower-case hex digits`;
const articleDate: FieldCheck = (value) =>
  typeof value === 'string' && isArticleDate(value)
    ? undefined
    : value instanceof Date
      ? 'must be quoted text (YYYY-MM-DD or ISO 8601 with offset), not a bare YAML date'
      : 'must be a real date as YYYY-MM-DD or ISO 8601 with an offset';

const FIELD_CHECKS: Record<keyof ArticleFrontMatter, { required: boolean; check: FieldCheck }> = {
  id: { required: true, check: hex(HEX16, 16) },
  title: { required: true, check: text },
  section: { required: true, check: text },
  byline: { required: false, check: text },
  author: { required: false, check: text },
  place: { required: false, check: text },
  date: { required: true, check: articleDate },
  dateSource: {
    required: true,
    check: (value) => (DATE_SOURCES as readonly unknown[]).includes(value) ? undefined : `must be one of ${DATE_SOURCES.join(', ')}`,
  },
  updated: { required: false, check: articleDate },
  excerpt: { required: true, check: (value) => (typeof value === 'string' ? undefined : 'must be text') },
  tags: {
    required: true,
    check: (value) =>
      Array.isArray(value) && value.every((tag) => typeof tag === 'string' && tag.trim() !== '')
        ? undefined
        : 'must be a list of non-empty texts',
  },
  source: { required: true, check: text },
  sourceUrl: { required: false, check: text },
  sourceSha256: { required: true, check: hex(HEX64, 64) },
  textSha256: { required: true, check: hex(HEX64, 64) },
  ingestSha256: { required: false, check: hex(HEX64, 64) },
  draft: { required: false, check: (value) => (typeof value === 'boolean' ? undefined : 'must be true or false') },
};

/** Fields a build may see in front matter besides the article's own (set by directory data). */
const TOLERATED_FIELDS = new Set(['layout', 'permalink', 'tags', 'eleventyExcludeFromCollections']);

/** Every problem with an article's front matter, not only the first. */
export function validateArticleFrontMatter(data: Record<string, unknown>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const [field, rule] of Object.entries(FIELD_CHECKS)) {
    const value = data[field];
    if (value === undefined || value === null) {
      if (rule.required) problems.push({ field, message: 'is missing' });
      continue;
    }
    const message = rule.check(value);
    if (message) problems.push({ field, message });
  }
  for (const field of Object.keys(data)) {
    if (!(field in FIELD_CHECKS) && !TOLERATED_FIELDS.has(field)) problems.push({ field, message: 'is not a known field' });
  }
  return problems;
}

export function isArticleFrontMatter(data: Record<string, unknown>): data is Record<string, unknown> & ArticleFrontMatter {
  return validateArticleFrontMatter(data).length === 0;
}
