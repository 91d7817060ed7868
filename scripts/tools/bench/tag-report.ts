// Measures what the tagging rules do to a set of raw articles: articles per tag and tags per
// article, before (every gazetteer name found anywhere in the text) and after (scored by
// where it stands, a passing mention not enough, capped; score-tags.ts). A measuring tool,
// not part of ingest: `npm run tag-report`.

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { IngestSettings } from '../../lib/config/ingest-settings.ts';
import { decodeRawBytes } from '../../lib/ingest/decode-raw-bytes.ts';
import { compileTagMatcher } from '../../lib/ingest/match-tags.ts';
import { parseRawArticle } from '../../lib/ingest/parse-raw-article.ts';
import { chooseTags, type TaggedText } from '../../lib/ingest/score-tags.ts';

/** The tags of each article, the old way and the new. */
export interface TagComparison {
  articles: number;
  before: string[][];
  after: string[][];
  /** Every tag name, in gazetteer order. */
  names: readonly string[];
}

export function compareTagging(articles: readonly TaggedText[], settings: Pick<IngestSettings, 'tagGazetteer' | 'tagScoring' | 'currencyWords'>): TagComparison {
  const matcher = compileTagMatcher(settings.tagGazetteer, { currencyWords: settings.currencyWords });
  return {
    articles: articles.length,
    before: articles.map((article) => matcher.match([article.title, ...article.paragraphs].join('\n'))),
    after: articles.map((article) => chooseTags(article, matcher, settings.tagScoring)),
    names: matcher.names,
  };
}

/** The raw articles of a folder (its *.txt, in name order) that ingest would accept. */
export async function readRawArticles(folder: string, boilerplateLines: readonly string[]): Promise<TaggedText[]> {
  const names = (await readdir(folder, { recursive: true })).filter((name) => name.endsWith('.txt')).sort();
  const articles: TaggedText[] = [];
  for (const name of names) {
    const decoded = decodeRawBytes(await readFile(join(folder, name)));
    if (!decoded.ok) continue;
    const parsed = parseRawArticle(decoded.text, boilerplateLines);
    if (parsed.ok) articles.push(parsed.article);
  }
  return articles;
}

function countBy(lists: readonly string[][]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const list of lists) for (const name of new Set(list)) counts.set(name, (counts.get(name) ?? 0) + 1);
  return counts;
}

const MOST_TAGS_SHOWN = 7;

/** Articles with 0, 1, … tags, the last column «7+». */
function tagsPerArticle(lists: readonly string[][]): number[] {
  const histogram = new Array<number>(MOST_TAGS_SHOWN + 1).fill(0);
  for (const list of lists) {
    const column = Math.min(list.length, MOST_TAGS_SHOWN);
    histogram[column] = (histogram[column] ?? 0) + 1;
  }
  return histogram;
}

const mean = (lists: readonly string[][]): string => (lists.length === 0 ? '0' : (lists.reduce((sum, list) => sum + list.length, 0) / lists.length).toFixed(2));

/** A Markdown table of articles per tag, then one of tags per article, before and after. */
export function formatTagComparison(title: string, comparison: TagComparison): string {
  const before = countBy(comparison.before);
  const after = countBy(comparison.after);
  const lines = [`### ${title}: ${comparison.articles} articles`, '', '| tag | before | after |', '|---|---:|---:|'];
  const names = [...comparison.names].sort((a, b) => (before.get(b) ?? 0) - (before.get(a) ?? 0));
  for (const name of names) {
    if (!before.has(name) && !after.has(name)) continue;
    lines.push(`| ${name} | ${before.get(name) ?? 0} | ${after.get(name) ?? 0} |`);
  }
  const columns = Array.from({ length: MOST_TAGS_SHOWN + 1 }, (_, count) => (count === MOST_TAGS_SHOWN ? `${count}+` : String(count)));
  lines.push('', `| tags per article | mean | max | ${columns.join(' | ')} |`, `|---|---:|---:|${columns.map(() => '---:').join('|')}|`);
  for (const [label, lists] of [['before', comparison.before], ['after', comparison.after]] as const) {
    const max = Math.max(0, ...lists.map((list) => list.length));
    lines.push(`| ${label} | ${mean(lists)} | ${max} | ${tagsPerArticle(lists).join(' | ')} |`);
  }
  return `${lines.join('\n')}\n`;
}
