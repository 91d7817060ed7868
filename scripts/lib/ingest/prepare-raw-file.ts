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
import { describeError } from '../fs/describe-error.ts';
import { stampOf, type FileStamp } from '../fs/file-stamp.ts';
import { isUntouchedIngestOutput } from './article-fingerprint.ts';
import { buildArticle } from './build-article.ts';
import { decodeRawBytes, type RawEncoding } from './decode-raw-bytes.ts';
import { compileTagMatcher, type TagMatcher } from './match-tags.ts';
import { parseRawArticle } from './parse-raw-article.ts';

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
}

interface PrepareContext extends PrepareOptions {
  tags: TagMatcher;
}

/** A prepare function for one batch: the gazetteer compiled once. */
export function rawFilePreparer(options: PrepareOptions): { prepare: (task: RawFileTask) => Promise<PreparedRawFile>; prepareSync: (task: RawFileTask) => PreparedRawFile } {
  const context: PrepareContext = { ...options, tags: compileTagMatcher(options.settings.tagGazetteer) };
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
    /** The existing article of the same id is byte for byte this document. */
    sameDocument: boolean;
    /** The existing article of the same id has been changed since ingest wrote it. */
    existingEdited: boolean;
  };

function encodingName(encoding: RawEncoding): string {
  return encoding === 'windows-1256' ? 'Windows-1256' : 'UTF-8';
}

type Built = Extract<PreparedRawFile, { kind: 'built' }>;

function fromBytes(task: RawFileTask, bytes: Uint8Array, info: Stats, context: PrepareContext): PreparedRawFile {
  const { file } = task;
  const warnings: string[] = [];
  const decoded = decodeRawBytes(bytes);
  if (!decoded.ok) return { kind: 'rejected', file, reason: decoded.reason, warnings, withManifestWarnings: true };
  if (decoded.encoding !== 'utf-8') warnings.push(`decoded from ${encodingName(decoded.encoding)}`);
  const parsed = parseRawArticle(decoded.text, context.settings.boilerplateLines);
  if (!parsed.ok) return { kind: 'rejected', file, reason: parsed.reason, warnings, withManifestWarnings: true };
  const built = buildArticle(
    parsed.article,
    {
      fileName: basename(file),
      sourceSha256: createHash('sha256').update(bytes).digest('hex'),
      fileModified: info.mtime,
      manifestDate: task.manifestDate,
      manifestUrl: task.manifestUrl,
      optionDate: context.optionDate,
    },
    { site: context.site, ingest: context.settings, tags: context.tags },
  );
  const { frontMatter } = built;
  return {
    kind: 'built',
    file,
    stamp: stampOf(info),
    id: frontMatter.id,
    textSha256: frontMatter.textSha256,
    sourceSha256: frontMatter.sourceSha256,
    relativePath: built.relativePath,
    dateSource: frontMatter.dateSource,
    document: built.document,
    ingestSha256: built.ingestSha256,
    warnings: [...warnings, ...built.warnings],
    sameDocument: false,
    existingEdited: false,
  };
}

function compared(prepared: Built, existingPath: string, existingDocument: string | undefined, outDir: string): Built {
  const sameDocument = existingDocument === prepared.document;
  const result: Built = { ...prepared, sameDocument, existingEdited: existingDocument !== undefined && !isUntouchedIngestOutput(existingDocument) };
  // Nothing will be written: no need to carry the document any further.
  if (sameDocument && existingPath === join(outDir, ...prepared.relativePath.split('/'))) delete result.document;
  return result;
}

function readError(file: string, error: unknown): PreparedRawFile {
  return { kind: 'rejected', file, reason: `cannot read the file: ${describeError(error)}`, warnings: [], withManifestWarnings: false };
}

/** Prepares a raw file with asynchronous reads (the main thread, many files at once). */
async function prepareRawFile(task: RawFileTask, context: PrepareContext): Promise<PreparedRawFile> {
  try {
    const [bytes, info] = await Promise.all([readFile(task.file), stat(task.file)]);
    const prepared = fromBytes(task, bytes, info, context);
    if (prepared.kind === 'rejected') return prepared;
    const existingPath = context.existingPath(prepared.id);
    if (existingPath === undefined) return prepared;
    const existingDocument = await readFile(existingPath, 'utf8').catch(() => undefined);
    return compared(prepared, existingPath, existingDocument, context.outDir);
  } catch (error) {
    return readError(task.file, error);
  }
}

/** Prepares a raw file with synchronous reads (a worker thread, one file at a time). */
function prepareRawFileSync(task: RawFileTask, context: PrepareContext): PreparedRawFile {
  try {
    const bytes = readFileSync(task.file);
    const info = statSync(task.file);
    const prepared = fromBytes(task, bytes, info, context);
    if (prepared.kind === 'rejected') return prepared;
    const existingPath = context.existingPath(prepared.id);
    if (existingPath === undefined) return prepared;
    let existingDocument: string | undefined;
    try {
      existingDocument = readFileSync(existingPath, 'utf8');
    } catch {
      existingDocument = undefined;
    }
    return compared(prepared, existingPath, existingDocument, context.outDir);
  } catch (error) {
    return readError(task.file, error);
  }
}
