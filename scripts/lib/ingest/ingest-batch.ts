// Ingests raw files and folders into content/articles: reads and parses in parallel,
// decides in file order (so duplicates resolve the same way every run), writes atomically,
// and never overwrites an article an editor has changed unless forced.

import { createHash } from 'node:crypto';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import type { IngestSettings } from '../config/ingest-settings.ts';
import type { SiteSettings } from '../config/site.ts';
import { writeFileAtomic, TEMPORARY_FILE } from '../fs/atomic-write.ts';
import { OrderedOutlet, prepareInParallelCommitInOrder, TaskPool } from '../fs/bounded.ts';
import { walkFiles } from '../fs/walk-files.ts';
import { isUntouchedIngestOutput } from './article-document.ts';
import { buildArticle, type BuiltArticle } from './build-article.ts';
import { decodeRawBytes, type RawEncoding } from './decode-raw-bytes.ts';
import { parseManifest, type Manifest } from './manifest.ts';
import { compileTagMatcher } from './match-tags.ts';
import { parseRawArticle } from './parse-raw-article.ts';

export const INGEST_STATUSES = ['created', 'updated', 'unchanged', 'kept-edited', 'duplicate', 'rejected'] as const;
export type IngestStatus = (typeof INGEST_STATUSES)[number];

export interface FileReport {
  /** The raw file, as given or found. */
  file: string;
  status: IngestStatus;
  id?: string;
  /** The article file written or kept. */
  article?: string;
  reason?: string;
  warnings: string[];
}

export type IngestSummary = Record<IngestStatus, number> & { files: number };

export interface IngestOptions {
  /** Raw files and folders (folders are searched for *.txt). */
  inputs: readonly string[];
  /** Folder that receives <yyyy>/<mm>/<id>.md. */
  outDir: string;
  /** Date for files with no manifest entry and no date line. */
  date?: string;
  dryRun?: boolean;
  /** Overwrite articles an editor has changed. */
  force?: boolean;
  site: Pick<SiteSettings, 'timeZone' | 'sections'>;
  settings: IngestSettings;
  /** Called once per raw file, in file order. */
  onReport?: (report: FileReport) => void;
}

interface ExistingArticle {
  path: string;
  sourceSha256?: string;
  textSha256?: string;
}

interface ArticleIndex {
  byId: Map<string, ExistingArticle>;
  /** Text hash → id of the article that says it. */
  idByText: Map<string, string>;
}

type Prepared =
  | { kind: 'rejected'; file: string; reason: string; warnings: string[] }
  | { kind: 'built'; file: string; built: BuiltArticle; existingDocument?: string };

const FRONT_MATTER_FIELD = /^(id|sourceSha256|textSha256): ['"]?([0-9a-f]+)['"]?$/gm;

/** What ingest needs to know of the articles already there: where each id lives, which texts exist. */
async function indexExistingArticles(outDir: string): Promise<ArticleIndex> {
  const index: ArticleIndex = { byId: new Map(), idByText: new Map() };
  const exists = await stat(outDir).then((info) => info.isDirectory(), () => false);
  if (!exists) return index;
  const pool = new TaskPool(32);
  for await (const path of walkFiles(outDir)) {
    if (!path.endsWith('.md')) continue;
    await pool.add(async () => {
      const document = await readFile(path, 'utf8');
      const frontMatter = document.slice(0, document.indexOf('\n---', 3) + 1);
      const fields: Record<string, string> = {};
      for (const match of frontMatter.matchAll(FRONT_MATTER_FIELD)) fields[match[1] as string] = match[2] as string;
      if (!fields.id) return;
      index.byId.set(fields.id, { path, sourceSha256: fields.sourceSha256, textSha256: fields.textSha256 });
      if (fields.textSha256) index.idByText.set(fields.textSha256, fields.id);
    });
  }
  await pool.drain();
  return index;
}

/** Leftovers of writes a killed process never finished: never articles, safe to remove. */
async function removeStaleTemporaryFiles(outDir: string): Promise<void> {
  const exists = await stat(outDir).then((info) => info.isDirectory(), () => false);
  if (!exists) return;
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
  await Promise.all(
    entries
      .filter((entry) => entry.isFile() && TEMPORARY_FILE.test(entry.name))
      .map((entry) => rm(join(entry.parentPath, entry.name), { force: true })),
  );
}

async function* rawFiles(inputs: readonly string[]): AsyncGenerator<{ path: string } | { path: string; error: string }> {
  for (const input of inputs) {
    const info = await stat(input).catch(() => undefined);
    if (!info) yield { path: input, error: 'no such file or folder' };
    else if (info.isDirectory()) {
      for await (const path of walkFiles(input)) if (path.endsWith('.txt')) yield { path };
    } else yield { path: input };
  }
}

function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code ?? (error instanceof Error ? error.message : String(error));
}

export async function ingestRawFiles(options: IngestOptions): Promise<IngestSummary> {
  const { outDir, settings, site } = options;
  const tags = compileTagMatcher(settings.tagGazetteer);
  if (!options.dryRun) await removeStaleTemporaryFiles(outDir);
  const index = await indexExistingArticles(outDir);
  const manifests = new Map<string, Promise<Manifest>>();
  const manifestWarningsShown = new Set<string>();
  const summary: IngestSummary = { files: 0, created: 0, updated: 0, unchanged: 0, 'kept-edited': 0, duplicate: 0, rejected: 0 };
  const claimedIds = new Map<string, string>();

  const manifestFor = (folder: string): Promise<Manifest> => {
    let manifest = manifests.get(folder);
    if (!manifest) {
      manifest = readFile(join(folder, 'manifest.csv'), 'utf8').then(parseManifest, () => ({ entries: new Map(), warnings: [] }));
      manifests.set(folder, manifest);
    }
    return manifest;
  };

  const report = (entry: FileReport): void => {
    summary.files += 1;
    summary[entry.status] += 1;
    options.onReport?.(entry);
  };

  const prepare = async (item: { path: string } | { path: string; error: string }): Promise<Prepared> => {
    const file = item.path;
    if ('error' in item) return { kind: 'rejected', file, reason: item.error, warnings: [] };
    // Claimed before the first await, while prepare still runs in file order: the manifest's
    // warnings go with the folder's first file on every run, whichever read finishes first.
    const showManifestWarnings = !manifestWarningsShown.has(dirname(file));
    manifestWarningsShown.add(dirname(file));
    try {
      const [bytes, info, manifest] = await Promise.all([readFile(file), stat(file), manifestFor(dirname(file))]);
      const warnings: string[] = showManifestWarnings ? [...manifest.warnings] : [];
      const decoded = decodeRawBytes(bytes);
      if (!decoded.ok) return { kind: 'rejected', file, reason: decoded.reason, warnings };
      if (decoded.encoding !== 'utf-8') warnings.push(`decoded from ${encodingName(decoded.encoding)}`);
      const parsed = parseRawArticle(decoded.text, settings.boilerplateLines);
      if (!parsed.ok) return { kind: 'rejected', file, reason: parsed.reason, warnings };
      const fileName = basename(file);
      const entry = manifest.entries.get(fileName);
      const built = buildArticle(
        parsed.article,
        {
          fileName,
          sourceSha256: createHash('sha256').update(bytes).digest('hex'),
          fileModified: info.mtime,
          manifestDate: entry?.date,
          manifestUrl: entry?.url,
          optionDate: options.date,
        },
        { site, ingest: settings, tags },
      );
      built.warnings.unshift(...warnings);
      const existing = index.byId.get(built.frontMatter.id);
      const existingDocument = existing ? await readFile(existing.path, 'utf8').catch(() => undefined) : undefined;
      return { kind: 'built', file, built, existingDocument };
    } catch (error) {
      return { kind: 'rejected', file, reason: `cannot read the file: ${describeError(error)}`, warnings: [] };
    }
  };

  // Decisions are taken in file order; writes overlap; the report comes out in file order.
  const outlet = new OrderedOutlet<FileReport>(settings.concurrency, report);
  const write = async (entry: FileReport, target: string, document: string, previousPath?: string): Promise<FileReport> => {
    try {
      await writeFileAtomic(target, document);
      if (previousPath && previousPath !== target) await rm(previousPath, { force: true });
      return entry;
    } catch (error) {
      return { ...entry, status: 'rejected', reason: `cannot write ${target}: ${describeError(error)}` };
    }
  };

  const commit = async (prepared: Prepared): Promise<void> => {
    if (prepared.kind === 'rejected') {
      await outlet.push({ file: prepared.file, status: 'rejected', reason: prepared.reason, warnings: prepared.warnings });
      return;
    }
    const { file, built, existingDocument } = prepared;
    const { id, textSha256, sourceSha256 } = built.frontMatter;
    const target = join(outDir, ...built.relativePath.split('/'));
    const base: FileReport = { file, status: 'created', id, article: target, warnings: built.warnings };

    const firstFile = claimedIds.get(id);
    if (firstFile !== undefined) {
      await outlet.push({ ...base, status: 'duplicate', article: undefined, reason: `the id ${id} was already ingested from ${firstFile} in this run` });
      return;
    }
    const sameTextId = index.idByText.get(textSha256);
    if (sameTextId !== undefined && sameTextId !== id) {
      const original = index.byId.get(sameTextId)?.path ?? sameTextId;
      await outlet.push({ ...base, status: 'duplicate', article: original, reason: `same text as the article ${sameTextId}` });
      return;
    }
    claimedIds.set(id, file);

    const existing = index.byId.get(id);
    index.byId.set(id, { path: target, sourceSha256, textSha256 });
    index.idByText.set(textSha256, id);
    if (!existing) {
      if (options.dryRun) await outlet.push(base);
      else await outlet.push(write(base, target, built.document));
      return;
    }
    if (existing.path === target && existingDocument === built.document) {
      await outlet.push({ ...base, status: 'unchanged' });
      return;
    }
    const edited = existingDocument !== undefined && !isUntouchedIngestOutput(existingDocument);
    if (edited && !options.force) {
      index.byId.set(id, existing);
      if (existing.sourceSha256 === sourceSha256) {
        await outlet.push({ ...base, status: 'unchanged', article: existing.path, warnings: [...built.warnings, 'edited by an editor since ingest; kept as edited'] });
      } else {
        await outlet.push({ ...base, status: 'kept-edited', article: existing.path, reason: 'the raw file changed, but an editor has changed the article since ingest: kept as edited (--force overwrites)' });
      }
      return;
    }
    const updated: FileReport = { ...base, status: 'updated' };
    if (edited) updated.warnings = [...updated.warnings, 'overwrote an editor\'s changes (--force)'];
    if (existing.path !== target) updated.warnings = [...updated.warnings, `moved from ${existing.path}`];
    if (options.dryRun) await outlet.push(updated);
    else await outlet.push(write(updated, target, built.document, existing.path));
  };

  await prepareInParallelCommitInOrder(rawFiles(options.inputs), settings.concurrency, prepare, commit);
  await outlet.drain();
  return summary;
}

function encodingName(encoding: RawEncoding): string {
  return encoding === 'windows-1256' ? 'Windows-1256' : 'UTF-8';
}

/** A report path relative to a base folder, with forward slashes, for stable output. */
export function displayPath(path: string, base: string): string {
  const relativePath = relative(base, path);
  return (relativePath.startsWith('..') ? path : relativePath).split(sep).join('/');
}
