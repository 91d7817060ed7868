// Turns one raw file into the article ingest would write and compares it with the article
// of the same id already on disk. Reads files, decides nothing (decisions need the whole
// batch, in file order) and writes nothing, so it can run on a worker thread.

import { createHash } from 'node:crypto';
import { readFileSync, statSync, type Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { IngestSettings } from '../config/ingest-settings.ts';
import type { SiteSettings } from '../config/site.ts';
import type { DateSource } from '../content/article-schema.ts';
import { readFrontMatter, splitFrontMatter } from '../content/front-matter.ts';
import { describeError } from '../fs/describe-error.ts';
import { stampOf, type FileStamp } from '../fs/file-stamp.ts';
import { isUntouchedIngestOutput } from './article-fingerprint.ts';
import { articleId } from './article-id.ts';
import { buildArticle, type RawFileFacts } from './build-article.ts';
import { decodeRawBytes, type RawEncoding } from './decode-raw-bytes.ts';
import { tagList } from './ingest-decision.ts';
import { compileTagMatcher, type TagMatcher } from './match-tags.ts';
import { parseRawArticle, type ParsedRawArticle } from './parse-raw-article.ts';

/** One raw file to prepare, with what the batch knows of it. */
export interface RawFileTask {
  file: string;
  manifestDate?: string;
  manifestUrl?: string;
}

export interface PrepareOptions {
  outDir: string;
  optionDate?: string;
  site: Pick<SiteSettings, 'timeZone' | 'sections'>;
  settings: IngestSettings;
  /** Where the article of an id was when the batch started. */
  existingPath: (id: string) => string | undefined;
  /** Recompute the tags of articles already written (ingest --retag), instead of keeping them. */
  retag?: boolean;
}

interface PrepareContext extends PrepareOptions {
  tags: TagMatcher;
}

/** A prepare function for one batch: the gazetteer compiled once. */
export function rawFilePreparer(options: PrepareOptions): { prepare: (task: RawFileTask) => Promise<PreparedRawFile>; prepareSync: (task: RawFileTask) => PreparedRawFile } {
  const context: PrepareContext = { ...options, tags: compileTagMatcher(options.settings.tagGazetteer, { currencyWords: options.settings.currencyWords }) };
  return { prepare: (task) => prepareRawFile(task, context), prepareSync: (task) => prepareRawFileSync(task, context) };
}

export type PreparedRawFile =
  | {
    kind: 'rejected';
    file: string;
    reason: string;
    /** Warnings of the file itself; the folder's manifest warnings are the batch's to add. */
    warnings: string[];
    /** False when the file could not even be read: the report then carries no warnings at all. */
    withManifestWarnings: boolean;
  }
  | {
    kind: 'built';
    file: string;
    stamp: FileStamp;
    id: string;
    textSha256: string;
    sourceSha256: string;
    relativePath: string;
    dateSource: DateSource;
    /** Left out when the article on disk is already exactly this document, where it belongs, or when staged. */
    document?: string;
    /** The document written ahead to a temporary file beside the article (by a worker), or why it could not be. */
    staged?: { path: string } | { error: string };
    ingestSha256: string;
    /** Warnings of the file itself; the folder's manifest warnings are the batch's to add. */
    warnings: string[];
    /** The article's tags. */
    tags: string[];
    /** With retag: how the tags of the article on disk change (for the report only, never remembered). */
    retagged?: string;
    /** The existing article of the same id is byte for byte this document. */
    sameDocument: boolean;
    /** The existing article of the same id has been changed since ingest wrote it. */
    existingEdited: boolean;
  };

function encodingName(encoding: RawEncoding): string {
  return encoding === 'windows-1256' ? 'Windows-1256' : 'UTF-8';
}

type Built = Extract<PreparedRawFile, { kind: 'built' }>;

/** A raw file read and parsed: all that is needed to build its article, and its id to find the one on disk. */
interface ParsedRawFile {
  kind: 'parsed';
  parsed: ParsedRawArticle;
  facts: RawFileFacts;
  id: string;
  info: Stats;
  warnings: string[];
}

type Rejected = Extract<PreparedRawFile, { kind: 'rejected' }>;

function parseBytes(task: RawFileTask, bytes: Uint8Array, info: Stats, context: PrepareContext): Rejected | ParsedRawFile {
  const { file } = task;
  const warnings: string[] = [];
  const decoded = decodeRawBytes(bytes);
  if (!decoded.ok) return { kind: 'rejected', file, reason: decoded.reason, warnings, withManifestWarnings: true };
  if (decoded.encoding !== 'utf-8') warnings.push(`decoded from ${encodingName(decoded.encoding)}`);
  const parsed = parseRawArticle(decoded.text, context.settings.boilerplateLines);
  if (!parsed.ok) return { kind: 'rejected', file, reason: parsed.reason, warnings, withManifestWarnings: true };
  const facts: RawFileFacts = {
    fileName: basename(file),
    sourceSha256: createHash('sha256').update(bytes).digest('hex'),
    fileModified: info.mtime,
    manifestDate: task.manifestDate,
    manifestUrl: task.manifestUrl,
    optionDate: context.optionDate,
  };
  return { kind: 'parsed', parsed: parsed.article, facts, id: articleId(facts.fileName, parsed.article.textSha256), info, warnings };
}

const TEXT_SHA256_LINE = /^textSha256: ['"]?([0-9a-f]{64})['"]?$/m;

/** The tags of an article document written from this text, or undefined (another text, no readable tags). */
function tagsWrittenFor(document: string, textSha256: string): string[] | undefined {
  if (TEXT_SHA256_LINE.exec(splitFrontMatter(document)?.frontMatter ?? '')?.[1] !== textSha256) return undefined;
  try {
    const { tags } = readFrontMatter(document);
    if (tags === undefined) return [];
    return Array.isArray(tags) && tags.every((tag) => typeof tag === 'string') ? tags : undefined;
  } catch {
    return undefined;
  }
}

const sameTags = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((tag, index) => tag === b[index]);

/**
 * Builds the article, beside the one of the same id on disk (when there is one). Tags stay as
 * they were written for the same text, unless context.retag: the rules alone rewrite nothing.
 */
function buildPrepared(task: RawFileTask, read: ParsedRawFile, existing: { path: string; document: string | undefined } | undefined, context: PrepareContext): Built {
  const { parsed, facts } = read;
  const existingDocument = existing?.document;
  const existingEdited = existingDocument !== undefined && !isUntouchedIngestOutput(existingDocument);
  const writtenTags = existingDocument === undefined ? undefined : tagsWrittenFor(existingDocument, parsed.textSha256);
  const keptTags = !context.retag && !existingEdited ? writtenTags : undefined;
  const built = buildArticle(parsed, facts, { site: context.site, ingest: context.settings, tags: context.tags }, keptTags);
  const { frontMatter } = built;
  const warnings = [...read.warnings, ...built.warnings];
  if (keptTags && !sameTags(keptTags, built.ruleTags)) {
    warnings.push(`tags kept as written, ${tagList(keptTags)}; the current rules give ${tagList(built.ruleTags)} (--retag applies them)`);
  }
  const tagsChanged = writtenTags === undefined || !sameTags(writtenTags, frontMatter.tags);
  const prepared: Built = {
    kind: 'built',
    file: task.file,
    stamp: stampOf(read.info),
    id: frontMatter.id,
    textSha256: frontMatter.textSha256,
    sourceSha256: frontMatter.sourceSha256,
    relativePath: built.relativePath,
    dateSource: frontMatter.dateSource,
    document: built.document,
    ingestSha256: built.ingestSha256,
    warnings,
    tags: frontMatter.tags,
    sameDocument: false,
    existingEdited,
  };
  if (context.retag && existingDocument !== undefined && tagsChanged) {
    prepared.retagged = writtenTags === undefined ? `tags now ${tagList(frontMatter.tags)}` : `tags ${tagList(writtenTags)} now ${tagList(frontMatter.tags)}`;
  }
  if (!existing) return prepared;
  const sameDocument = existingDocument === prepared.document;
  prepared.sameDocument = sameDocument;
  // Nothing will be written: no need to carry the document any further.
  if (sameDocument && existing.path === join(context.outDir, ...prepared.relativePath.split('/'))) delete prepared.document;
  return prepared;
}

function readError(file: string, error: unknown): PreparedRawFile {
  return { kind: 'rejected', file, reason: `cannot read the file: ${describeError(error)}`, warnings: [], withManifestWarnings: false };
}

/** Prepares a raw file with asynchronous reads (the main thread, many files at once). */
async function prepareRawFile(task: RawFileTask, context: PrepareContext): Promise<PreparedRawFile> {
  try {
    const [bytes, info] = await Promise.all([readFile(task.file), stat(task.file)]);
    const read = parseBytes(task, bytes, info, context);
    if (read.kind === 'rejected') return read;
    const existingPath = context.existingPath(read.id);
    if (existingPath === undefined) return buildPrepared(task, read, undefined, context);
    const existingDocument = await readFile(existingPath, 'utf8').catch(() => undefined);
    return buildPrepared(task, read, { path: existingPath, document: existingDocument }, context);
  } catch (error) {
    return readError(task.file, error);
  }
}

/** Prepares a raw file with synchronous reads (a worker thread, one file at a time). */
function prepareRawFileSync(task: RawFileTask, context: PrepareContext): PreparedRawFile {
  try {
    const bytes = readFileSync(task.file);
    const info = statSync(task.file);
    const read = parseBytes(task, bytes, info, context);
    if (read.kind === 'rejected') return read;
    const existingPath = context.existingPath(read.id);
    if (existingPath === undefined) return buildPrepared(task, read, undefined, context);
    let existingDocument: string | undefined;
    try {
      existingDocument = readFileSync(existingPath, 'utf8');
    } catch {
      existingDocument = undefined;
    }
    return buildPrepared(task, read, { path: existingPath, document: existingDocument }, context);
  } catch (error) {
    return readError(task.file, error);
  }
}
