// Re-tags the articles of a folder from their own Markdown, for an archive whose raw files
// are gone (with the raw files, `ingest <raw> --retag` does the same). Only the tags change,
// and only in articles that are exactly what ingest wrote; an editor's article is reported
// and left alone.

import { readFile } from 'node:fs/promises';
import type { IngestSettings } from '../config/ingest-settings.ts';
import { writeFileAtomic } from '../fs/atomic-write.ts';
import { walkFiles } from '../fs/walk-files.ts';
import { readArticleDocument } from '../content/front-matter.ts';
import { articleParagraphs, retagArticleDocument } from './article-document.ts';
import type { FileReport, IngestSummary } from './ingest-batch.ts';
import { compileTagMatcher } from './match-tags.ts';
import { chooseTags } from './score-tags.ts';

export interface RetagOptions {
  /** The articles folder. */
  outDir: string;
  settings: Pick<IngestSettings, 'tagGazetteer' | 'tagScoring' | 'currencyWords'>;
  dryRun?: boolean;
  /** Called once per article, in path order: updated (retagged), unchanged, kept-edited or rejected. */
  onReport?: (report: FileReport) => void;
}

const tagList = (tags: readonly string[]): string => `«${tags.join('، ')}»`;
const sameTags = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((tag, index) => tag === b[index]);

/** What retagging does with one article document: the new document when it is to be written. */
export function retagDecision(document: string, matcher: ReturnType<typeof compileTagMatcher>, settings: RetagOptions['settings']): { report: Omit<FileReport, 'file'>; document?: string } {
  let data: Record<string, unknown>;
  let body: string;
  try {
    ({ data, body } = readArticleDocument(document));
  } catch (error) {
    return { report: { status: 'rejected', reason: `the front matter cannot be read: ${(error as Error).message.split('\n')[0]}`, warnings: [] } };
  }
  const oldTags = Array.isArray(data.tags) ? data.tags.map(String) : [];
  if (typeof data.title !== 'string') return { report: { status: 'rejected', reason: 'no title to tag from', warnings: [] } };
  const tags = chooseTags({ title: data.title, paragraphs: articleParagraphs(body) }, matcher, settings.tagScoring);
  const id = typeof data.id === 'string' ? data.id : undefined;
  if (sameTags(oldTags, tags)) return { report: { status: 'unchanged', id, warnings: [] } };
  const retagged = retagArticleDocument(document, tags);
  if (retagged === undefined) {
    return { report: { status: 'kept-edited', id, reason: `the current rules give the tags ${tagList(tags)}, but an editor has changed the article since ingest: kept as edited`, warnings: [] } };
  }
  return { report: { status: 'updated', id, warnings: [`tags ${tagList(oldTags)} now ${tagList(tags)}`] }, document: retagged };
}

export async function retagArticles(options: RetagOptions): Promise<IngestSummary> {
  const matcher = compileTagMatcher(options.settings.tagGazetteer, { currencyWords: options.settings.currencyWords });
  const summary: IngestSummary = { files: 0, created: 0, updated: 0, unchanged: 0, 'kept-edited': 0, duplicate: 0, rejected: 0 };
  for await (const path of walkFiles(options.outDir)) {
    if (!path.endsWith('.md')) continue;
    const { report, document } = retagDecision(await readFile(path, 'utf8'), matcher, options.settings);
    let entry: FileReport = { file: path, ...report };
    if (document !== undefined && !options.dryRun) {
      try {
        await writeFileAtomic(path, document);
      } catch (error) {
        entry = { file: path, status: 'rejected', reason: `cannot write it: ${(error as Error).message}`, warnings: [] };
      }
    }
    summary.files += 1;
    summary[entry.status] += 1;
    options.onReport?.(entry);
  }
  return summary;
}
