// The front matter of an article: written by ingest, checked again by every build, so a
// hand edit that breaks it is caught with the file and the field named.

import { isArticleDate } from './article-date.ts';

export const DATE_SOURCES = ['manifest', 'line', 'option', 'mtime'] as const;
export type DateSource = (typeof DATE_SOURCES)[number];

/** Where an article's picture may be: a JPEG, PNG or WebP file under content/images/. */
export const IMAGE_FOLDER = 'images/';
const IMAGE_SOURCE = /^images\/(?:[^/\\]+\/)*[^/\\]+\.(?:jpe?g|png|webp)$/i;

/** An article's lead picture. */
export interface ArticleImage {
  /** The file, relative to the content folder: images/2017/07/damascus-market.jpg. */
  src: string;
  /** What the picture shows, for a reader who cannot see it. */
  alt: string;
  /** The caption printed under it. */
  caption?: string;
  /** Who took it or where it comes from («رويترز»). */
  credit?: string;
}

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
  /** The lead picture, shown atop the article and in previews of a shared link. */
  image?: ArticleImage;
}

/** What a field's value must be: the key of its English wording here and of its Arabic one in the editor messages. */
export type FieldExpectation = 'text' | 'hex16' | 'hex64' | 'date' | 'bareDate' | 'dateSource' | 'excerpt' | 'tags' | 'boolean' | 'image';

export const EXPECTATION_MESSAGES: Record<FieldExpectation, string> = {
  text: 'must be non-empty text',
  hex16: 'must be 16 lower-case hex digits',
  hex64: 'must be 64 lower-case hex digits',
  date: 'must be a real date as YYYY-MM-DD or ISO 8601 with an offset',
  bareDate: 'must be quoted text (YYYY-MM-DD or ISO 8601 with offset), not a bare YAML date',
  dateSource: `must be one of ${DATE_SOURCES.join(', ')}`,
  excerpt: 'must be text',
  tags: 'must be a list of non-empty texts',
  boolean: 'must be true or false',
  image: 'must be src (a .jpg, .jpeg, .png or .webp file under images/ in the content folder) and alt text, with caption and credit text if wanted',
};

export interface FieldProblem {
  field: string;
  /** What is wrong: the field is missing, unknown, or its value is not what it must be. */
  code: 'missing' | 'unknownField' | FieldExpectation;
  /** The problem in English ("is missing", "must be …"), after the field's name. */
  message: string;
}

type FieldCheck = (value: unknown) => FieldExpectation | undefined;

const HEX16 = /^[0-9a-f]{16}$/;
const HEX64 = /^[0-9a-f]{64}$/;

const text: FieldCheck = (value) => (typeof value === 'string' && value.trim() !== '' ? undefined : 'text');
const hex = (pattern: RegExp, expectation: 'hex16' | 'hex64'): FieldCheck => (value) =>
  typeof value === 'string' && pattern.test(value) ? undefined : expectation;
const articleDate: FieldCheck = (value) =>
  typeof value === 'string' && isArticleDate(value) ? undefined : value instanceof Date ? 'bareDate' : 'date';

const IMAGE_KEYS = new Set(['src', 'alt', 'caption', 'credit']);
const isText = (value: unknown): boolean => typeof value === 'string' && value.trim() !== '';
/** src and alt present, caption and credit optional, nothing else; src a picture under images/, never outside the content folder. */
const articleImage: FieldCheck = (value) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'image';
  const image = value as Record<string, unknown>;
  const src = image.src;
  const valid = Object.keys(image).every((key) => IMAGE_KEYS.has(key))
    && typeof src === 'string' && IMAGE_SOURCE.test(src) && !src.split('/').some((part) => part === '..' || part === '.' || part === '')
    && isText(image.alt)
    && (image.caption === undefined || isText(image.caption))
    && (image.credit === undefined || isText(image.credit));
  return valid ? undefined : 'image';
};

const FIELD_CHECKS: Record<keyof ArticleFrontMatter, { required: boolean; check: FieldCheck }> = {
  id: { required: true, check: hex(HEX16, 'hex16') },
  title: { required: true, check: text },
  section: { required: true, check: text },
  byline: { required: false, check: text },
  author: { required: false, check: text },
  place: { required: false, check: text },
  date: { required: true, check: articleDate },
  dateSource: {
    required: true,
    check: (value) => ((DATE_SOURCES as readonly unknown[]).includes(value) ? undefined : 'dateSource'),
  },
  updated: { required: false, check: articleDate },
  excerpt: { required: true, check: (value) => (typeof value === 'string' ? undefined : 'excerpt') },
  tags: {
    required: true,
    check: (value) =>
      Array.isArray(value) && value.every((tag) => typeof tag === 'string' && tag.trim() !== '')
        ? undefined
        : 'tags',
  },
  source: { required: true, check: text },
  sourceUrl: { required: false, check: text },
  sourceSha256: { required: true, check: hex(HEX64, 'hex64') },
  textSha256: { required: true, check: hex(HEX64, 'hex64') },
  ingestSha256: { required: false, check: hex(HEX64, 'hex64') },
  draft: { required: false, check: (value) => (typeof value === 'boolean' ? undefined : 'boolean') },
  image: { required: false, check: articleImage },
};

/** The article's own fields: what a misspelt field name is compared with. */
export const ARTICLE_FIELDS: readonly string[] = Object.keys(FIELD_CHECKS);

/** Fields a build may see in front matter besides the article's own (set by directory data). */
const TOLERATED_FIELDS = new Set(['layout', 'permalink', 'tags', 'eleventyExcludeFromCollections']);

/** Every problem with an article's front matter, not only the first. */
export function validateArticleFrontMatter(data: Record<string, unknown>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const [field, rule] of Object.entries(FIELD_CHECKS)) {
    const value = data[field];
    if (value === undefined || value === null) {
      if (rule.required) problems.push({ field, code: 'missing', message: 'is missing' });
      continue;
    }
    const expectation = rule.check(value);
    if (expectation) problems.push({ field, code: expectation, message: EXPECTATION_MESSAGES[expectation] });
  }
  for (const field of Object.keys(data)) {
    if (!(field in FIELD_CHECKS) && !TOLERATED_FIELDS.has(field)) problems.push({ field, code: 'unknownField', message: 'is not a known field' });
  }
  return problems;
}

export function isArticleFrontMatter(data: Record<string, unknown>): data is Record<string, unknown> & ArticleFrontMatter {
  return validateArticleFrontMatter(data).length === 0;
}
