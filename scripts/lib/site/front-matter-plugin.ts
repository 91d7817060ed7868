// Reads front matter for Eleventy without letting one bad file stop the build before the
// others are checked: values Eleventy itself would choke on (tags, date) and YAML syntax
// errors are set aside here, and the news collection then reports every problem of every
// file at once (see validatedArticles).

import yaml from 'js-yaml';

/** Where the set-aside values and errors travel with a template's data. */
export const SET_ASIDE_KEY = '__frontMatterSetAside';

export interface SetAside {
  /** Original values removed because Eleventy would reject them. */
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
  if ('tags' in record && !isEleventySafeTags(record.tags)) { values.tags = record.tags; delete record.tags; }
  if ('date' in record && !isEleventySafeDate(record.date)) { values.date = record.date; delete record.date; }
  if (Object.keys(values).length > 0) record[SET_ASIDE_KEY] = { values } satisfies SetAside;
  return record;
}

export function frontMatterPlugin(eleventyConfig: { setFrontMatterParsingOptions(options: object): void }): void {
  eleventyConfig.setFrontMatterParsingOptions({ engines: { yaml: parseFrontMatterLeniently } });
}
