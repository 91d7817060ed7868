// Reads front matter for Eleventy without letting one bad file stop the build before the
// others are checked: values Eleventy itself would choke on (tags, date) and YAML syntax
// errors are set aside here, and the news collection then reports every problem of every
// file at once (see validatedArticles). Tags are always kept from Eleventy (ARTICLE_TAGS_KEY).

import yaml from 'js-yaml';

/** Where the set-aside values and errors travel with a template's data. */
export const SET_ASIDE_KEY = '__frontMatterSetAside';

/**
 * Where an article's tags are, once read. Not `tags`: Eleventy makes a collection of every
 * value of `tags` and, in each of them, looks every article up by a linear search of all
 * pages — quadratic in the archive (minutes at 100,000 articles with thousands of tags).
 * The news index (news-index.ts) groups articles by tag itself, once.
 */
export const ARTICLE_TAGS_KEY = 'articleTags';

export interface SetAside {
  /** Original values removed because Eleventy would reject them, and the tags as written. */
  values: Record<string, unknown>;
  yamlError?: string;
}

function isEleventySafeTags(value: unknown): boolean {
  return typeof value === 'string' || (Array.isArray(value) && value.every((tag) => typeof tag === 'string'));
}

function isEleventySafeDate(value: unknown): boolean {
  if (value instanceof Date) return !Number.isNaN(value.getTime());
  return typeof value === 'string' && !Number.isNaN(new Date(value).getTime());
}

export function parseFrontMatterLeniently(text: string): Record<string, unknown> {
  let data: unknown;
  try {
    data = yaml.load(text) ?? {};
  } catch (error) {
    return { [SET_ASIDE_KEY]: { values: {}, yamlError: (error as Error).message.split('\n')[0] } satisfies SetAside };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { [SET_ASIDE_KEY]: { values: {}, yamlError: 'the front matter is not a set of fields' } satisfies SetAside };
  }
  const record = data as Record<string, unknown>;
  const values: Record<string, unknown> = {};
  if ('tags' in record) {
    if (isEleventySafeTags(record.tags)) record[ARTICLE_TAGS_KEY] = typeof record.tags === 'string' ? [record.tags] : record.tags;
    values.tags = record.tags;
    delete record.tags;
  }
  if ('date' in record && !isEleventySafeDate(record.date)) { values.date = record.date; delete record.date; }
  if (Object.keys(values).length > 0) record[SET_ASIDE_KEY] = { values } satisfies SetAside;
  return record;
}

export function frontMatterPlugin(eleventyConfig: { setFrontMatterParsingOptions(options: object): void }): void {
  eleventyConfig.setFrontMatterParsingOptions({ engines: { yaml: parseFrontMatterLeniently } });
}
