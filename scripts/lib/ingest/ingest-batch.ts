// Ingests raw files and folders into content/articles: reads and parses in parallel,
// decides in file order (so duplicates resolve the same way every run), writes atomically,
// and never overwrites an article an editor has changed unless forced. A state file beside
// the articles lets a re-run pass over raw files and articles whose stamps have not moved.

import { createHash } from 'node:crypto';
import { renameSync, rmSync, statSync } from 'node:fs';
import { readFile, rm, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { IngestSettings } from '../config/ingest-settings.ts';
import type { SiteSettings } from '../config/site.ts';
import { splitFrontMatter } from '../content/front-matter.ts';
import { writeFileAtomic, TEMPORARY_FILE } from '../fs/atomic-write.ts';
import { describeError } from '../fs/describe-error.ts';
import { OrderedOutlet, prepareInParallelCommitInOrder, TaskPool } from '../fs/bounded.ts';
import { fileStampOfText, sameStamp, stampOf, type FileStamp } from '../fs/file-stamp.ts';
import { MIN_FILES_FOR_WORKER_BESIDE_WORK, StampsInParallel } from '../fs/stamps-in-parallel.ts';
import { walkedRelative, walkFiles, walkFilesSync } from '../fs/walk-files.ts';
import { exactIngestSha256 } from './article-fingerprint.ts';
import {
  ingestConfiguration, isTrustedStamp, rawFileStanding, readIngestState, writeIngestState,
  type ArticleRecord, type IngestState, type RawFileRecord,
} from './ingest-state.ts';
import { ingestDecision } from './ingest-decision.ts';
import { parseManifest, type Manifest, type ManifestEntry } from './manifest.ts';
import type { PreparePool } from './prepare-pool.ts';
import type { PreparedRawFile, RawFileTask } from './prepare-raw-file.ts';

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
  /**
   * Recompute the tags of articles already written, by the current rules. Without it an
   * article keeps the tags it was written with while its raw text is the same, so a change
   * of the tagging rules alone rewrites nothing. An article an editor changed is still kept
   * (kept-edited) unless forced.
   */
  retag?: boolean;
  site: Pick<SiteSettings, 'timeZone' | 'sections'>;
  settings: IngestSettings;
  /** Called once per raw file, in file order. */
  onReport?: (report: FileReport) => void;
  /**
   * Raw files parsed on the main thread before worker threads take over the rest (default
   * 200): a small batch is done before workers would have started.
   */
  parallelAfter?: number;
  /** Worker threads for a large batch (default: one per core, at most 4). */
  workers?: number;
}

const PARALLEL_AFTER = 200;
const MAX_WORKERS = 4;

interface ExistingArticle {
  path: string;
  sourceSha256?: string;
  textSha256?: string;
  /** Known only when the file is exactly a document ingest wrote (see exactIngestSha256). */
  ingestSha256?: string;
}

interface ArticleIndex {
  byId: Map<string, ExistingArticle>;
  /** Text hash → id of the article that says it. */
  idByText: Map<string, string>;
  /** Every article file, by path relative to the articles folder: the next state's articles. */
  files: Map<string, ArticleRecord>;
  /** Every article file is the state's, as the state has it, and none is missing. */
  asInState: boolean;
}

type RawItem = { path: string } | { path: string; error: string };

/** A raw file the state vouches for: unchanged since the last run made (or found) its article. */
interface KnownRawFile {
  kind: 'known';
  file: string;
  task: RawFileTask;
  record: RawFileRecord;
  manifestWarnings: string[];
}

type Prepared =
  | KnownRawFile
  | { kind: 'missing'; file: string; reason: string }
  | { kind: 'prepared'; task: RawFileTask; prepared: PreparedRawFile; manifestWarnings: string[] };

const FRONT_MATTER_FIELD = /^(id|sourceSha256|textSha256): ['"]?([0-9a-f]+)['"]?$/gm;

/**
 * The id and hashes an article file names in its front matter. An article whose delimiters an
 * editor broke (no opening --- line, or no closing one) has none by the rule, and is searched
 * whole: ingest must still know the id lives there, so as to keep the editor's file, not write
 * a new article over it.
 */
function frontMatterFields(document: string): Record<string, string> {
  const frontMatter = splitFrontMatter(document)?.frontMatter ?? document;
  const fields: Record<string, string> = {};
  for (const match of frontMatter.matchAll(FRONT_MATTER_FIELD)) fields[match[1] as string] = match[2] as string;
  return fields;
}

function toRelative(outDir: string, path: string): string {
  return relative(outDir, path).split(sep).join('/');
}

/** The article files already there, as walked, and their stamps being taken (article files). */
interface ArticleFiles {
  paths: string[];
  stamps: StampsInParallel;
}

/**
 * Lists the article files and begins to stamp them: for a large archive a worker stamps
 * beside this thread, which reads the ingest state meanwhile (at 100,000 articles each is
 * about half a second). With `removeLeftovers`, the same walk removes the temporary files of
 * writes a killed run never finished (never articles: safe to remove). Synchronously: at
 * 100,000 articles the asynchronous walk and a second listing for the leftovers were about
 * a second of every ingest.
 */
function listArticleFiles(outDir: string, removeLeftovers: boolean): ArticleFiles {
  const isFolder = (() => { try { return statSync(outDir).isDirectory(); } catch { return false; } })();
  const paths: string[] = [];
  const leftover = (file: string): void => {
    if (removeLeftovers && TEMPORARY_FILE.test(basename(file))) rmSync(file, { force: true });
  };
  if (isFolder) for (const path of walkFilesSync(outDir, () => true, leftover)) if (path.endsWith('.md')) paths.push(path);
  return { paths, stamps: new StampsInParallel('', paths, paths.length >= MIN_FILES_FOR_WORKER_BESIDE_WORK, 'file') };
}

/**
 * What ingest needs to know of the articles already there: where each id lives, which texts
 * exist. Articles the state vouches for (same stamp) are not read.
 */
async function indexExistingArticles(outDir: string, files: ArticleFiles, state: IngestState | undefined): Promise<ArticleIndex> {
  const index: ArticleIndex = { byId: new Map(), idByText: new Map(), files: new Map(), asInState: false };
  let trusted = 0;
  let read = 0;
  const add = (path: string, relativePath: string, record: ArticleRecord): void => {
    index.files.set(relativePath, record);
    index.byId.set(record.id, { path, sourceSha256: record.sourceSha256, textSha256: record.textSha256, ingestSha256: record.ingestSha256 });
    if (record.textSha256) index.idByText.set(record.textSha256, record.id);
  };
  const pool = new TaskPool(32);
  const relativeOf = walkedRelative(outDir);
  const stamps = await files.stamps.all();
  for (const [position, path] of files.paths.entries()) {
    const stampText = stamps[position];
    // Gone since the walk, or not to be read.
    if (stampText === undefined) continue;
    const stamp = fileStampOfText(stampText);
    const relativePath = relativeOf(path);
    const recorded = state?.articles.get(relativePath);
    if (recorded && state && isTrustedStamp(recorded, stamp, state)) {
      add(path, relativePath, recorded);
      trusted += 1;
      continue;
    }
    read += 1;
    await pool.add(async () => {
      const document = await readFile(path, 'utf8');
      const fields = frontMatterFields(document);
      if (!fields.id) return;
      // With a state, the few articles read are the changed ones: worth knowing if they are still ingest's own.
      const ingestSha256 = state ? exactIngestSha256(document) : undefined;
      add(path, relativePath, { ...stamp, id: fields.id, sourceSha256: fields.sourceSha256, textSha256: fields.textSha256, ingestSha256 });
    });
  }
  await pool.drain();
  index.asInState = state !== undefined && read === 0 && trusted === state.articles.size;
  return index;
}

async function* rawFiles(inputs: readonly string[]): AsyncGenerator<RawItem> {
  for (const input of inputs) {
    const info = await stat(input).catch(() => undefined);
    if (!info) yield { path: input, error: 'no such file or folder' };
    else if (info.isDirectory()) {
      for await (const path of walkFiles(input)) if (path.endsWith('.txt')) yield { path };
    } else yield { path: input };
  }
}

function manifestRow(entry: ManifestEntry | undefined): [string | null, string | null] {
  return [entry?.date ?? null, entry?.url ?? null];
}

/** The document of a prepared file that is to be written (only an unchanged one comes without). */
function documentOf(prepared: { file: string; document?: string }): string {
  if (prepared.document === undefined) throw new Error(`no document was kept for ${prepared.file}`);
  return prepared.document;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function ingestRawFiles(options: IngestOptions): Promise<IngestSummary> {
  const { outDir, settings, site } = options;
  const configuration = ingestConfiguration(settings, site);
  const articleFiles = listArticleFiles(outDir, !options.dryRun);
  const state = await readIngestState(outDir, configuration);
  const index = await indexExistingArticles(outDir, articleFiles, state);
  // The next state: what this run learns, over what the last one knew of files not in this batch.
  const rawRecords = new Map(state?.rawFiles ?? []);
  // Whether the next state can differ from the last: if not, it is not even put together.
  let stateChanged = !state?.settled || !index.asInState;
  const manifests = new Map<string, Promise<Manifest>>();
  const manifestWarningsShown = new Set<string>();
  const summary: IngestSummary = { files: 0, created: 0, updated: 0, unchanged: 0, 'kept-edited': 0, duplicate: 0, rejected: 0 };
  const claimedIds = new Map<string, string>();
  // Where each id's article was when the run started: what a raw file is compared with.
  const startPaths = new Map([...index.byId].map(([id, existing]) => [id, existing.path]));
  // Parsing and building articles is loaded on first need: a re-run with nothing new never needs it.
  const prepareOptions = { outDir, optionDate: options.date, site, settings, retag: options.retag ?? false };
  let preparer: Promise<(task: RawFileTask) => Promise<PreparedRawFile>> | undefined;
  const prepareHere = async (task: RawFileTask): Promise<PreparedRawFile> => {
    preparer ??= import('./prepare-raw-file.ts').then(({ rawFilePreparer }) => rawFilePreparer({
      ...prepareOptions, existingPath: (id) => startPaths.get(id),
    }).prepare);
    return (await preparer)(task);
  };
  // Past the first files of a large batch, worker threads prepare the rest (or, should they
  // fail to start, the main thread goes on alone).
  let pool: Promise<PreparePool | undefined> | undefined;
  let preparedHere = 0;
  const parallelAfter = options.parallelAfter ?? PARALLEL_AFTER;
  const prepareRawFile = async (task: RawFileTask): Promise<PreparedRawFile> => {
    if (preparedHere < parallelAfter) {
      preparedHere += 1;
      return prepareHere(task);
    }
    pool ??= import('./prepare-pool.ts').then(({ PreparePool }) => PreparePool.start(
      Math.max(1, options.workers ?? Math.min(availableParallelism(), MAX_WORKERS)),
      { options: prepareOptions, existingPaths: [...startPaths], stage: !options.dryRun },
    )).catch(() => undefined);
    const started = await pool;
    return started ? started.prepare(task) : prepareHere(task);
  };

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

  /** The state's record of a raw file, when it still holds (see rawFileStanding). */
  const knownRecord = async (file: string, entry: ManifestEntry | undefined): Promise<RawFileRecord | undefined> => {
    const record = state?.rawFiles.get(resolve(file));
    // Retagging reads every raw file again: the state knows nothing of what the rules give now.
    if (!state || !record || options.retag) return undefined;
    let stamp: FileStamp;
    try {
      stamp = stampOf(statSync(file));
    } catch {
      return undefined;
    }
    const standing = rawFileStanding(record, { stamp, manifest: manifestRow(entry), optionDate: options.date }, state);
    if (standing === 'unchanged') return record;
    if (standing === 'changed') return undefined;
    const bytes = await readFile(file).catch(() => undefined);
    if (!bytes || sha256(bytes) !== record.sha256) return undefined;
    // Not changed while it was read: then the new stamp stands for these bytes.
    const again = statSync(file, { throwIfNoEntry: false });
    return again && sameStamp(again, stamp) ? { ...record, ...stampOf(again) } : undefined;
  };

  const prepare = async (item: RawItem): Promise<Prepared> => {
    const file = item.path;
    if ('error' in item) return { kind: 'missing', file, reason: item.error };
    // Claimed before the first await, while prepare still runs in file order: the manifest's
    // warnings go with the folder's first file on every run, whichever read finishes first.
    const showManifestWarnings = !manifestWarningsShown.has(dirname(file));
    manifestWarningsShown.add(dirname(file));
    const manifest = await manifestFor(dirname(file));
    const manifestWarnings = showManifestWarnings ? manifest.warnings : [];
    const entry = manifest.entries.get(basename(file));
    const task: RawFileTask = { file, manifestDate: entry?.date, manifestUrl: entry?.url };
    const record = await knownRecord(file, entry);
    if (record) return { kind: 'known', file, task, record, manifestWarnings };
    return { kind: 'prepared', task, prepared: await prepareRawFile(task), manifestWarnings };
  };

  // Decisions are taken in file order; writes overlap; the report comes out in file order.
  const outlet = new OrderedOutlet<FileReport>(settings.concurrency, report);

  // Articles written in this run, stamped all at once at the end (a stat each, in one go).
  const writtenArticles = new Map<string, Omit<ArticleRecord, keyof FileStamp>>();

  /** Puts the prepared document in place: renames the file a worker staged, or writes it. */
  const putArticle = async (prepared: PreparedRawFile & { kind: 'built' }, target: string): Promise<void> => {
    const { staged } = prepared;
    if (!staged) return writeFileAtomic(target, documentOf(prepared));
    if ('error' in staged) throw Object.assign(new Error(staged.error), { code: staged.error });
    try {
      // Synchronous: a rename is quick, and the main thread has little else to do meanwhile.
      renameSync(staged.path, target);
    } catch (error) {
      rmSync(staged.path, { force: true });
      throw error;
    }
  };

  const write = async (entry: FileReport, target: string, prepared: PreparedRawFile & { kind: 'built' }, onWritten: () => void, previousPath?: string): Promise<FileReport> => {
    try {
      await putArticle(prepared, target);
      if (previousPath && previousPath !== target) {
        await rm(previousPath, { force: true });
        index.files.delete(toRelative(outDir, previousPath));
      }
      onWritten();
      return entry;
    } catch (error) {
      return { ...entry, status: 'rejected', reason: `cannot write ${target}: ${describeError(error)}` };
    }
  };

  /** A staged document that is not to be written after all. */
  const discardStaged = async (prepared: PreparedRawFile): Promise<void> => {
    if (prepared.kind === 'built' && prepared.staged && 'path' in prepared.staged) await rm(prepared.staged.path, { force: true });
  };

  const commitPrepared = async (task: RawFileTask, prepared: PreparedRawFile, manifestWarnings: readonly string[]): Promise<void> => {
    let written = false;
    try {
      await decide(task, prepared, manifestWarnings, () => { written = true; });
    } finally {
      if (!written) await discardStaged(prepared);
    }
  };

  /** Takes the decision for one prepared raw file and reports it; calls writing() when it writes the article. */
  const decide = async (task: RawFileTask, prepared: PreparedRawFile, manifestWarnings: readonly string[], writing: () => void): Promise<void> => {
    const rawKey = resolve(prepared.file);
    stateChanged = true;
    if (prepared.kind === 'rejected') {
      rawRecords.delete(rawKey);
      const warnings = prepared.withManifestWarnings ? [...manifestWarnings, ...prepared.warnings] : prepared.warnings;
      await outlet.push({ file: prepared.file, status: 'rejected', reason: prepared.reason, warnings });
      return;
    }
    const { file, id, textSha256, sourceSha256, ingestSha256 } = prepared;
    // A retag's note is this run's news only: the state remembers prepared.warnings, not it.
    const warnings = [...manifestWarnings, ...prepared.warnings, ...(prepared.retagged ? [prepared.retagged] : [])];
    const target = join(outDir, ...prepared.relativePath.split('/'));
    const base: FileReport = { file, status: 'created', id, article: target, warnings };
    rawRecords.delete(rawKey);

    const sameTextId = index.idByText.get(textSha256);
    const existing = index.byId.get(id);
    const decision = ingestDecision({
      id, target, sourceSha256,
      claimedBy: claimedIds.get(id),
      sameTextAs: sameTextId === undefined ? undefined : { id: sameTextId, path: index.byId.get(sameTextId)?.path ?? sameTextId },
      existing,
      sameDocument: prepared.sameDocument,
      existingEdited: prepared.existingEdited,
      retagged: prepared.retagged !== undefined,
      tags: prepared.tags,
      force: options.force ?? false,
      retag: options.retag ?? false,
    });
    const entry: FileReport = {
      ...base,
      status: decision.status,
      ...(decision.article === undefined ? {} : { article: decision.article ?? undefined }),
      ...(decision.reason === undefined ? {} : { reason: decision.reason }),
      warnings: [...warnings, ...decision.warnings],
    };
    if (!decision.claims) {
      await outlet.push(entry);
      return;
    }
    claimedIds.set(id, file);

    const articleRecord = { id, sourceSha256, textSha256, ingestSha256 };
    const rawRecord = (): RawFileRecord => ({
      ...prepared.stamp,
      sha256: sourceSha256,
      id,
      textSha256,
      article: prepared.relativePath,
      ingestSha256,
      dateSource: prepared.dateSource,
      ...(prepared.dateSource === 'option' || prepared.dateSource === 'mtime' ? { optionDate: options.date } : {}),
      manifest: manifestRow({ date: task.manifestDate, url: task.manifestUrl }),
      warnings: prepared.warnings,
    });
    const remember = (): void => {
      writtenArticles.set(toRelative(outDir, target), articleRecord);
      rawRecords.set(rawKey, rawRecord());
    };

    index.byId.set(id, decision.keepsExisting && existing ? existing : { path: target, sourceSha256, textSha256, ingestSha256 });
    index.idByText.set(textSha256, id);
    const { action } = decision;
    if (action.kind === 'record') {
      const known = index.files.get(toRelative(outDir, target));
      if (known) index.files.set(toRelative(outDir, target), { ...known, ...articleRecord });
      rawRecords.set(rawKey, rawRecord());
      await outlet.push(entry);
    } else if (action.kind === 'write' && !options.dryRun) {
      writing();
      await outlet.push(write(entry, target, prepared, remember, action.replaces));
    } else {
      await outlet.push(entry);
    }
  };

  const commitKnown = async (known: KnownRawFile): Promise<void> => {
    const { file, record } = known;
    const { id, textSha256 } = record;
    const target = join(outDir, ...record.article.split('/'));
    const base: FileReport = { file, status: 'created', id, article: target, warnings: [...known.manifestWarnings, ...record.warnings] };
    const firstFile = claimedIds.get(id);
    const sameTextId = index.idByText.get(textSha256);
    const existing = index.byId.get(id);
    if (firstFile === undefined && (sameTextId === undefined || sameTextId === id)
      && existing?.path === target && existing.ingestSha256 === record.ingestSha256) {
      // Same raw bytes, same article as the last run left it: unchanged, neither read nor parsed.
      claimedIds.set(id, file);
      index.idByText.set(textSha256, id);
      if (record !== state?.rawFiles.get(resolve(file))) stateChanged = true;
      rawRecords.set(resolve(file), record);
      await outlet.push({ ...base, status: 'unchanged' });
      return;
    }
    // Anything else (a duplicate now, an article changed or gone) takes the full path.
    await commitPrepared(known.task, await prepareRawFile(known.task), known.manifestWarnings);
  };

  const commit = async (prepared: Prepared): Promise<void> => {
    if (prepared.kind === 'missing') {
      await outlet.push({ file: prepared.file, status: 'rejected', reason: prepared.reason, warnings: [] });
    } else if (prepared.kind === 'known') {
      await commitKnown(prepared);
    } else {
      await commitPrepared(prepared.task, prepared.prepared, prepared.manifestWarnings);
    }
  };

  try {
    await prepareInParallelCommitInOrder(rawFiles(options.inputs), settings.concurrency, prepare, commit);
    await outlet.drain();
  } finally {
    await (await pool)?.close();
  }
  if (!options.dryRun && stateChanged) {
    for (const [relativePath, record] of writtenArticles) {
      try {
        index.files.set(relativePath, { ...stampOf(statSync(join(outDir, ...relativePath.split('/')))), ...record });
      } catch {
        // Gone already: the next run will not find it either.
      }
    }
    const articles = new Map([...index.files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    await writeIngestState(outDir, configuration, rawRecords, articles, state);
  }
  return summary;
}

/** A report path relative to a base folder, with forward slashes, for stable output. */
export function displayPath(path: string, base: string): string {
  const relativePath = relative(base, path);
  return (relativePath.startsWith('..') ? path : relativePath).split(sep).join('/');
}
